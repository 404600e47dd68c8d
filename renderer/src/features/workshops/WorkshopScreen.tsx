import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardId, WorkshopId } from '../../domain/ids';
import { formatIsoDate } from '../../i18n';
import { useBoards, useWorkshop } from '../../persistence/hooks';
import { useAppStore } from '../../state/store';
import { AgendaPanel } from '../agenda/AgendaPanel';
import { TimerBar } from '../agenda/TimerBar';
import { AppHeader } from '../app/AppHeader';
import type { WorkshopSection } from '../app/router';
import { BoardTabs } from '../board/BoardTabs';
import { BoardView } from '../board/BoardView';
import { HistoryButtons } from '../board/HistoryButtons';
import { CaptureShortcut } from '../decisions/CaptureShortcut';
import { DecisionsPanel } from '../decisions/DecisionsPanel';
import { VotingPanel } from '../voting/VotingPanel';
import { LanIntake } from '../voting/phone/LanIntake';
import { MinutesButton } from '../minutes/MinutesButton';
import { OverviewPanel } from '../overview/OverviewPanel';
import { ParticipantsPanel } from '../participants/ParticipantsPanel';
import { OpenProjectorButton } from '../projector/OpenProjectorButton';
import { usePresentation } from '../projector/presentation';
import { WorkshopFormDialog } from './WorkshopFormDialog';
import { WorkshopNav } from './WorkshopNav';
import { saveWorkshopFields } from './workshopActions';

interface WorkshopScreenProps {
  workshopId: WorkshopId;
  section: WorkshopSection;
  boardId: BoardId | null;
}

export function WorkshopScreen({ workshopId, section, boardId }: WorkshopScreenProps) {
  const { t, i18n } = useTranslation();
  const loaded = useWorkshop(workshopId);
  const boards = useBoards(workshopId);
  const setHistoryScope = useAppStore((s) => s.setHistoryScope);
  const [editing, setEditing] = useState(false);

  useEffect(() => setHistoryScope(workshopId), [workshopId, setHistoryScope]);

  const workshop = loaded?.workshop;
  const currentBoard =
    section === 'board' ? (boards?.find((b) => b.id === boardId) ?? boards?.[0]) : undefined;
  // The projector follows what the facilitator shows: the open board, else the timer.
  usePresentation(workshopId, currentBoard?.id ?? null);

  useEffect(() => {
    if (workshop) document.title = `${workshop.title} – Moderato`;
  }, [workshop]);

  if (loaded === undefined || boards === undefined) {
    return (
      <>
        <AppHeader />
        <main className="page" id="main" aria-busy="true">
          <p>{t('common.loading')}</p>
        </main>
      </>
    );
  }

  if (!workshop || workshop.deletedAt !== null) {
    return (
      <>
        <AppHeader />
        <main className="page" id="main">
          <h1>{t('workshops.notFound')}</h1>
          <p>{workshop ? t('workshops.inBin') : t('workshops.notFoundHint')}</p>
          <a className="button" href="#/">
            {t('workshops.backToList')}
          </a>
        </main>
      </>
    );
  }

  return (
    <div className="workshop-screen">
      <AppHeader>
        <HistoryButtons />
      </AppHeader>
      <div className="workshop-bar">
        <nav aria-label={t('workshops.breadcrumb')} className="breadcrumb">
          <a href="#/">{t('workshops.heading')}</a>
          <span aria-hidden="true"> › </span>
        </nav>
        <h1 className="workshop-name">{workshop.title}</h1>
        <p className="workshop-facts">
          {[formatIsoDate(workshop.date, i18n.language), workshop.place, workshop.organisation]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <div className="workshop-bar-actions">
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            {t('workshops.editFacts')}
          </button>
          <CaptureShortcut workshop={workshop} />
          <OpenProjectorButton workshopId={workshop.id} />
          <MinutesButton workshop={workshop} />
        </div>
      </div>
      <WorkshopNav
        workshop={workshop}
        boards={boards}
        section={section}
        currentBoardId={currentBoard?.id ?? null}
      />
      <TimerBar workshopId={workshop.id} />
      <LanIntake workshopId={workshop.id} />
      <main id="main" className={section === 'board' ? 'board-main' : 'page page-wide'}>
        {section === 'overview' && <OverviewPanel workshop={workshop} boards={boards} />}
        {section === 'agenda' && <AgendaPanel workshop={workshop} boards={boards} />}
        {section === 'participants' && <ParticipantsPanel workshop={workshop} />}
        {section === 'voting' && <VotingPanel workshop={workshop} boards={boards} />}
        {section === 'decisions' && <DecisionsPanel workshop={workshop} />}
        {section === 'board' && (
          <>
            <BoardTabs workshop={workshop} boards={boards} currentBoardId={currentBoard?.id ?? null} />
            {currentBoard ? (
              <BoardView key={currentBoard.id} boardId={currentBoard.id} />
            ) : (
              <p className="empty">{t('boards.none')}</p>
            )}
          </>
        )}
      </main>
      {editing && (
        <WorkshopFormDialog
          mode="edit"
          initial={workshop}
          workshopId={workshop.id}
          onSubmit={(fields) => saveWorkshopFields(workshop, fields)}
          onClose={() => setEditing(false)}
        />
      )}
    </div>
  );
}
