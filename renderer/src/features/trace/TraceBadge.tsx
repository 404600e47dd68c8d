import { memo } from 'react';
import { useT } from '../../i18n/useT';
import type { NoteId, WorkshopId } from '../../domain/ids';
import { NoteAuthor } from '../writing/noteAuthors';
import { useNoteTraceEntries, type TraceEntry } from './useNoteTrace';
import './trace.css';
import { innerQuotes } from '../../i18n/quotes';

/**
 * Shows on a card where it went (copies, project ideas, the vision), e.g.
 * "→ Handlungsschwerpunkte, Projektidee „Posteingang sortieren“", each part a
 * link. With `noteId`, also who wrote the card when it came from a named
 * writing round (read from the board's author map, never queried per card).
 * Renders nothing without entries or author.
 */
export const TraceBadge = memo(function TraceBadge({
  entries,
  noteId,
}: {
  entries: readonly TraceEntry[] | undefined;
  noteId?: NoteId;
}) {
  const t = useT();
  const author = noteId ? <NoteAuthor noteId={noteId} /> : null;
  if (!entries || entries.length === 0) return author;
  return (
    <>
      {author}
      <p className="trace-badge">
        <span aria-hidden="true">→ </span>
        <span className="visually-hidden">{t('trace.wentTo')} </span>
        {entries.map((entry, i) => (
          <span key={entry.key}>
            {i > 0 && ', '}
            <a href={entry.href} className="trace-link">
              {entry.kind === 'idea'
                ? t('trace.idea', { title: innerQuotes(entry.label) })
                : entry.kind === 'vision'
                  ? t('trace.vision')
                  : entry.label}
            </a>
          </span>
        ))}
      </p>
    </>
  );
});

/** The badge of one card, reading only that card's entries from the workshop's shared trace. */
export const NoteTraceBadge = memo(function NoteTraceBadge({
  workshopId,
  noteId,
}: {
  workshopId: WorkshopId;
  noteId: NoteId;
}) {
  return <TraceBadge entries={useNoteTraceEntries(workshopId, noteId)} noteId={noteId} />;
});
