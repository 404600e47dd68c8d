import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editNote } from '../../domain/boardCommands';
import type { NoteId } from '../../domain/ids';
import type { Note } from '../../domain/types';
import { getDb } from '../../persistence/db';
import { cleanNoteText, LIMITS } from '../../domain/validation';
import { useAppStore } from '../../state/store';
import { commit, describeError } from '../app/commands';
import { forgetTyping, keepTyping } from '../app/typedKeeper';

const AUTOSAVE_MS = 400;

/**
 * Writes only the text into the card as stored now: a card moved or recoloured
 * meanwhile (another window) keeps that, and one deleted meanwhile is not brought
 * back. Resolves whether the text is in the card.
 */
async function writeText(noteId: NoteId, text: string): Promise<boolean> {
  const current = await getDb().notes.get(noteId);
  if (!current) return false;
  if (current.text === text) return true;
  return commit([{ table: 'notes', before: current, after: { ...current, text } }], { undoable: false });
}

function problemWith(text: string): string | null {
  try {
    cleanNoteText(text);
    return null;
  } catch (error) {
    return describeError(error);
  }
}

/**
 * Edits a card in place. Typing is saved as it happens (so a crash or reload
 * loses nothing); finishing makes the whole edit one undo step.
 */
export function NoteEditor({ note }: { note: Note }) {
  const { t } = useTranslation();
  const id = useId();
  const original = useRef(note);
  const [text, setText] = useState(note.text);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The typing not saved yet, if any: written when the timer fires or the editor goes away. */
  const unsaved = useRef<(() => void) | null>(null);
  const autosaved = useRef(false);
  const finished = useRef(false);
  const setEditing = useAppStore((s) => s.setEditingNote);
  const place = { kind: 'noteText', noteId: note.id } as const;

  // Leaving the card in the middle of typing (another screen) still saves what was typed.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      unsaved.current?.();
    },
    [],
  );

  function change(value: string) {
    setText(value);
    const problem = problemWith(value);
    setError(problem);
    clearTimeout(timer.current);
    unsaved.current = null;
    if (problem) return;
    const clean = cleanNoteText(value);
    // Kept at once: a reload before the save below loses nothing (written at the next start).
    const kept = keepTyping({ ...place, text: clean });
    const save = () => {
      unsaved.current = null;
      autosaved.current = true;
      void writeText(original.current.id, clean).then((written) => {
        if (written) kept.forget();
      });
    };
    unsaved.current = save;
    timer.current = setTimeout(save, AUTOSAVE_MS);
  }

  async function finish() {
    if (finished.current) return;
    const problem = problemWith(text);
    if (problem) {
      setError(problem);
      return;
    }
    finished.current = true;
    clearTimeout(timer.current);
    unsaved.current = null;
    const changes = editNote(original.current, text, Date.now());
    let written = true;
    if (changes.length > 0) written = await commit(changes);
    else if (autosaved.current) written = await writeText(original.current.id, original.current.text);
    if (written) forgetTyping(place);
    setEditing(null);
  }

  async function cancel() {
    finished.current = true;
    clearTimeout(timer.current);
    unsaved.current = null;
    // Escape takes the typing back: nothing of it is to be written at the next start.
    forgetTyping(place);
    if (autosaved.current) await writeText(original.current.id, original.current.text);
    setEditing(null);
  }

  return (
    <div className="note-editor">
      <label htmlFor={id} className="visually-hidden">
        {t('notes.textLabel')}
      </label>
      <textarea
        id={id}
        value={text}
        autoFocus
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => change(event.target.value)}
        onBlur={() => void finish()}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            void finish();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            void cancel();
          }
        }}
      />
      <p
        id={`${id}-help`}
        className={error ? 'field-error' : 'field-hint'}
        role={error ? 'alert' : undefined}
      >
        {error ?? t('notes.editHint', { count: text.length, max: LIMITS.noteText })}
      </p>
    </div>
  );
}
