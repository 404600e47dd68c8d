import { memo, useId, useRef, useState, type RefObject } from 'react';
import { useT } from '../../i18n/useT';
import { addCard } from '../../domain/clusterCommands';
import type { BoardContent } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { run } from '../app/commands';
import { planAdd } from '../board/addedRanks';
import { CardComposerForm } from '../board/CardComposerForm';
import { hasDraft } from '../board/useDraft';
import { CardList, type CardsProps } from './ClusterView';

interface PoolViewProps extends CardsProps {
  contentRef: RefObject<BoardContent>;
  boardId: string;
  /** A dragged card is over the pool itself (not over one of its cards). */
  over: boolean;
  /** The board has no cards at all (not only none left in the pool). */
  boardEmpty: boolean;
}

/**
 * "Noch nicht gruppiert": the cards not in any cluster yet, and where new cards
 * are written. Its content renders only when its own props change, not when
 * a drag over the pool starts or ends.
 */
export const PoolView = memo(function PoolView(props: PoolViewProps) {
  const { over, ...rest } = props;
  const headingId = useId();

  return (
    <section
      data-drop-group="pool"
      className={over ? 'cluster-pool cluster-pool-over' : 'cluster-pool'}
      aria-labelledby={headingId}
    >
      <PoolContent {...rest} headingId={headingId} />
    </section>
  );
});

const PoolContent = memo(function PoolContent(props: Omit<PoolViewProps, 'over'> & { headingId: string }) {
  const { cards, contentRef, boardId, headingId, boardEmpty } = props;
  const t = useT();
  return (
    <>
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
        <p className="cluster-empty">{t(boardEmpty ? 'clusters.poolNoCards' : 'clusters.poolEmpty')}</p>
      )}
      <PoolComposer contentRef={contentRef} boardId={boardId} />
    </>
  );
});

/** Adds cards to the pool, one after another; the unsent text survives a reload. */
function PoolComposer({ contentRef, boardId }: { contentRef: RefObject<BoardContent>; boardId: string }) {
  const t = useT();
  const draftKey = `note:pool:${boardId}`;
  const [open, setOpen] = useState(() => hasDraft(draftKey));
  const openButton = useRef<HTMLButtonElement>(null);

  async function add(text: string): Promise<boolean> {
    const ok = await run(() =>
      planAdd(`${boardId}:pool`, (rankFloor) =>
        addCard(contentRef.current, { text, now: Date.now(), rankFloor }),
      ),
    );
    if (ok) useAppStore.getState().announce(t('clusters.cardAdded'));
    return ok;
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
    <CardComposerForm
      draftKey={draftKey}
      label={t('clusters.newCardLabel')}
      onAdd={add}
      onClose={() => setOpen(false)}
      onEscape={() => {
        setOpen(false);
        setTimeout(() => openButton.current?.focus());
      }}
    />
  );
}
