import { memo } from 'react';
import { useT } from '../../i18n/useT';
import type { NoteId, WorkshopId } from '../../domain/ids';
import { useNoteTraceEntries, type TraceEntry } from './useNoteTrace';
import './trace.css';

/**
 * Shows on a card where it went (copies, project ideas, the vision), e.g.
 * "→ Handlungsschwerpunkte, Projektidee „Posteingang sortieren“", each part a
 * link. Renders nothing without entries.
 */
export const TraceBadge = memo(function TraceBadge({
  entries,
}: {
  entries: readonly TraceEntry[] | undefined;
}) {
  const t = useT();
  if (!entries || entries.length === 0) return null;
  return (
    <p className="trace-badge">
      <span aria-hidden="true">→ </span>
      <span className="visually-hidden">{t('trace.wentTo')} </span>
      {entries.map((entry, i) => (
        <span key={entry.key}>
          {i > 0 && ', '}
          <a href={entry.href} className="trace-link">
            {entry.kind === 'idea'
              ? t('trace.idea', { title: entry.label })
              : entry.kind === 'vision'
                ? t('trace.vision')
                : entry.label}
          </a>
        </span>
      ))}
    </p>
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
  return <TraceBadge entries={useNoteTraceEntries(workshopId, noteId)} />;
});
