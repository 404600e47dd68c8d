import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PHASES, type Board, type Phase, type Workshop } from '../../domain/types';
import {
  useWorkshopProgress,
  type BoardProgress,
  type WorkshopProgress,
} from '../../persistence/progressHooks';
import { routeToHash } from '../app/router';

/** Ablauf: the workshop by its phases, each with its boards and how far it has come. */
export function OverviewPanel({ workshop, boards }: { workshop: Workshop; boards: Board[] }) {
  const { t } = useTranslation();
  const progress = useWorkshopProgress(workshop.id);
  const groups: Array<{ phase: Phase | null; boards: Board[] }> = [
    ...PHASES.map((phase) => ({ phase, boards: boards.filter((b) => b.phase === phase) })),
    { phase: null, boards: boards.filter((b) => b.phase === null) },
  ].filter((group) => group.phase !== null || group.boards.length > 0);
  const hasPhases = boards.some((b) => b.phase !== null);

  return (
    <div className="overview">
      <h2>{t('overview.heading')}</h2>
      {progress && <OverviewFacts workshop={workshop} progress={progress} />}
      <ol className={hasPhases ? 'phase-list' : 'phase-list phase-list-plain'}>
        {groups.map((group, index) => (
          <li key={group.phase ?? 'other'} className={`phase-card phase-card-${group.phase ?? 'none'}`}>
            <h3>
              {group.phase && <span className="phase-number">{index + 1}</span>}
              {t(`phases.${group.phase ?? 'none'}`)}
            </h3>
            {group.boards.length === 0 ? (
              <p className="empty">{t('overview.noBoard')}</p>
            ) : (
              <ul className="phase-boards">
                {group.boards.map((board) => {
                  const counts = progress?.boards.get(board.id);
                  return (
                    <li key={board.id}>
                      <a
                        href={routeToHash({
                          name: 'workshop',
                          workshopId: workshop.id,
                          section: 'board',
                          boardId: board.id,
                        })}
                      >
                        {board.title}
                      </a>
                      {counts && <span className="phase-progress">{boardSummary(t, counts)}</span>}
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function OverviewFacts({ workshop, progress }: { workshop: Workshop; progress: WorkshopProgress }) {
  const { t } = useTranslation();
  const link = (section: 'agenda' | 'participants' | 'decisions') =>
    routeToHash({ name: 'workshop', workshopId: workshop.id, section, boardId: null });
  return (
    <dl className="overview-facts">
      <div>
        <dt>{t('fields.facilitators')}</dt>
        <dd>{workshop.facilitators || t('overview.notSet')}</dd>
      </div>
      <div>
        <dt>{t('fields.minuteTaker')}</dt>
        <dd>{workshop.minuteTaker || t('overview.notSet')}</dd>
      </div>
      <div>
        <dt>{t('nav.participants')}</dt>
        <dd>
          <a href={link('participants')}>
            {t('overview.participantCount', { count: progress.participants })}
          </a>
        </dd>
      </div>
      <div>
        <dt>{t('nav.agenda')}</dt>
        <dd>
          <a href={link('agenda')}>
            {t('overview.agendaProgress', { started: progress.agendaStarted, count: progress.agendaItems })}
          </a>
        </dd>
      </div>
      <div>
        <dt>{t('nav.decisions')}</dt>
        <dd>
          <a href={link('decisions')}>
            {t('overview.decisionCount', { count: progress.decisions })} ·{' '}
            {t('overview.openActionCount', { count: progress.openActions })}
          </a>
        </dd>
      </div>
    </dl>
  );
}

/** "12 Karten · 3 Cluster · 2 Handlungsschwerpunkte": what a board holds, in its own terms. */
function boardSummary(t: TFunction, counts: BoardProgress): string {
  const cards = t('board.noteCount', { count: counts.notes });
  switch (counts.kind) {
    case 'matrix':
      return [cards, t('overview.matrixSize', { rows: counts.rows, columns: counts.columns })].join(' · ');
    case 'clusters':
      return [
        cards,
        t('overview.clusterCount', { count: counts.clusters }),
        t('overview.focusAreaCount', { count: counts.focusAreas }),
      ].join(' · ');
    case 'canvases':
      return t('overview.ideaCount', { count: counts.ideas });
    default:
      return [cards, t('board.columnCount', { count: counts.columns })].join(' · ');
  }
}
