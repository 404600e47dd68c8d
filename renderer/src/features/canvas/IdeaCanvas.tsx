import {
  DndContext,
  DragOverlay,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { KeyboardSensor, useEndKeyboardDragOnUnmount } from '../a11y/keyboardSensor';
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import { findField, type CanvasTemplate } from '../../domain/canvas';
import { deleteIdea, linkFocusArea, renameIdea, takeNoteIntoField } from '../../domain/ideaCommands';
import type { ClusterId } from '../../domain/ids';
import { focusAreaOf, type TraceData } from '../../domain/trace';
import type { Board, Idea, Note } from '../../domain/types';
import { LIMITS } from '../../domain/validation';
import { useAppStore } from '../../state/store';
import { commit, run } from '../app/commands';
import { titleValidator } from '../app/validators';
import { fieldCollision, fieldStops } from '../a11y/canvasKeyboardDrag';
import { CARD_POINTER_OPTIONS, CardPointerSensor } from '../board/sensors';
import { shorten } from '../board/useNoteDnd';
import { CanvasFieldView, type FieldContext } from './CanvasFieldView';
import { canvasTemplateFor, uiLocale } from './canvasTemplates';
import { CardPanel } from './CardPanel';
import { updateIdea } from './ideaActions';
import { IdeaChainView } from './IdeaChainView';
import { closeIdea } from './ideaRoute';
import { TakeIntoFieldDialog } from './TakeIntoFieldDialog';
import { innerQuotes } from '../../i18n/quotes';

interface IdeaCanvasProps {
  idea: Idea;
  board: Board;
  data: TraceData;
}

/** One project idea as a canvas: its typed fields in a grid, the focus area, the chain back, and the cards panel. */
export function IdeaCanvas({ idea, board, data }: IdeaCanvasProps) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const template = canvasTemplateFor(idea.templateId);
  const notesById = useMemo(() => new Map(data.notes.map((n) => [n.id as string, n])), [data.notes]);
  const boardsById = useMemo(() => new Map(data.boards.map((b) => [b.id as string, b])), [data.boards]);
  const cardBoards = useMemo(() => data.boards.filter((b) => b.kind !== 'canvases'), [data.boards]);
  const context = useMemo<FieldContext>(
    () => ({ idea, template, locale, notesById, boardsById }),
    [idea, template, locale, notesById, boardsById],
  );
  const [panelOpen, setPanelOpen] = useState(true);
  const [taking, setTaking] = useState<Note | null>(null);
  const [activeNote, setActiveNote] = useState<Note | null>(null);
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);
  // Keyboard drags jump from field to field (see canvasKeyboardDrag.ts).
  const [stops] = useState(fieldStops);
  // Stable options: dnd-kit rebuilds its activators (and re-renders every card) when they change identity.
  const [keyboardOptions] = useState(() => ({ coordinateGetter: stops.coordinateGetter }));
  useEndKeyboardDragOnUnmount();
  const sensors = useSensors(
    useSensor(CardPointerSensor, CARD_POINTER_OPTIONS),
    useSensor(KeyboardSensor, keyboardOptions),
  );
  const panelId = useId();

  const takeInto = useCallback(
    async (fieldKey: string, note: Note): Promise<boolean> => {
      const label = findField(template, fieldKey).label[locale];
      const ok = await updateIdea(
        idea.id,
        (current) => takeNoteIntoField(current, template, fieldKey, note, Date.now()),
        { fieldLabel: label },
      );
      if (ok)
        useAppStore.getState().announce(t('canvas.taken', { note: shorten(note.text, 40), field: label }));
      return ok;
    },
    [idea.id, template, locale, t],
  );

  const fieldLabel = (id: string | number | undefined) => {
    const key = typeof id === 'string' && id.startsWith('field:') ? id.slice(6) : null;
    return key ? (template.fields.find((f) => f.key === key)?.label[locale] ?? key) : null;
  };
  const noteLabel = (id: string | number) => shorten(notesById.get(String(id))?.text ?? '', 40);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('canvas.dnd.pickedUp', { note: noteLabel(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('canvas.dnd.over', { note: noteLabel(active.id), field: fieldLabel(over.id) })
        : t('canvas.dnd.outside'),
    onDragEnd: ({ active, over }) =>
      over
        ? t('canvas.dnd.dropped', { note: noteLabel(active.id), field: fieldLabel(over.id) })
        : t('canvas.dnd.droppedOutside'),
    onDragCancel: ({ active }) => t('canvas.dnd.cancelled', { note: noteLabel(active.id) }),
  };

  function onDragStart({ active }: DragStartEvent) {
    stops.reset();
    setActiveNote(notesById.get(String(active.id)) ?? null);
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setActiveNote(null);
    const fieldKey = (over?.data.current as { field?: string } | undefined)?.field;
    const note = notesById.get(String(active.id));
    if (!fieldKey || !note) return;
    void takeInto(fieldKey, note);
  }

  const focusAreas = data.clusters.filter((c) => c.focusAreaAt !== null && boardsById.has(c.boardId));
  const link = focusAreaOf(idea, data.clusters, data.boards);
  const focusSelectId = `${panelId}-focus`;

  async function remove() {
    setDialog(null);
    const ok = await run(() => deleteIdea(idea));
    if (!ok) return;
    closeIdea(board.workshopId, board.id);
    useAppStore.getState().showToast({
      tone: 'info',
      message: t('ideas.deleted', { title: innerQuotes(idea.title) }),
      action: { label: t('common.undo'), run: () => void commit([{ table: 'ideas', after: idea }]) },
    });
  }

  return (
    <section className="board canvas-board" aria-labelledby="board-title">
      <div className="board-toolbar idea-toolbar">
        <a className="button button-small" href={`#/w/${board.workshopId}/b/${board.id}`}>
          <span aria-hidden="true">← </span>
          {t('ideas.backToList', { board: board.title })}
        </a>
        <div className="idea-heading">
          <h2 id="board-title" className="board-title">
            {idea.title}
          </h2>
          <p className="board-summary">
            {t('ideas.kind')} · {template.name[locale]}
          </p>
        </div>
        <button type="button" className="button button-small" onClick={() => setDialog('rename')}>
          {t('ideas.rename')}
        </button>
        <button
          type="button"
          className="button button-small button-danger-quiet"
          onClick={() => setDialog('delete')}
        >
          {t('ideas.delete')}
        </button>
        <button
          type="button"
          className="button button-small"
          aria-expanded={panelOpen}
          aria-controls={panelId}
          onClick={() => setPanelOpen((open) => !open)}
        >
          {t('canvas.panelToggle')}
        </button>
      </div>
      <div className="idea-meta">
        <div className="field idea-focus">
          <label htmlFor={focusSelectId}>{t('ideas.focusArea')}</label>
          <select
            id={focusSelectId}
            value={idea.focusAreaId ?? ''}
            onChange={(event) => {
              const value = (event.target.value || null) as ClusterId | null;
              void updateIdea(idea.id, (current) =>
                linkFocusArea(current, value, data.clusters, data.boards, Date.now()),
              );
            }}
          >
            <option value="">{t('ideas.noFocusArea')}</option>
            {link.state === 'deleted' && <option value={link.id}>{t('canvas.deleted')}</option>}
            {focusAreas.map((cluster) => (
              <option key={cluster.id} value={cluster.id}>
                {cluster.title}
              </option>
            ))}
          </select>
          {focusAreas.length === 0 && <p className="field-hint">{t('ideas.noFocusAreasYet')}</p>}
        </div>
        <IdeaChainView idea={idea} data={data} />
      </div>
      <DndContext
        sensors={sensors}
        collisionDetection={fieldCollision}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('canvas.dnd.instructions') },
        }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveNote(null)}
      >
        <div className={`idea-workspace${panelOpen ? ' idea-workspace-panel' : ''}`}>
          <CanvasGrid template={template} context={context} dragging={activeNote !== null} />
          <div id={panelId} hidden={!panelOpen} className="card-panel-slot">
            {panelOpen && <CardPanel boards={cardBoards} notes={data.notes} onChooseField={setTaking} />}
          </div>
        </div>
        <DragOverlay dropAnimation={null}>
          {activeNote ? (
            <div className={`panel-card panel-card-overlay note-${activeNote.color}`}>
              <p className="panel-card-text">{shorten(activeNote.text, 160)}</p>
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      {taking && (
        <TakeIntoFieldDialog
          note={taking}
          template={template}
          locale={locale}
          onTake={(fieldKey) => takeInto(fieldKey, taking)}
          onClose={() => setTaking(null)}
        />
      )}
      {dialog === 'rename' && (
        <TextPromptDialog
          title={t('ideas.renameTitle')}
          label={t('fields.title')}
          initial={idea.title}
          submitLabel={t('common.save')}
          validate={titleValidator('title', LIMITS.ideaTitle)}
          onSubmit={(title) => updateIdea(idea.id, (current) => renameIdea(current, title, Date.now()))}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          title={t('ideas.deleteTitle')}
          message={t('ideas.deleteMessage', { title: innerQuotes(idea.title) })}
          confirmLabel={t('ideas.delete')}
          danger
          onConfirm={() => void remove()}
          onCancel={() => setDialog(null)}
        />
      )}
    </section>
  );
}

function CanvasGrid({
  template,
  context,
  dragging,
}: {
  template: CanvasTemplate;
  context: FieldContext;
  dragging: boolean;
}) {
  const { t } = useTranslation();
  const style = {
    gridTemplateColumns: `repeat(${template.layout.columns}, minmax(0, 1fr))`,
    gridTemplateAreas: template.layout.areas.map((row) => `"${row}"`).join(' '),
  };
  return (
    <div
      className={`canvas-grid${dragging ? ' canvas-grid-dragging' : ''}`}
      style={style}
      role="group"
      aria-label={t('canvas.fieldsLabel')}
    >
      {template.fields.map((field) => (
        <CanvasFieldView key={field.key} field={field} context={context} />
      ))}
    </div>
  );
}
