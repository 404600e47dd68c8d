import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardContent, Vision } from '../../domain/types';
import { unlink } from './visionActions';

interface VisionSourcesProps {
  vision: Vision;
  content: BoardContent;
  /** A draft may drop a link; an agreed vision shows them only. */
  editable: boolean;
}

/** "Beruht auf N Aussagen", unfolding to the statements (cards) themselves. */
export function VisionSources({ vision, content, editable }: VisionSourcesProps) {
  const { t } = useTranslation();
  const notes = useMemo(() => new Map(content.notes.map((note) => [note.id, note])), [content.notes]);
  const clusters = useMemo(
    () => new Map(content.clusters.map((cluster) => [cluster.id, cluster.title])),
    [content.clusters],
  );
  const count = vision.sourceNoteIds.length;
  if (count === 0) return <p className="vision-muted vision-sources-none">{t('vision.sources.none')}</p>;

  return (
    <details className="vision-sources">
      <summary>{t('vision.sources.summary', { count })}</summary>
      <ul>
        {vision.sourceNoteIds.map((noteId) => {
          const note = notes.get(noteId);
          const cluster = note?.clusterId ? clusters.get(note.clusterId) : undefined;
          return (
            <li key={noteId}>
              {note ? (
                <span className="vision-source-text">
                  {note.text || t('vision.picker.emptyCard')}
                  {cluster && <span className="vision-muted"> · {cluster}</span>}
                </span>
              ) : (
                <span className="vision-muted">{t('vision.sources.missing')}</span>
              )}
              {editable && (
                <button
                  type="button"
                  className="button button-small button-ghost"
                  onClick={() => void unlink(vision.boardId, noteId)}
                  aria-label={t('vision.sources.unlinkLabel', {
                    text: note ? shortLine(note.text) : t('vision.sources.missing'),
                  })}
                >
                  {t('vision.sources.unlink')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

function shortLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
