import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import { choiceLabel, type NumberLocale } from '../../domain/canvas';
import { createIdea, deleteIdea, moveIdea, renameIdea } from '../../domain/ideaCommands';
import { focusAreaOf, type TraceData } from '../../domain/trace';
import type { Board, Idea } from '../../domain/types';
import { LIMITS } from '../../domain/validation';
import { useAppStore } from '../../state/store';
import { commit, run } from '../app/commands';
import { titleValidator } from '../app/validators';
import { canvasTemplateFor } from './canvasTemplates';
import { runIdea, updateIdea } from './ideaActions';
import { ideaHash, openIdea } from './ideaRoute';
import { NewIdeaDialog, type NewIdeaInput } from './NewIdeaDialog';
import { innerQuotes } from '../../i18n/quotes';

type ListDialog = { kind: 'none' } | { kind: 'create' } | { kind: 'rename' | 'delete'; idea: Idea };

/** The project ideas of a canvases board, as cards: open, create, rename, reorder, delete. */
export function IdeaList({ board, data, locale }: { board: Board; data: TraceData; locale: NumberLocale }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<ListDialog>({ kind: 'none' });
  const ideas = data.ideas.filter((i) => i.boardId === board.id);
  const focusAreas = data.clusters.filter(
    (c) => c.focusAreaAt !== null && data.boards.some((b) => b.id === c.boardId),
  );

  async function create(input: NewIdeaInput): Promise<boolean> {
    let created: Idea | null = null;
    const ok = await runIdea(() => {
      const planned = createIdea({
        board,
        ideas,
        template: input.template,
        title: input.title,
        focusAreaId: input.focusAreaId,
        focusAreas,
        boards: data.boards,
        now: Date.now(),
      });
      created = planned.idea;
      return planned.changes;
    });
    if (ok && created) openIdea(board.workshopId, board.id, (created as Idea).id);
    return ok;
  }

  async function remove(idea: Idea) {
    setDialog({ kind: 'none' });
    if (!(await run(() => deleteIdea(idea)))) return;
    useAppStore.getState().showToast({
      tone: 'info',
      message: t('ideas.deleted', { title: innerQuotes(idea.title) }),
      action: { label: t('common.undo'), run: () => void commit([{ table: 'ideas', after: idea }]) },
    });
  }

  return (
    <section className="board canvas-board" aria-labelledby="board-title">
      <div className="board-toolbar">
        <h2 id="board-title" className="board-title">
          {board.title}
        </h2>
        <p className="board-summary">{t('ideas.count', { count: ideas.length })}</p>
        <button
          type="button"
          className="button button-primary button-small"
          onClick={() => setDialog({ kind: 'create' })}
        >
          {t('ideas.create')}
        </button>
      </div>
      {ideas.length === 0 ? (
        <p className="empty">{t('ideas.none')}</p>
      ) : (
        <ol className="idea-list" aria-label={t('ideas.listLabel')}>
          {ideas.map((idea, index) => (
            <IdeaCard
              key={idea.id}
              idea={idea}
              index={index}
              count={ideas.length}
              data={data}
              locale={locale}
              onMove={(to) => void runIdea(() => moveIdea(ideas, idea.id, to, Date.now()))}
              onDialog={setDialog}
            />
          ))}
        </ol>
      )}
      {dialog.kind === 'create' && (
        <NewIdeaDialog
          focusAreas={focusAreas}
          locale={locale}
          onCreate={create}
          onClose={() => setDialog({ kind: 'none' })}
        />
      )}
      {dialog.kind === 'rename' && (
        <TextPromptDialog
          title={t('ideas.renameTitle')}
          label={t('fields.title')}
          initial={dialog.idea.title}
          submitLabel={t('common.save')}
          validate={titleValidator('title', LIMITS.ideaTitle)}
          onSubmit={(title) =>
            updateIdea(dialog.idea.id, (current) => renameIdea(current, title, Date.now()))
          }
          onClose={() => setDialog({ kind: 'none' })}
        />
      )}
      {dialog.kind === 'delete' && (
        <ConfirmDialog
          title={t('ideas.deleteTitle')}
          message={t('ideas.deleteMessage', { title: innerQuotes(dialog.idea.title) })}
          confirmLabel={t('ideas.delete')}
          danger
          onConfirm={() => void remove(dialog.idea)}
          onCancel={() => setDialog({ kind: 'none' })}
        />
      )}
    </section>
  );
}

interface IdeaCardProps {
  idea: Idea;
  index: number;
  count: number;
  data: TraceData;
  locale: NumberLocale;
  onMove: (index: number) => void;
  onDialog: (dialog: ListDialog) => void;
}

const IdeaCard = memo(function IdeaCard({
  idea,
  index,
  count,
  data,
  locale,
  onMove,
  onDialog,
}: IdeaCardProps) {
  const { t } = useTranslation();
  const template = canvasTemplateFor(idea.templateId);
  const link = focusAreaOf(idea, data.clusters, data.boards);
  const cardField = template.cardField
    ? template.fields.find((f) => f.key === template.cardField)
    : undefined;
  const summary = cardField ? choiceLabel(cardField, idea.fields[cardField.key] ?? null, locale) : null;
  const titleId = `idea-${idea.id}`;
  return (
    <li className="idea-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="idea-card-title">
        <a href={ideaHash(idea.workshopId, idea.boardId, idea.id)}>{idea.title}</a>
      </h3>
      <dl className="idea-card-facts">
        <div>
          <dt>{t('ideas.focusArea')}</dt>
          <dd>
            {link.state === 'linked'
              ? link.cluster.title
              : link.state === 'deleted'
                ? t('canvas.deleted')
                : t('ideas.noFocusArea')}
          </dd>
        </div>
        {cardField && (
          <div>
            <dt>{cardField.label[locale]}</dt>
            <dd>{summary ?? t('canvas.choiceNone')}</dd>
          </div>
        )}
        <div>
          <dt>{t('ideas.template')}</dt>
          <dd>{template.name[locale]}</dd>
        </div>
      </dl>
      <div className="idea-card-actions">
        {/* aria-disabled, not disabled: the button keeps the focus when the idea reaches the top or bottom. */}
        <button
          type="button"
          className="button button-small"
          aria-disabled={index === 0}
          aria-label={t('ideas.moveUp', { title: idea.title })}
          onClick={() => index > 0 && onMove(index - 1)}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          className="button button-small"
          aria-disabled={index === count - 1}
          aria-label={t('ideas.moveDown', { title: idea.title })}
          onClick={() => index < count - 1 && onMove(index + 1)}
        >
          <span aria-hidden="true">↓</span>
        </button>
        <button
          type="button"
          className="button button-small"
          aria-label={t('ideas.renameNamed', { title: idea.title })}
          onClick={() => onDialog({ kind: 'rename', idea })}
        >
          {t('ideas.rename')}
        </button>
        <button
          type="button"
          className="button button-small button-danger-quiet"
          aria-label={t('ideas.deleteNamed', { title: idea.title })}
          onClick={() => onDialog({ kind: 'delete', idea })}
        >
          {t('ideas.delete')}
        </button>
      </div>
    </li>
  );
});
