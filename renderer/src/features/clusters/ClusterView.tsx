import { useDraggable, type DraggableAttributes, type DraggableSyntheticListeners } from '@dnd-kit/core';
import { memo, useId, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import { useT } from '../../i18n/useT';
import { Icon } from '../../components/Icon';
import { usePopover } from '../../components/usePopover';
import type { NoteId, WorkshopId } from '../../domain/ids';
import type { Cluster, Note } from '../../domain/types';
import { FocusAreaIdeas } from '../canvas/FocusAreaIdeas';
import { startIdeaFromFocusArea } from '../canvas/ideaActions';
import type { TraceEntry } from '../trace/useNoteTrace';
import type { CardActions, ClusterActions } from './clusterActions';
import { ClusterCard, type CardHint } from './ClusterCard';
import { clusterDragId } from './clusterDnd';
import { useCardWindow } from './useCardWindow';

/** How a cluster shows what a drop on it would do. */
export type ClusterHint = 'into' | 'merge' | 'before' | 'after' | null;

export interface CardsProps {
  cards: readonly Note[];
  origins: ReadonlyMap<NoteId, string>;
  trace: ReadonlyMap<NoteId, readonly TraceEntry[]>;
  /** The card a dragged item is over, and how it shows that. */
  cardHint: { noteId: NoteId; hint: CardHint } | null;
  /** The card being dragged, when it is one of these. */
  draggingId: NoteId | null;
  actions: CardActions & ClusterActions;
}

/** The cards of the pool or of a cluster, as a list. */
export function CardList({
  cards,
  origins,
  trace,
  cardHint,
  draggingId,
  actions,
  label,
  id,
}: CardsProps & {
  label: string;
  id?: string;
}) {
  // On a big board only the cards near the screen (see useCardWindow.ts).
  const win = useCardWindow(cards, draggingId);
  const shown = win ? cards.slice(win.from, win.to) : cards;
  return (
    <ul
      ref={win?.ref}
      className="note-list cluster-card-list"
      aria-label={label}
      id={id}
      data-windowed={win ? '' : undefined}
      data-window-before={win?.before}
      style={win?.style}
    >
      {shown.map((note) => (
        <ClusterCard
          key={note.id}
          note={note}
          origin={note.sourceNoteId ? origins.get(note.sourceNoteId) : undefined}
          trace={trace.get(note.id)}
          hint={cardHint?.noteId === note.id ? cardHint.hint : null}
          dragging={draggingId === note.id}
          actions={actions}
        />
      ))}
    </ul>
  );
}

interface ClusterViewProps extends CardsProps {
  cluster: Cluster;
  index: number;
  clusterCount: number;
  hint: ClusterHint;
  /** This cluster is being dragged. */
  lifted: boolean;
  /** Whether clusters can become focus areas (not on a vision board). */
  allowFocus: boolean;
  workshopId: WorkshopId;
}

/**
 * One cluster: a header to drag it by and act on it, then its cards (hidden
 * when collapsed). Its dnd-kit draggable re-renders it whenever any drag starts
 * or ends; that lives in this small shell, the content (ClusterContent) renders
 * only when its own props change.
 */
export const ClusterView = memo(function ClusterView(props: ClusterViewProps) {
  const { cluster, hint, lifted, ...rest } = props;
  const t = useT();
  const headingId = useId();
  const {
    attributes,
    listeners,
    setNodeRef: setDragNode,
    setActivatorNodeRef,
  } = useDraggable({
    id: clusterDragId(cluster.id),
    data: { type: 'cluster', clusterId: cluster.id },
    attributes: { roleDescription: t('clusters.dnd.clusterRole') },
  });
  const classes = [
    'cluster',
    cluster.focusAreaAt !== null ? 'cluster-focus' : '',
    hint ? `cluster-hint-${hint}` : '',
    lifted ? 'cluster-lifted' : '',
  ].join(' ');
  return (
    <li
      ref={setDragNode}
      className={classes.trim()}
      aria-labelledby={headingId}
      data-cluster-id={cluster.id}
      data-drop-group="cluster"
    >
      <ClusterContent
        {...rest}
        cluster={cluster}
        headingId={headingId}
        attributes={attributes}
        listeners={listeners}
        setActivatorNodeRef={setActivatorNodeRef}
      />
    </li>
  );
});

interface ClusterContentProps extends Omit<ClusterViewProps, 'hint' | 'lifted'> {
  headingId: string;
  /** The drag handle's part of the cluster's dnd-kit draggable. */
  attributes: DraggableAttributes;
  listeners: DraggableSyntheticListeners;
  setActivatorNodeRef: (element: HTMLElement | null) => void;
}

const ClusterContent = memo(function ClusterContent(props: ClusterContentProps) {
  const { cluster, index, clusterCount, allowFocus, workshopId, actions, cards } = props;
  const { headingId, attributes, listeners, setActivatorNodeRef } = props;
  const t = useT();
  const listId = useId();
  const menu = usePopover();
  const act = (action: () => void) => () => {
    menu.close({ refocus: false });
    action();
  };
  const focus = cluster.focusAreaAt !== null;

  return (
    <>
      <div className="cluster-header">
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="note-handle cluster-handle"
          data-drag-handle
          {...attributes}
          onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
          onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
          aria-label={t('clusters.handle', { title: cluster.title })}
        >
          <Icon name="grip" />
        </button>
        <div className="cluster-heading">
          <h3 id={headingId} className="cluster-title">
            {focus && <span className="focus-badge">{t('clusters.focusBadge')}</span>}
            <span className="cluster-title-text">{cluster.title}</span>
          </h3>
          <span className="cluster-card-count">{t('clusters.cardCount', { count: cards.length })}</span>
        </div>
        <button
          type="button"
          className="icon-button cluster-toggle"
          aria-expanded={!cluster.collapsed}
          aria-controls={cluster.collapsed ? undefined : listId}
          onClick={() => actions.toggleCollapsed(cluster.id)}
          title={cluster.collapsed ? t('clusters.expand') : t('clusters.collapse')}
        >
          <span aria-hidden="true">{cluster.collapsed ? '▸' : '▾'}</span>
          <span className="visually-hidden">
            {t(cluster.collapsed ? 'clusters.expandNamed' : 'clusters.collapseNamed', {
              title: cluster.title,
            })}
          </span>
        </button>
        <button
          type="button"
          className="icon-button"
          {...menu.triggerProps}
          title={t('clusters.actionsFor', { title: cluster.title })}
        >
          <Icon name="more" />
          <span className="visually-hidden">{t('clusters.actionsFor', { title: cluster.title })}</span>
        </button>
      </div>
      {menu.open && (
        <div className="column-menu cluster-menu" {...menu.panelProps}>
          <button
            type="button"
            className="menu-item"
            autoFocus
            onClick={act(() => actions.open({ kind: 'rename', clusterId: cluster.id }))}
          >
            {t('clusters.rename')}
          </button>
          {(allowFocus || focus) && (
            <button
              type="button"
              className="menu-item"
              onClick={act(() => actions.open({ kind: 'focusArea', clusterId: cluster.id }))}
            >
              {focus ? t('clusters.editFocus') : t('clusters.promote')}
            </button>
          )}
          {focus && (
            <button
              type="button"
              className="menu-item"
              onClick={act(() => actions.open({ kind: 'confirm', action: 'demote', clusterId: cluster.id }))}
            >
              {t('clusters.demote')}
            </button>
          )}
          <button
            type="button"
            className="menu-item"
            disabled={index === 0}
            onClick={act(() => actions.moveBy(cluster.id, -1))}
          >
            {t('clusters.moveUp')}
          </button>
          <button
            type="button"
            className="menu-item"
            disabled={index === clusterCount - 1}
            onClick={act(() => actions.moveBy(cluster.id, 1))}
          >
            {t('clusters.moveDown')}
          </button>
          <button
            type="button"
            className="menu-item"
            disabled={clusterCount < 2}
            onClick={act(() => actions.open({ kind: 'merge', clusterId: cluster.id }))}
          >
            {t('clusters.merge')}
          </button>
          <button
            type="button"
            className="menu-item"
            disabled={cards.length < 2}
            onClick={act(() => actions.open({ kind: 'split', clusterId: cluster.id }))}
          >
            {t('clusters.split')}
          </button>
          <button
            type="button"
            className="menu-item"
            onClick={act(() => actions.open({ kind: 'confirm', action: 'dissolve', clusterId: cluster.id }))}
          >
            {t('clusters.dissolve')}
          </button>
          <button
            type="button"
            className="menu-item menu-item-danger"
            onClick={act(() => actions.open({ kind: 'confirm', action: 'delete', clusterId: cluster.id }))}
          >
            {t('clusters.delete')}
          </button>
        </div>
      )}
      {focus && cluster.description && <p className="focus-description">{cluster.description}</p>}
      {!cluster.collapsed &&
        (cards.length > 0 ? (
          <CardList {...props} id={listId} label={t('clusters.cardsOf', { title: cluster.title })} />
        ) : (
          <p className="cluster-empty" id={listId}>
            {t('clusters.emptyCluster')}
          </p>
        ))}
      {focus && (
        <div className="focus-area-ideas">
          <FocusAreaIdeas workshopId={workshopId} focusAreaId={cluster.id} />
          <button
            type="button"
            className="button button-small"
            onClick={() => void startIdeaFromFocusArea(workshopId, cluster)}
          >
            {t('clusters.startIdea')}
            <span className="visually-hidden"> {t('clusters.forFocus', { title: cluster.title })}</span>
          </button>
        </div>
      )}
    </>
  );
});
