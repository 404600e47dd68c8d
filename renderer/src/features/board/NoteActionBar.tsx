import type { ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import { usePopover } from '../../components/usePopover';
import { NOTE_COLORS, type Note, type NoteColor } from '../../domain/types';
import { shorten } from './useNoteDnd';
import { useT } from '../../i18n/useT';

interface NoteActionBarProps {
  note: Note;
  onEdit: () => void;
  onRecolor: (color: NoteColor) => void;
  /** "Verschieben nach …": the way to move a card without dragging. */
  onMove: () => void;
  onDelete: () => void;
  /** More buttons after "edit" (e.g. the facts of an inventory card), given the card's short name. */
  extra?: (label: string) => ReactNode;
}

/** A card's buttons on every board: edit, recolour (with its menu), move, delete. */
export function NoteActionBar({ note, onEdit, onRecolor, onMove, onDelete, extra }: NoteActionBarProps) {
  const t = useT();
  const colors = usePopover();
  const label = shorten(note.text, 30) || t('notes.empty');

  function pickColor(color: NoteColor) {
    colors.close();
    onRecolor(color);
  }

  return (
    <>
      <div className="note-actions">
        <button type="button" className="icon-button" onClick={onEdit} title={t('notes.edit')}>
          <Icon name="edit" />
          <span className="visually-hidden">{t('notes.editNamed', { note: label })}</span>
        </button>
        {extra?.(label)}
        <button type="button" className="icon-button" {...colors.triggerProps} title={t('notes.color')}>
          <span aria-hidden="true" className={`swatch swatch-${note.color}`} />
          <span className="visually-hidden">{t('notes.colorNamed', { note: label })}</span>
        </button>
        <button type="button" className="icon-button" onClick={onMove} title={t('notes.move')}>
          <Icon name="move" />
          <span className="visually-hidden">{t('notes.moveNamed', { note: label })}</span>
        </button>
        <button
          type="button"
          className="icon-button icon-button-danger"
          onClick={onDelete}
          title={t('notes.delete')}
        >
          <Icon name="trash" />
          <span className="visually-hidden">{t('notes.deleteNamed', { note: label })}</span>
        </button>
      </div>
      {colors.open && (
        <div className="color-menu" role="group" aria-label={t('notes.color')} {...colors.panelProps}>
          {NOTE_COLORS.map((color, i) => (
            <button
              key={color}
              type="button"
              className={`color-option swatch-${color}`}
              aria-pressed={note.color === color}
              onClick={() => pickColor(color)}
              autoFocus={i === 0}
            >
              {t(`colors.${color}`)}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
