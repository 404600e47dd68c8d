import { createContext, memo, useContext, useMemo, type ReactNode } from 'react';
import type { NoteId, ParticipantId } from '../../domain/ids';
import type { Note, Participant } from '../../domain/types';
import { useT } from '../../i18n/useT';

/**
 * Who wrote the cards of the open board (cards accepted from a named writing
 * round carry their author). One map per board, given by the board's frame:
 * no card asks the database for its author.
 */
const NoteAuthorsContext = createContext<ReadonlyMap<NoteId, string>>(new Map());

const ENTRY = '\u0001';
const PAIR = '\u0002';

/** Card id → author name, for the cards with a known author; keeps its identity while unchanged. */
export function useAuthorMap(
  notes: readonly Note[],
  participants: readonly Participant[] | undefined,
): ReadonlyMap<NoteId, string> {
  // One string for the whole map: a board edit that changes no author gives the same string.
  const signature = useMemo(() => {
    const names = new Map<ParticipantId, string>((participants ?? []).map((p) => [p.id, p.name]));
    const entries: string[] = [];
    for (const note of notes) {
      const name = note.authorId ? names.get(note.authorId) : undefined;
      if (name) entries.push(`${note.id}${PAIR}${name}`);
    }
    return entries.join(ENTRY);
  }, [notes, participants]);
  return useMemo(
    () =>
      new Map(
        signature === ''
          ? []
          : signature.split(ENTRY).map((entry) => {
              const at = entry.indexOf(PAIR);
              return [entry.slice(0, at) as NoteId, entry.slice(at + 1)] as const;
            }),
      ),
    [signature],
  );
}

export function NoteAuthorsProvider({
  authors,
  children,
}: {
  authors: ReadonlyMap<NoteId, string>;
  children: ReactNode;
}) {
  return <NoteAuthorsContext value={authors}>{children}</NoteAuthorsContext>;
}

/** "von Anna Schmidt", discreetly under a card; nothing for cards without a known author. */
export const NoteAuthor = memo(function NoteAuthor({ noteId }: { noteId: NoteId }) {
  const t = useT();
  const name = useContext(NoteAuthorsContext).get(noteId);
  if (!name) return null;
  return <p className="note-author">{t('writing.author', { name })}</p>;
});
