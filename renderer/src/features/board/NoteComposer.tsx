import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addNote } from '../../domain/boardCommands';
import type { BoardContent, Column } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { run } from '../app/commands';
import { planAdd } from './addedRanks';
import { CardComposerForm } from './CardComposerForm';
import { hasDraft } from './useDraft';

/** Adds cards to a column, one after another; the unsent text survives a reload. */
export function NoteComposer({ content, column }: { content: BoardContent; column: Column }) {
  const { t } = useTranslation();
  const draftKey = `note:${column.id}`;
  const [open, setOpen] = useState(() => hasDraft(draftKey));
  const openButton = useRef<HTMLButtonElement>(null);

  async function add(text: string): Promise<boolean> {
    const ok = await run(() =>
      planAdd(`${content.board.id}:${column.id}`, (rankFloor) =>
        addNote(content, { columnId: column.id, text, now: Date.now(), rankFloor }),
      ),
    );
    if (ok) useAppStore.getState().announce(t('notes.added', { column: column.title }));
    return ok;
  }

  if (!open) {
    return (
      <button ref={openButton} type="button" className="add-note" onClick={() => setOpen(true)}>
        <span aria-hidden="true">+ </span>
        {t('notes.add')}
        <span className="visually-hidden"> {t('notes.addTo', { column: column.title })}</span>
      </button>
    );
  }

  return (
    <CardComposerForm
      draftKey={draftKey}
      label={t('notes.newLabel', { column: column.title })}
      onAdd={add}
      onClose={() => setOpen(false)}
      onEscape={() => {
        setOpen(false);
        setTimeout(() => openButton.current?.focus());
      }}
    />
  );
}
