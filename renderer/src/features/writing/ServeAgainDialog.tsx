import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import type { WritingRound } from '../../domain/types';
import { getPlatform } from '../../platform';
import { LanNetworkField, useLanNetworks } from '../voting/phone/PhoneOpenDialog';
import { serveAgain } from './writingBridge';

/**
 * An open round the phones cannot reach (the host was restarted, or closing
 * it was undone): served again on the chosen network, with a new join code.
 */
export function ServeAgainDialog({ round, onClose }: { round: WritingRound; onClose: () => void }) {
  const { t } = useTranslation();
  const lan = getPlatform().lan;
  const networks = useLanNetworks();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!networks.ready || busy) return;
    setBusy(true);
    setError(null);
    const refused = await serveAgain(round, networks.chosen);
    setBusy(false);
    if (refused === null) onClose();
    else setError(refused);
  }

  return (
    <Dialog title={t('writing.panel.serveAgainTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="phone-open">
        <p className="writing-prompt">{round.prompt}</p>
        <LanNetworkField networks={networks} />
        {error !== null && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} data-autofocus>
            {lan ? t('common.cancel') : t('common.close')}
          </button>
          {lan && (
            <button type="submit" className="button button-primary" disabled={!networks.ready || busy}>
              {t('writing.panel.serveAgain')}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
