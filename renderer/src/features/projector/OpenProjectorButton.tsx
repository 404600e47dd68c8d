import { useTranslation } from 'react-i18next';
import type { WorkshopId } from '../../domain/ids';
import { getPlatform } from '../../platform';
import { useAppStore } from '../../state/store';

/** Opens the read-only projector view (a second window; on the desktop on the second screen). */
export function OpenProjectorButton({ workshopId }: { workshopId: WorkshopId }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button-small"
      onClick={() => {
        void getPlatform()
          .openProjector(workshopId)
          .then((opened) => {
            if (!opened) useAppStore.getState().showToast({ tone: 'error', message: t('projector.blocked') });
          });
      }}
    >
      {t('projector.open')}
    </button>
  );
}
