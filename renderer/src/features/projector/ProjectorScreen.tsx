import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopId } from '../../domain/ids';
import { formatDuration, readTimer } from '../../domain/timer';
import { useAgendaItems } from '../../persistence/agendaHooks';
import { useBoardContent, useWorkshop } from '../../persistence/hooks';
import { useNow } from '../agenda/useNow';
import { ProjectorPhoneJoin } from '../voting/phone/ProjectorPhoneJoin';
import { ProjectorWriting } from '../writing/ProjectorWriting';
import { useHyphenate, type Hyphenate } from './hyphenation';
import { usePresentedBoard, usePresentedRound } from './presentation';
import { ProjectorResult } from './ProjectorResult';
import { ProjectorClusters, ProjectorColumns, ProjectorIdeas, ProjectorMatrix } from './ProjectorBoards';

/**
 * The projector: read-only, large type, following the facilitator. It shows
 * board cards and the timer — never facilitator notes or ballots.
 */
export function ProjectorScreen({ workshopId }: { workshopId: WorkshopId }) {
  const { t, i18n } = useTranslation();
  const hyphenate = useHyphenate(i18n.language);
  const loaded = useWorkshop(workshopId);
  const boardId = usePresentedBoard(workshopId);
  const roundId = usePresentedRound(workshopId);
  const workshop = loaded?.workshop;

  useEffect(() => {
    document.title = t('projector.windowTitle', { title: workshop?.title ?? '' });
  }, [t, workshop]);

  if (loaded === undefined) return null;
  if (!workshop || workshop.deletedAt !== null) {
    return (
      <main className="projector">
        <h1>{t('workshops.notFound')}</h1>
      </main>
    );
  }
  const idle = <p className="projector-idle">{t('projector.idle')}</p>;
  return (
    <main className="projector">
      <header className="projector-header">
        <h1>{hyphenate(workshop.title)}</h1>
        <ProjectorTimer workshopId={workshopId} hyphenate={hyphenate} />
      </header>
      <ProjectorPhoneJoin workshopId={workshopId}>
        <ProjectorWriting workshopId={workshopId}>
          {boardId ? (
            <ProjectorBoard boardId={boardId} hyphenate={hyphenate} />
          ) : roundId ? (
            <ProjectorResult workshopId={workshopId} roundId={roundId} hyphenate={hyphenate} idle={idle} />
          ) : (
            idle
          )}
        </ProjectorWriting>
      </ProjectorPhoneJoin>
    </main>
  );
}

function ProjectorTimer({ workshopId, hyphenate }: { workshopId: WorkshopId; hyphenate: Hyphenate }) {
  const { t } = useTranslation();
  const items = useAgendaItems(workshopId);
  const item = items?.find((i) => i.runningSince !== null);
  const now = useNow(item !== undefined);
  if (!item) return null;
  const reading = readTimer(item, now);
  return (
    <div
      className={`projector-timer${reading.overtime ? ' timer-over' : ''}`}
      role="timer"
      aria-label={t('timer.label')}
    >
      <span className="projector-timer-title">{hyphenate(item.title)}</span>
      <span className="projector-timer-clock">
        {reading.overtime ? `+${formatDuration(-reading.remainingMs)}` : formatDuration(reading.remainingMs)}
      </span>
      {reading.overtime && <span className="timer-signal">{t('timer.timeUp')}</span>}
    </div>
  );
}

function ProjectorBoard({
  boardId,
  hyphenate,
}: {
  boardId: Parameters<typeof useBoardContent>[0];
  hyphenate: Hyphenate;
}) {
  const loaded = useBoardContent(boardId);
  const content = loaded?.content;
  if (!content) return null;
  const View = {
    columns: ProjectorColumns,
    matrix: ProjectorMatrix,
    clusters: ProjectorClusters,
    canvases: ProjectorIdeas,
  }[content.board.kind];
  return (
    <section className="projector-board" aria-labelledby="projector-board-title">
      <h2 id="projector-board-title">{hyphenate(content.board.title)}</h2>
      <View content={content} hyphenate={hyphenate} />
    </section>
  );
}
