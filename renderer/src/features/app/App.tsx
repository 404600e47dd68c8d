import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveRegion } from '../../components/LiveRegion';
import { Toasts } from '../../components/Toasts';
import { FocusKeeper } from '../a11y/FocusKeeper';
import { WorkshopListScreen } from '../workshops/WorkshopListScreen';
import { backupScreen, projectorScreen, workshopScreen } from './screens';
import { useRoute } from './useRoute';

const WorkshopScreen = workshopScreen.Screen;
const ProjectorScreen = projectorScreen.Screen;
const BackupScreen = backupScreen.Screen;

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
