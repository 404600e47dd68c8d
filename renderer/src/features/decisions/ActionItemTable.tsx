import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { isOverdue, localIsoDate, nextActionStatus } from '../../domain/decisions';
import type { WorkshopId } from '../../domain/ids';
import type { ActionItem } from '../../domain/types';
import { formatIsoDate } from '../../i18n';
import { advanceStatus, deleteActionItem, shorten } from './decisionActions';
import { NoValue } from './DecisionTable';
import { EntryDialog, type EntryTarget } from './EntryDialog';
import { useRefocus } from './useRefocus';

interface ActionItemTableProps {
  workshopId: WorkshopId;
  items: ActionItem[] | undefined;
}

/** Aufgaben: Wer, Was, Bis wann, Status; the status moves on with one click or key press. */
export function ActionItemTable({ workshopId, items }: ActionItemTableProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { container, refocusAfterUpdate } = useRefocus<HTMLElement>(items);
  const [dialog, setDialog] = useState<EntryTarget | null>(null);
  const today = localIsoDate(new Date());
  const rowSelector = (item: ActionItem) => `[data-action-id="${item.id}"]`;

  return (
    <section ref={container} className="entries" aria-labelledby={headingId}>
      <div className="entries-heading">
        <h2 id={headingId} tabIndex={-1}>
          {t('actions.heading')}
          {items && items.length > 0 && (
            <span className="entries-count"> ({items.length.toLocaleString(i18n.language)})</span>
          )}
        </h2>
        <button
          type="button"
          className="button"
          onClick={() => setDialog({ kind: 'new', entry: 'action', choice: false })}
        >
          {t('actions.add')}
        </button>
      </div>
      {items === undefined ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{t('actions.empty')}</p>
      ) : (
        <div className="entries-scroll">
          <table className="entries-table" aria-label={t('actions.heading')}>
            <thead>
              <tr>
                <th scope="col" className="entries-owner">
                  {t('actions.columns.owner')}
                </th>
                <th scope="col">{t('actions.columns.task')}</th>
                <th scope="col" className="entries-date">
                  {t('actions.columns.due')}
                </th>
                <th scope="col" className="entries-status">
                  {t('actions.columns.status')}
                </th>
                <th scope="col" className="entries-actions">
                  <span className="visually-hidden">{t('decisions.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const name = shorten(item.task, 60);
                const overdue = isOverdue(item, today);
                const status = t(`actions.status.${item.status}`);
                const next = t(`actions.status.${nextActionStatus(item.status)}`);
                return (
                  <tr
                    key={item.id}
                    data-action-id={item.id}
                    className={`entries-status-${item.status}${overdue ? ' entries-overdue' : ''}`}
                  >
                    <td className="entries-owner">
                      {item.owner || <NoValue label={t('actions.noOwner')} />}
                    </td>
                    <td className="entries-text">{item.task}</td>
                    <td className="entries-date">
                      {item.due ? (
                        formatIsoDate(item.due, i18n.language)
                      ) : (
                        <NoValue label={t('actions.noDue')} />
                      )}
                      {overdue && <strong className="overdue-badge">{t('actions.overdue')}</strong>}
                    </td>
                    <td className="entries-status">
                      <button
                        type="button"
                        className={`status-button status-${item.status}`}
                        data-status
                        aria-label={t('actions.statusButton', { status, task: name, next })}
                        title={t('actions.statusHint', { next })}
                        onClick={() => {
                          refocusAfterUpdate(`${rowSelector(item)} [data-status]`);
                          void advanceStatus(item);
                        }}
                      >
                        <span className="status-mark" aria-hidden="true" />
                        {status}
                      </button>
                    </td>
                    <td className="entries-actions">
                      <button
                        type="button"
                        className="icon-button"
                        data-edit
                        aria-label={t('actions.editNamed', { task: name })}
                        title={t('common.edit')}
                        onClick={() => setDialog({ kind: 'action', item })}
                      >
                        <Icon name="edit" />
                      </button>
                      <button
                        type="button"
                        className="icon-button icon-button-danger"
                        aria-label={t('actions.deleteNamed', { task: name })}
                        title={t('common.delete')}
                        onClick={() => {
                          refocusAfterUpdate(`[id="${headingId}"]`);
                          void deleteActionItem(item);
                        }}
                      >
                        <Icon name="trash" />
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {dialog && (
        <EntryDialog
          workshopId={workshopId}
          target={dialog}
          onSaved={() => {
            if (dialog.kind === 'action') refocusAfterUpdate(`${rowSelector(dialog.item)} [data-edit]`);
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
