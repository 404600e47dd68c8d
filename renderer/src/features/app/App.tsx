import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveRegion } from '../../components/LiveRegion';
import { Toasts } from '../../components/Toasts';
import { FocusKeeper } from '../a11y/FocusKeeper';
import { WorkshopListScreen } from '../workshops/WorkshopListScreen';
import { useRoute } from './useRoute';

// The board (dnd-kit and friends) loads when a workshop is opened, not at start.
const WorkshopScreen = lazy(() =>
  import('../workshops/WorkshopScreen').then((module) => ({ default: module.WorkshopScreen })),
);

const ProjectorScreen = lazy(() =>
  import('../projector/ProjectorScreen').then((module) => ({ default: module.ProjectorScreen })),
);

// Backups bring zod and the file checks along: loaded only when the screen is opened.
const BackupScreen = lazy(() =>
  import('../backup/BackupScreen').then((module) => ({ default: module.BackupScreen })),
);

export function App() {
  const route = useRoute();
  const { t } = useTranslation();

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  return (
    <>
      {route.name === 'projector' ? (
        <Suspense fallback={null}>
          <ProjectorScreen workshopId={route.workshopId} />
        </Suspense>
      ) : route.name === 'backups' ? (
        <Suspense fallback={<p className="page">{t('common.loading')}</p>}>
          <BackupScreen />
        </Suspense>
      ) : route.name === 'workshop' ? (
        <Suspense fallback={<p className="page">{t('common.loading')}</p>}>
          <WorkshopScreen
            key={route.workshopId}
            workshopId={route.workshopId}
            section={route.section}
            boardId={route.boardId}
          />
        </Suspense>
      ) : (
        <WorkshopListScreen />
      )}
      <Toasts />
      <LiveRegion />
      <FocusKeeper />
    </>
  );
}
