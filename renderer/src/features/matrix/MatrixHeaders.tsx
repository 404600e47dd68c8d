import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { usePopover } from '../../components/usePopover';
import type { Column, MatrixRow } from '../../domain/types';

export type LineAction = 'rename' | 'earlier' | 'later' | 'delete';

/** A row or a column of the matrix, as the header menus act on it. */
export type MatrixLine = { kind: 'row'; line: MatrixRow } | { kind: 'column'; line: Column };

interface LineHeaderProps {
  target: MatrixLine;
  index: number;
  count: number;
  onAction: (target: MatrixLine, action: LineAction) => void;
}

/** The title of a row or column with its menu: rename, move, delete. */
export const LineHeader = memo(function LineHeader({ target, index, count, onAction }: LineHeaderProps) {
  const { t } = useTranslation();
  const menu = usePopover();
  const { kind, line } = target;
  const act = (action: LineAction) => () => {
    menu.close({ refocus: action !== 'rename' && action !== 'delete' });
    onAction(target, action);
  };
  const actionsLabel = t(kind === 'row' ? 'matrix.rowActions' : 'matrix.columnActions', {
    title: line.title,
  });

  return (
    <div className="matrix-line-header">
      <span className="matrix-line-title">{line.title}</span>
      <button type="button" className="icon-button" {...menu.triggerProps} title={actionsLabel}>
        <Icon name="more" />
        <span className="visually-hidden">{actionsLabel}</span>
      </button>
      {menu.open && (
        <div className="column-menu matrix-menu" {...menu.panelProps}>
          <button type="button" className="menu-item" onClick={act('rename')} autoFocus>
            {t('matrix.rename')}
          </button>
          <button type="button" className="menu-item" disabled={index === 0} onClick={act('earlier')}>
            {t(kind === 'row' ? 'matrix.moveUp' : 'matrix.moveLeft')}
          </button>
          <button type="button" className="menu-item" disabled={index === count - 1} onClick={act('later')}>
            {t(kind === 'row' ? 'matrix.moveDown' : 'matrix.moveRight')}
          </button>
          <button type="button" className="menu-item menu-item-danger" onClick={act('delete')}>
            {t(kind === 'row' ? 'matrix.deleteRow' : 'matrix.deleteColumn')}
          </button>
        </div>
      )}
    </div>
  );
});
