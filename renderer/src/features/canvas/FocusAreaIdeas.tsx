import { useTranslation } from 'react-i18next';
import type { ClusterId, WorkshopId } from '../../domain/ids';
import { useIdeasOfFocusArea } from '../../persistence/ideaHooks';
import { ideaHash } from './ideaRoute';
import './canvas.css';

/**
 * The project ideas that serve a focus area, as links. Rendered by the
 * clusters board inside a focus area; nothing while there are none.
 */
export function FocusAreaIdeas({
  workshopId,
  focusAreaId,
}: {
  workshopId: WorkshopId;
  focusAreaId: ClusterId;
}) {
  const { t } = useTranslation();
  const ideas = useIdeasOfFocusArea(focusAreaId);
  if (!ideas || ideas.length === 0) return null;
  return (
    <div className="focus-area-ideas">
      <p className="focus-area-ideas-title">{t('ideas.ofFocusArea', { count: ideas.length })}</p>
      <ul>
        {ideas
          .filter(({ idea }) => idea.workshopId === workshopId)
          .map(({ idea }) => (
            <li key={idea.id}>
              <a href={ideaHash(workshopId, idea.boardId, idea.id)}>{idea.title}</a>
            </li>
          ))}
      </ul>
    </div>
  );
}
