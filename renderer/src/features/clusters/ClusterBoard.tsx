import { DndContext, DragOverlay, useDroppable } from '@dnd-kit/core';
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import type { ClusterId, NoteId, WorkshopId } from '../../domain/ids';
import type { BoardContent, Idea, Note } from '../../domain/types';
import { useCardOrigins, useIdeasOfClusters } from '../../persistence/clusterHooks';
import { useNoteTrace } from '../trace/useNoteTrace';
import { CardDragContext, CardDragProxy, createCardDrag } from './cardDrag';
import { createActions, type ClusterDialog } from './clusterActions';
import { CardSearch } from '../board/CardSearch';
import { CardFace, type CardHint } from './ClusterCard';
import { clusterCollisionDetection, SURFACE_ID, type DropTarget } from './clusterDnd';
import { ClusterDialogs } from './ClusterDialogs';
import { ClusterOverview } from './ClusterOverview';
import { ClusterView, type ClusterHint } from './ClusterView';
import { PoolView } from './PoolView';
import { layoutChanged, WindowingContext } from './useCardWindow';
import { useFirstScreen } from './useFirstScreen';
import { useClusterDnd } from './useClusterDnd';
import { WINDOW_FROM } from './windowing';
import { POOL_KEY, useStableGroups, useStableRows } from './useStableGroups';
// After CardSearch (above): a drop hint on a card takes the place of its search mark.
import './clusters.css';
import './clusterRendering.css';

const NO_NOTES: readonly Note[] = [];
// Scroll only when the pointer is close to an edge: dnd-kit's default (a fifth of the
// view) scrolls away the cluster one is aiming at in the lower part of the screen.
const AUTO_SCROLL = { threshold: { x: 0.06, y: 0.06 } };

function clusterHintOf(target: DropTarget | null, clusterId: ClusterId): ClusterHint {
  if (!target) return null;
  if (target.kind === 'merge' && target.clusterId === clusterId) return 'merge';
  if (target.kind === 'reorder' && target.clusterId === clusterId) return target.after ? 'after' : 'before';
  if (target.kind === 'into' && target.clusterId === clusterId) return 'into';
  return null;
}

function cardHintOf(target: DropTarget | null): { noteId: NoteId; hint: CardHint } | null {
  if (target?.kind === 'newCluster') return { noteId: target.noteId, hint: 'newCluster' };
  if (target?.kind === 'into' && target.noteId)
    return { noteId: target.noteId, hint: target.after ? 'after' : 'before' };
  return null;
}

/**
 * The board's one droppable: clusters, the pool and cards are found in it
 * (see clusterCollisionDetection). Its children are made by ClusterBoard, so
 * they do not re-render with it.
 */
function DropSurface({ children }: { children: ReactNode }) {
  const { setNodeRef } = useDroppable({ id: SURFACE_ID, data: { type: 'surface' } });
  return (
    <div ref={setNodeRef} className="cluster-layout">
      {children}
    </div>
  );
}

/**
 * The clusters board (affinity clustering): the pool of cards not grouped
 * yet on top, the clusters below as a wrapping grid of stacks. Cards and
 * clusters move by pointer, by keyboard (handle, Space, arrows, Space) and
 * through menus and dialogs; every action is one undo step.
 */
export function ClusterBoard({ content }: { content: BoardContent }) {
  const t = useT();
  const workshopId = content.board.workshopId as WorkshopId;
  const [dialog, setDialog] = useState<ClusterDialog>({ kind: 'none' });
  const ideas = useIdeasOfClusters(useMemo(() => content.clusters.map((c) => c.id), [content.clusters]));
  const contentRef = useRef(content);
  const ideasRef = useRef<readonly Idea[]>(ideas);
  useLayoutEffect(() => {
    contentRef.current = content;
    ideasRef.current = ideas;
  });
  // The actions read the board only when called (in event handlers), through the ref.
  // eslint-disable-next-line react-hooks/refs
  const [actions] = useState(() => createActions(contentRef, setDialog));
  const groups = useStableGroups(content.notes);
  const clusters = useStableRows(content.clusters);
  const trace = useNoteTrace(workshopId);
  const origins = useCardOrigins(
    useMemo(() => content.notes.flatMap((n) => (n.sourceNoteId ? [n.sourceNoteId] : [])), [content.notes]),
  );
  const dnd = useClusterDnd(contentRef, ideasRef);
  const { sensors, active, target, handlers, accessibility } = dnd;
  const instructionsId = useId();
  const draggingRef = useRef(false);
  useLayoutEffect(() => {
    draggingRef.current = active !== null;
  });
  // Read only in event handlers (a card's pointer-down or key press), never while rendering.
  // eslint-disable-next-line react-hooks/refs
  const [cardDrag] = useState(() => createCardDrag(instructionsId, () => draggingRef.current));

  const windowed = content.notes.length > WINDOW_FROM;
  const gridRef = useRef<HTMLOListElement>(null);
  const shown = useFirstScreen(clusters.length, windowed, gridRef);
  const { boardChanged } = dnd;
  // A change of the board (a card moved, a cluster collapsed) moves the lists below it.
  useLayoutEffect(() => {
    if (windowed) layoutChanged();
    boardChanged();
  }, [content, windowed, boardChanged]);

  const cardHint = cardHintOf(target);
  const draggingId = active?.type === 'card' ? active.noteId : null;
  const activeNote = draggingId ? content.notes.find((n) => n.id === draggingId) : undefined;
  const activeCluster =
    active?.type === 'cluster' ? content.clusters.find((c) => c.id === active.clusterId) : undefined;
  const poolCards = groups.get(POOL_KEY) ?? NO_NOTES;
  // The board's order, for the search: the pool, then the clusters as shown.
  const searchOrder = useMemo(
    () => [...poolCards, ...clusters.flatMap((c) => groups.get(c.id) ?? NO_NOTES)],
    [poolCards, groups, clusters],
  );
  const placeOf = useCallback(
    (note: Note) => {
      const cluster = clusters.find((c) => c.id === note.clusterId);
      return cluster ? t('cardSearch.inCluster', { title: cluster.title }) : t('cardSearch.inPool');
    },
    [clusters, t],
  );
  // A hit in a collapsed cluster: the cluster opens first.
  const { expand } = actions;
  const reveal = useCallback(
    async (note: Note) => {
      const cluster = clusters.find((c) => c.id === note.clusterId);
      return cluster?.collapsed ? expand(cluster.id) : true;
    },
    [clusters, expand],
  );
  const focusCount = content.clusters.filter((c) => c.focusAreaAt !== null).length;
  // Vision statements are clustered too, but focus areas belong to the later phase.
  const allowFocus = content.board.phase !== 'vision';
  const common = { origins, trace, actions };
  const cardHintIn = (cards: readonly Note[]) =>
    cardHint && cards.some((n) => n.id === cardHint.noteId) ? cardHint : null;
  const draggingIn = (cards: readonly Note[]) =>
    draggingId && cards.some((n) => n.id === draggingId) ? draggingId : null;

  return (
    <section className="board cluster-board" aria-labelledby="board-title">
      <div className="board-toolbar">
        <h2 id="board-title" className="board-title">
          {content.board.title}
        </h2>
        <p className="board-summary">
          {t('board.noteCount', { count: content.notes.length })} ·{' '}
          {t('clusters.clusterCount', { count: content.clusters.length })}
          {(allowFocus || focusCount > 0) && ` · ${t('clusters.focusCount', { count: focusCount })}`}
        </p>
        <CardSearch order={searchOrder} placeOf={placeOf} reveal={reveal} />
        <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'bringIn' })}>
          {t('clusters.bringIn')}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => setDialog({ kind: 'addCluster' })}
        >
          {t('clusters.add')}
        </button>
      </div>
      <ClusterOverview clusters={clusters} groups={groups} poolCount={poolCards.length} />
      <DndContext
        sensors={sensors}
        collisionDetection={clusterCollisionDetection}
        autoScroll={AUTO_SCROLL}
        accessibility={accessibility}
        {...handlers}
      >
        <CardDragProxy drag={cardDrag} />
        <p id={instructionsId} hidden>
          {t('clusters.dnd.instructions')}
        </p>
        <CardDragContext value={cardDrag}>
          <WindowingContext value={windowed}>
            <DropSurface>
              <PoolView
                {...common}
                cards={poolCards}
                cardHint={cardHintIn(poolCards)}
                draggingId={draggingIn(poolCards)}
                over={target?.kind === 'into' && target.clusterId === null}
                boardEmpty={content.notes.length === 0}
                contentRef={contentRef}
                boardId={content.board.id}
              />
              <section className="cluster-area" aria-labelledby="cluster-area-title">
                <h3 id="cluster-area-title" className="visually-hidden">
                  {t('clusters.areaTitle')}
                </h3>
                {content.clusters.length === 0 ? (
                  <p className="cluster-empty">{t('clusters.none')}</p>
                ) : (
                  <ol ref={gridRef} className="cluster-grid" aria-label={t('clusters.listLabel')}>
                    {clusters.slice(0, shown).map((cluster, index) => {
                      const cards = groups.get(cluster.id) ?? NO_NOTES;
                      return (
                        <ClusterView
                          key={cluster.id}
                          {...common}
                          cluster={cluster}
                          cards={cards}
                          index={index}
                          clusterCount={content.clusters.length}
                          hint={clusterHintOf(target, cluster.id)}
                          lifted={activeCluster?.id === cluster.id}
                          cardHint={cardHintIn(cards)}
                          draggingId={draggingIn(cards)}
                          workshopId={workshopId}
                          allowFocus={allowFocus}
                        />
                      );
                    })}
                  </ol>
                )}
              </section>
            </DropSurface>
          </WindowingContext>
        </CardDragContext>
        <DragOverlay dropAnimation={null}>
          {activeNote ? <CardFace note={activeNote} /> : null}
          {activeCluster ? (
            <div className="cluster-overlay">
              <span className="cluster-title">{activeCluster.title}</span>
              <span className="cluster-count">{groups.get(activeCluster.id)?.length ?? 0}</span>
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <ClusterDialogs
        content={content}
        ideas={ideas}
        dialog={dialog}
        onClose={() => setDialog({ kind: 'none' })}
      />
    </section>
  );
}
