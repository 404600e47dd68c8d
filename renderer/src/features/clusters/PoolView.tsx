import { useDroppable } from '@dnd-kit/core';
import { memo, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { addCard } from '../../domain/clusterCommands';
import type { BoardContent } from '../../domain/types';
import { cleanNoteText, LIMITS } from '../../domain/validation';
import { useAppStore } from '../../state/store';
import { describeError, run } from '../app/commands';
import { useDraft } from '../board/useDraft';
import { POOL_ID } from './clusterDnd';
import { CardList, type CardsProps } from './ClusterView';

interface PoolViewProps extends CardsProps {
  contentRef: RefObject<BoardContent>;
  boardId: string;
  /** A dragged card is over the pool itself (not over one of its cards). */
  over: boolean;
}

/** "Noch nicht gruppiert": the cards not in any cluster yet, and where new cards are written. */
export const PoolView = memo(function PoolView(props: PoolViewProps) {
  const { cards, over, contentRef, boardId } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const { setNodeRef } = useDroppable({ id: POOL_ID, data: { type: 'pool' } });

  return (
    <section
      ref={setNodeRef}
      className={over ? 'cluster-pool cluster-pool-over' : 'cluster-pool'}
      aria-labelledby={headingId}
    >
      <div className="cluster-pool-header">
        <h3 id={headingId} className="cluster-title">
          {t('clusters.pool')}
        </h3>
        <span className="cluster-count" aria-label={t('clusters.cardCount', { count: cards.length })}>
          {cards.length}
        </span>
        <p className="cluster-pool-hint">{t('clusters.poolHint')}</p>
      </div>
      {cards.length > 0 ? (
        <CardList {...props} label={t('clusters.poolCards')} />
      ) : (
        <p className="cluster-empty">{t('clusters.poolEmpty')}</p>
      )}
      <PoolComposer contentRef={contentRef} boardId={boardId} />
    </section>
  );
});

/** Adds cards to the pool, one after another; the unsent text survives a reload. */
function PoolComposer({ contentRef, boardId }: { contentRef: RefObject<BoardContent>; boardId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft, clearDraft] = useDraft(`note:pool:${boardId}`);
  const [open, setOpen] = useState(draft.length > 0);
  const [error, setError] = useState<string | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  async function add() {
    if (draft.trim() === '') return;
    try {
      cleanNoteText(draft);
    } catch (problem) {
      setError(describeError(problem));
      return;
    }
    const ok = await run(() => addCard(contentRef.current, { text: draft, now: Date.now() }).changes);
    if (ok) {
      clearDraft();
      setError(null);
      useAppStore.getState().announce(t('clusters.cardAdded'));
    }
  }

  if (!open) {
    return (
      <button ref={openButton} type="button" className="add-note" onClick={() => setOpen(true)}>
        <span aria-hidden="true">+ </span>
        {t('notes.add')}
        <span className="visually-hidden"> {t('clusters.addToPool')}</span>
      </button>
    );
  }

  return (
    <form
      className="note-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('clusters.newCardLabel')}
      </label>
      <textarea
        id={id}
        value={draft}
        rows={2}
        autoFocus
        placeholder={t('notes.placeholder')}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(event) => {
          setDraft(event.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            void add();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            setOpen(false);
            setTimeout(() => openButton.current?.focus());
          }
        }}
      />
      <p
        id={`${id}-help`}
        className={error ? 'field-error' : 'field-hint'}
        role={error ? 'alert' : undefined}
      >
        {error ?? t('notes.composerHint', { max: LIMITS.noteText })}
      </p>
      <div className="composer-actions">
        <button type="submit" className="button button-small button-primary">
          {t('notes.addShort')}
        </button>
        <button type="button" className="button button-small" onClick={() => setOpen(false)}>
          {t('common.close')}
        </button>
      </div>
    </form>
  );
}
