import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { cardsIn, clusterCards, moveCard } from '../../domain/clusterCommands';
import type { ClusterId, NoteId } from '../../domain/ids';
import type { BoardContent, Note } from '../../domain/types';
import { run } from '../app/commands';
import { useCloseWhenShown } from '../board/useCloseWhenShown';
import { shorten } from '../board/useNoteDnd';

/** 'pool', 'c:<cluster id>' or 'n:<card id>' (a new cluster with that card of the pool). */
type Destination = string;

function placeOf(destination: Destination): ClusterId | null {
  return destination.startsWith('c:') ? (destination.slice(2) as ClusterId) : null;
}

/**
 * "Verschieben nach …" on a clusters board: the way to do every card drag
 * without dragging — into the pool, into a cluster at a chosen place, or
 * together with a card of the pool into a new cluster.
 */
export function MoveCardDialog({
  content,
  note,
  onClose,
}: {
  content: BoardContent;
  note: Note;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const targetId = useId();
  const positionId = useId();
  const [destination, setDestination] = useState<Destination>(
    note.clusterId ? `c:${note.clusterId}` : 'pool',
  );
  const isNew = destination.startsWith('n:');
  const place = placeOf(destination);
  const all = isNew ? [] : cardsIn(content, place);
  const siblings = all.filter((n) => n.id !== note.id);
  const currentIndex = all.findIndex((n) => n.id === note.id);
  const [position, setPosition] = useState<number>(currentIndex < 0 ? Number.MAX_SAFE_INTEGER : currentIndex);
  const clamped = Math.min(position, siblings.length);
  const poolPartners = cardsIn(content, null).filter((n) => n.id !== note.id);
  const label = (n: Note, max = 50) => shorten(n.text, max) || t('notes.empty');
  const shown = useCloseWhenShown(content, onClose);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (isNew) {
      const partner = destination.slice(2) as NoteId;
      let title = '';
      void shown.submit(
        run,
        () => {
          const planned = clusterCards(content, partner, note.id, Date.now());
          title = planned.cluster.title;
          return planned.changes;
        },
        () => t('clusters.clusterMade', { title }),
      );
      return;
    }
    const where = place ? (content.clusters.find((c) => c.id === place)?.title ?? '') : t('clusters.pool');
    void shown.submit(
      run,
      () => moveCard(content, note.id, place, clamped, Date.now()),
      () => t('clusters.cardMoved', { cluster: where, position: clamped + 1 }),
    );
  }

  return (
    <Dialog title={t('notes.moveTitle')} description={shorten(note.text, 80)} onClose={shown.close}>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={targetId}>{t('clusters.moveTarget')}</label>
          <select
            id={targetId}
            value={destination}
            data-autofocus
            onChange={(event) => {
              setDestination(event.target.value);
              setPosition(Number.MAX_SAFE_INTEGER);
            }}
          >
            <option value="pool">{t('clusters.pool')}</option>
            {content.clusters.length > 0 && (
              <optgroup label={t('clusters.moveIntoCluster')}>
                {content.clusters.map((c) => (
                  <option key={c.id} value={`c:${c.id}`}>
                    {t('clusters.moveClusterOption', { title: c.title })}
                  </option>
                ))}
              </optgroup>
            )}
            {poolPartners.length > 0 && (
              <optgroup label={t('clusters.moveNewCluster')}>
                {poolPartners.map((n) => (
                  <option key={n.id} value={`n:${n.id}`}>
                    {t('clusters.moveWithCard', { note: label(n) })}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        {!isNew && (
          <div className="field">
            <label htmlFor={positionId}>{t('notes.movePosition')}</label>
            <select
              id={positionId}
              value={clamped}
              onChange={(event) => setPosition(Number(event.target.value))}
            >
              <option value={0}>{t('notes.positionFirst')}</option>
              {siblings.map((sibling, index) => (
                <option key={sibling.id} value={index + 1}>
                  {t('notes.positionAfter', { note: label(sibling, 40) })}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={shown.close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" aria-disabled={shown.waiting}>
            {t('notes.moveSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
