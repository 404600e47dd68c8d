import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { readTimer } from '../../domain/timer';
import type { AgendaItem, Board, WritingRound } from '../../domain/types';
import { WRITING_LIMITS } from '../../domain/writing';
import { useAgendaItems } from '../../persistence/agendaHooks';
import { useParticipants } from '../../persistence/participantHooks';
import { routeToHash, workshopRoute } from '../app/router';
import { LanNetworkField, useLanNetworks } from '../voting/phone/PhoneOpenDialog';
import { usePhoneVoting } from '../voting/phone/phoneVoting';
import { startWriting, type StartWritingInput } from './writingBridge';
import './writing.css';

/** Longest timebox in minutes (a workshop day). */
export const MAX_MINUTES = 240;

type Timebox = 'none' | 'minutes' | 'agenda';

type Field = 'prompt' | 'limit' | 'minutes' | 'secrecy' | 'network' | 'form';

/** The agenda item running on this board, with time left, or undefined. */
export function runningAgendaItem(
  items: readonly AgendaItem[] | undefined,
  board: Board,
  now: number,
): { item: AgendaItem; endsAt: number } | undefined {
  const item = items?.find((i) => i.runningSince !== null && i.boardId === board.id);
  if (!item) return undefined;
  const { remainingMs } = readTimer(item, now);
  return remainingMs > 0 ? { item, endsAt: now + remainingMs } : undefined;
}

/** A whole number from a field, or NaN ("", "2.5", "abc"). */
function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * "Schreibrunde starten": the question the phones show, how many cards each
 * person may write, anonymous or with names, whether accepted cards are shown
 * on the phones, a timebox, and the network. Refusals name the field and keep
 * everything typed.
 */
export function StartWritingDialog({
  board,
  openRound,
  onStarted,
  onClose,
}: {
  board: Board;
  /** A round open elsewhere in the workshop: it has to be ended first. */
  openRound: WritingRound | null;
  onStarted: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const networks = useLanNetworks();
  const participants = useParticipants(board.workshopId);
  const agenda = useAgendaItems(board.workshopId);
  const voting = usePhoneVoting();
  const [prompt, setPrompt] = useState('');
  const [limit, setLimit] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [showAccepted, setShowAccepted] = useState(false);
  const [timebox, setTimebox] = useState<Timebox>('none');
  const [minutes, setMinutes] = useState('10');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  // Read when the dialog opens: what "until the end of the agenda item" means.
  const [openedAt] = useState(() => Date.now());
  const running = runningAgendaItem(agenda, board, openedAt);
  const chosenTimebox: Timebox = timebox === 'agenda' && !running ? 'none' : timebox;

  function check(now: number): { errors: Partial<Record<Field, string>>; input?: StartWritingInput } {
    const found: Partial<Record<Field, string>> = {};
    const question = prompt.trim();
    if (question === '') found.prompt = t('writing.start.errors.promptRequired');
    else if (question.length > WRITING_LIMITS.prompt)
      found.prompt = t('writing.start.errors.promptTooLong', { max: WRITING_LIMITS.prompt });
    let perPerson: number | null = null;
    if (limit.trim() !== '') {
      perPerson = wholeNumber(limit);
      if (!(perPerson >= 1 && perPerson <= WRITING_LIMITS.maxNotesPerPerson))
        found.limit = t('writing.start.errors.limit', { max: WRITING_LIMITS.maxNotesPerPerson });
    }
    let closesAt: number | null = null;
    if (chosenTimebox === 'minutes') {
      const count = wholeNumber(minutes);
      if (!(count >= 1 && count <= MAX_MINUTES))
        found.minutes = t('writing.start.errors.minutes', { max: MAX_MINUTES });
      else closesAt = now + count * 60_000;
    } else if (chosenTimebox === 'agenda' && running) {
      closesAt = runningAgendaItem(agenda, board, now)?.endsAt ?? null;
      if (closesAt === null) found.minutes = t('writing.start.errors.agendaOver');
    }
    if (!anonymous && participants !== undefined && participants.length === 0)
      found.secrecy = t('writing.start.errors.noParticipants');
    if (!networks.ready) found.network = networks.problem ?? t('writing.start.errors.network');
    if (Object.keys(found).length > 0) return { errors: found };
    return {
      errors: found,
      input: {
        board,
        prompt: question,
        maxNotesPerPerson: perPerson,
        anonymous,
        showAccepted,
        closesAt,
        interfaceId: networks.chosen,
      },
    };
  }

  function focusFirst(found: Partial<Record<Field, string>>) {
    const order: Field[] = ['prompt', 'limit', 'secrecy', 'minutes', 'network', 'form'];
    const first = order.find((f) => found[f] !== undefined);
    // Wait for the messages to render, then go to the first field in question.
    if (first)
      setTimeout(() => formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const now = Date.now();
    const checked = check(now);
    setErrors(checked.errors);
    if (!checked.input) return focusFirst(checked.errors);
    setBusy(true);
    const outcome = await startWriting(checked.input);
    setBusy(false);
    if (outcome.ok) return onStarted();
    const found = { [outcome.field]: outcome.message };
    setErrors(found);
    focusFirst(found);
  }

  const described = (field: Field, hint?: string) => {
    const ids = [errors[field] ? `${id}-${field}-error` : null, hint ?? null].filter(Boolean).join(' ');
    return {
      'aria-invalid': errors[field] ? true : undefined,
      'aria-describedby': ids || undefined,
    };
  };
  const fieldError = (field: Field) =>
    errors[field] && (
      <p id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    );
  const clockTime = (at: number) =>
    new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

  return (
    <Dialog title={t('writing.start.title', { board: board.title })} onClose={onClose}>
      <form ref={formRef} className="writing-start" onSubmit={submit} noValidate>
        <p className="field-hint">{t('writing.start.intro')}</p>
        <div className="field">
          <label htmlFor={`${id}-prompt`}>{t('writing.start.prompt')}</label>
          <textarea
            id={`${id}-prompt`}
            data-field="prompt"
            data-autofocus
            rows={2}
            value={prompt}
            placeholder={t('writing.start.promptExample')}
            onChange={(event) => setPrompt(event.target.value)}
            {...described('prompt', `${id}-prompt-hint`)}
          />
          <p id={`${id}-prompt-hint`} className="field-hint">
            {t('writing.start.promptHint', { max: WRITING_LIMITS.prompt })}
          </p>
          {fieldError('prompt')}
        </div>

        <div className="field">
          <label htmlFor={`${id}-limit`}>{t('writing.start.limit')}</label>
          <input
            id={`${id}-limit`}
            data-field="limit"
            type="number"
            inputMode="numeric"
            min={1}
            max={WRITING_LIMITS.maxNotesPerPerson}
            step={1}
            className="writing-number"
            value={limit}
            onChange={(event) => setLimit(event.target.value)}
            {...described('limit', `${id}-limit-hint`)}
          />
          <p id={`${id}-limit-hint`} className="field-hint">
            {t('writing.start.limitHint')}
          </p>
          {fieldError('limit')}
        </div>

        <fieldset className="field" data-field="secrecy" tabIndex={-1}>
          <legend>{t('writing.start.secrecy')}</legend>
          <div className="radio-row">
            <label>
              <input
                type="radio"
                name={`${id}-anon`}
                checked={anonymous}
                onChange={() => setAnonymous(true)}
              />
              {t('writing.start.anonymous')}
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-anon`}
                checked={!anonymous}
                onChange={() => setAnonymous(false)}
              />
              {t('writing.start.named')}
            </label>
          </div>
          <p className="field-hint">
            {anonymous ? t('writing.start.anonymousHint') : t('writing.start.namedHint')}
          </p>
          {errors.secrecy && (
            <p id={`${id}-secrecy-error`} className="field-error">
              {errors.secrecy}{' '}
              <a href={routeToHash(workshopRoute(board.workshopId, 'participants'))} onClick={onClose}>
                {t('writing.start.toParticipants')}
              </a>
            </p>
          )}
        </fieldset>

        <div className="field">
          <label className="writing-check">
            <input
              type="checkbox"
              checked={showAccepted}
              onChange={(event) => setShowAccepted(event.target.checked)}
            />
            {t('writing.start.showAccepted')}
          </label>
          <p className="field-hint">{t('writing.start.showAcceptedHint')}</p>
        </div>

        <fieldset className="field">
          <legend>{t('writing.start.timebox')}</legend>
          <div className="writing-timebox">
            <label>
              <input
                type="radio"
                name={`${id}-timebox`}
                checked={chosenTimebox === 'none'}
                onChange={() => setTimebox('none')}
              />
              {t('writing.start.untilEnded')}
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-timebox`}
                checked={chosenTimebox === 'minutes'}
                onChange={() => setTimebox('minutes')}
              />
              {t('writing.start.forMinutes')}
            </label>
            {running && (
              <label>
                <input
                  type="radio"
                  name={`${id}-timebox`}
                  checked={chosenTimebox === 'agenda'}
                  onChange={() => setTimebox('agenda')}
                />
                {t('writing.start.untilAgenda', {
                  title: running.item.title,
                  time: clockTime(running.endsAt),
                })}
              </label>
            )}
          </div>
          {chosenTimebox === 'minutes' && (
            <div className="field">
              <label htmlFor={`${id}-minutes`}>{t('writing.start.minutes')}</label>
              <input
                id={`${id}-minutes`}
                data-field="minutes"
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_MINUTES}
                step={1}
                className="writing-number"
                value={minutes}
                onChange={(event) => setMinutes(event.target.value)}
                {...described('minutes')}
              />
            </div>
          )}
          {fieldError('minutes')}
        </fieldset>

        <div data-field="network" tabIndex={-1} className="writing-network">
          <LanNetworkField networks={networks} />
          {errors.network && networks.problem === null && (
            <p id={`${id}-network-error`} className="field-error" role="alert">
              {errors.network}
            </p>
          )}
        </div>
        {openRound && openRound.boardId !== board.id && (
          <p className="ballot-note" role="note">
            {t('writing.start.otherOpen', { prompt: openRound.prompt })}
          </p>
        )}
        {voting && (
          <p className="ballot-note" role="note">
            {t('writing.start.votingRuns', { title: voting.title })}
          </p>
        )}
        {errors.form && (
          <p id={`${id}-form-error`} className="field-error" role="alert" data-field="form" tabIndex={-1}>
            {errors.form}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('writing.start.starting') : t('writing.start.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
