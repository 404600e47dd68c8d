import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workshop } from '../../domain/types';
import { MinutesDialog } from './MinutesDialog';

/** "Protokoll" in the workshop bar: opens the dialog that saves the minutes. */
export function MinutesButton({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        {t('minutes.open')}
      </button>
      {open && <MinutesDialog workshop={workshop} onClose={() => setOpen(false)} />}
    </>
  );
}
