import { useTranslation } from 'react-i18next';
import type { BoardContent } from '../../domain/types';
import { useTraceData } from '../../persistence/ideaHooks';
import { uiLocale } from './canvasTemplates';
import { IdeaCanvas } from './IdeaCanvas';
import { IdeaList } from './IdeaList';
import { useOpenIdeaId } from './ideaRoute';
import './canvas.css';

/**
 * A canvases board (phase "Projektideen"): the list of project ideas, or one
 * idea's canvas when the address names it (…/b/<board>/i/<idea>).
 */
export function CanvasBoard({ content }: { content: BoardContent }) {
  const { t, i18n } = useTranslation();
  const board = content.board;
  const data = useTraceData(board.workshopId);
  const openId = useOpenIdeaId();
  if (data === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  if (openId !== null) {
    const idea = data.ideas.find((i) => i.id === openId && i.boardId === board.id);
    if (idea) return <IdeaCanvas key={idea.id} idea={idea} board={board} data={data} />;
    return (
      <section className="board canvas-board" aria-labelledby="board-title">
        <h2 id="board-title" className="board-title">
          {board.title}
        </h2>
        <p className="empty">{t('ideas.missing')}</p>
        <p>
          <a href={`#/w/${board.workshopId}/b/${board.id}`}>
            {t('ideas.backToList', { board: board.title })}
          </a>
        </p>
      </section>
    );
  }
  return <IdeaList board={board} data={data} locale={uiLocale(i18n.language)} />;
}
