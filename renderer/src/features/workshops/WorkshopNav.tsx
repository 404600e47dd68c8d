import { useTranslation } from 'react-i18next';
import type { Board, Workshop } from '../../domain/types';
import { routeToHash, type WorkshopSection } from '../app/router';

interface WorkshopNavProps {
  workshop: Workshop;
  boards: Board[];
  section: WorkshopSection;
  currentBoardId: string | null;
}

const PAGES = ['overview', 'agenda', 'participants', 'voting', 'decisions'] as const;

/** The workshop's sections and its boards, one link each. */
export function WorkshopNav({ workshop, boards, section, currentBoardId }: WorkshopNavProps) {
  const { t } = useTranslation();
  return (
    <nav className="workshop-nav" aria-label={t('nav.label')}>
      <ul className="workshop-nav-pages">
        {PAGES.map((page) => (
          <li key={page}>
            <a
              className="nav-tab"
              href={routeToHash({ name: 'workshop', workshopId: workshop.id, section: page, boardId: null })}
              aria-current={section === page ? 'page' : undefined}
            >
              {t(`nav.${page}`)}
            </a>
          </li>
        ))}
      </ul>
      <ul className="workshop-nav-boards" aria-label={t('boards.navigation')}>
        {boards.map((board) => (
          <li key={board.id}>
            <a
              className="nav-tab nav-tab-board"
              href={routeToHash({
                name: 'workshop',
                workshopId: workshop.id,
                section: 'board',
                boardId: board.id,
              })}
              aria-current={section === 'board' && board.id === currentBoardId ? 'page' : undefined}
            >
              {board.phase && <span className={`phase-dot phase-${board.phase}`} aria-hidden="true" />}
              {board.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
