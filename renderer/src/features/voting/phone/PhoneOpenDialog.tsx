import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanInterface } from '../../../../../electron/shared/lanContract';
import { Dialog } from '../../../components/Dialog';
import type { Participant, VotingRound } from '../../../domain/types';
import { useGoneItems } from '../../../persistence/votingHooks';
import { getPlatform } from '../../../platform';
import { openForPhones, usePhoneVoting } from './phoneVoting';

type Interfaces = { state: 'loading' } | { state: 'ready'; list: LanInterface[] } | { state: 'failed' };

/** Networks with other devices first: the loopback is only for trying it out. */
function defaultInterface(list: readonly LanInterface[]): string {
  return (list.find((i) => !i.loopback) ?? list[0])?.id ?? '';
}

/** The networks the host offers and the one picked; shared by phone voting and writing rounds. */
export interface LanNetworks {
  interfaces: Interfaces;
  chosen: string;
  choose: (id: string) => void;
  /** Why phones cannot be served (no host, no network), in the UI language; null when they can. */
  problem: string | null;
  /** A network is picked and can be opened. */
  ready: boolean;
}

/** Asks the host for its networks once and picks the first one other devices can reach. */
export function useLanNetworks(): LanNetworks {
  const { t } = useTranslation();
  const lan = getPlatform().lan;
  const [interfaces, setInterfaces] = useState<Interfaces>({ state: 'loading' });
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    if (!lan) return;
    let live = true;
    lan.interfaces().then(
      (list) => {
        if (!live) return;
        setInterfaces({ state: 'ready', list });
        setChosen(defaultInterface(list));
      },
      (failure: unknown) => {
        console.warn('No network interfaces from the host', failure);
        if (live) setInterfaces({ state: 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [lan]);

  const problem = !lan
    ? t('voting.phone.unavailable')
    : interfaces.state === 'failed'
      ? t('voting.phone.failed.error')
      : interfaces.state === 'ready' && interfaces.list.length === 0
        ? t('voting.phone.failed.noInterface')
        : null;
  return {
    interfaces,
    chosen,
    choose: setChosen,
    problem,
    ready: problem === null && interfaces.state === 'ready' && chosen !== '',
  };
}

/**
 * The network choice with what it takes (same WLAN, the firewall may ask), or
 * why phones cannot be served. `problem` overrides the networks' own problem.
 */
export function LanNetworkField({ networks, problem }: { networks: LanNetworks; problem?: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const lan = getPlatform().lan;
  const list = networks.interfaces.state === 'ready' ? networks.interfaces.list : [];
  const shown = networks.problem ?? problem ?? null;
  const ready = networks.interfaces.state === 'ready';
  const radios = useRef<HTMLDivElement>(null);

  // Once the networks are known, the keyboard starts on the chosen one.
  useEffect(() => {
    if (ready) radios.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [ready]);

  return (
    <>
      {shown !== null ? (
        <p className="field-error" role="alert">
          {shown}
        </p>
      ) : networks.interfaces.state === 'loading' ? (
        <p role="status">{t('voting.phone.searching')}</p>
      ) : (
        <fieldset className="field">
          <legend>{t('voting.phone.network')}</legend>
          <div className="phone-networks" ref={radios}>
            {list.map((option) => (
              <label key={option.id} className="phone-network">
                <input
                  type="radio"
                  name={`${id}-network`}
                  value={option.id}
                  checked={networks.chosen === option.id}
                  onChange={() => networks.choose(option.id)}
                />
                <span>
                  {option.loopback ? t('voting.phone.loopback') : option.label}
                  {option.loopback && <span className="field-hint"> {t('voting.phone.loopbackHint')}</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {lan && (
        <ul className="phone-open-hints">
          <li>{t('voting.phone.sameNetwork')}</li>
          <li>{t('voting.phone.firewall')}</li>
        </ul>
      )}
    </>
  );
}

/**
 * "Für Handys öffnen": the facilitator picks the network the phones are in,
 * reads what it takes (same WLAN, the firewall may ask), and starts serving.
 */
export function PhoneOpenDialog({
  round,
  participants,
  onOpened,
  onClose,
}: {
  round: VotingRound;
  participants: readonly Participant[];
  onOpened: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lan = getPlatform().lan;
  const running = usePhoneVoting();
  const gone = useGoneItems(round);
  const networks = useLanNetworks();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const nobodyEntitled = round.entitled.length === 0;
  const problem = networks.problem ?? (nobodyEntitled ? t('voting.phone.nobodyEntitled') : null);
  const canOpen = problem === null && networks.ready && gone !== undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!canOpen || busy || !gone) return;
    setBusy(true);
    setError(null);
    const outcome = await openForPhones(round, participants, gone, networks.chosen);
    setBusy(false);
    if (outcome.ok) onOpened();
    else setError(outcome.message);
  }

  return (
    <Dialog title={t('voting.phone.dialogTitle', { title: round.title })} onClose={onClose}>
      <form onSubmit={submit} noValidate className="phone-open">
        <p>{t('voting.phone.intro')}</p>
        <LanNetworkField networks={networks} problem={problem} />
        {running && running.roundId !== round.id && (
          <p className="ballot-note" role="note">
            {t('voting.phone.replaces', { title: running.title })}
          </p>
        )}
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
            <button type="submit" className="button button-primary" disabled={!canOpen || busy}>
              {busy ? t('voting.phone.opening') : t('voting.phone.submit')}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
