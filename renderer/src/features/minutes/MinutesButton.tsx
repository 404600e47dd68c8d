import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workshop } from '../../domain/types';

// The dialog, its preview and the exports load on first use (the lazy minutes chunk).
const MinutesDialog = lazy(() => import('./MinutesDialog').then((m) => ({ default: m.MinutesDialog })));

/** "Protokoll" in the workshop bar: opens the dialog that saves the minutes. */
export function MinutesButton({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        {t('minutes.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <MinutesDialog workshop={workshop} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
