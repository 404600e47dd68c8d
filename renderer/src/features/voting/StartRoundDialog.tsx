import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { DomainError } from '../../domain/errors';
import type { BoardId, ParticipantId } from '../../domain/ids';
import type { Board, Participant, VotingTarget, Workshop } from '../../domain/types';
import { defaultEntitled } from '../../domain/voting';
import { VOTING_METHODS, type VotingMethod, type VotingSettings } from '../../domain/votingTally';
import { useVotingItems } from '../../persistence/votingHooks';
import { describeError } from '../app/commands';
import { routeToHash, workshopRoute } from '../app/router';
import { saveNewRound } from './votingActions';

interface StartRoundDialogProps {
  workshop: Workshop;
  boards: readonly Board[];
  participants: readonly Participant[];
  onClose: () => void;
}

/** Which field a refusal of startRound belongs to. */
const FIELD_OF_CODE: Record<string, string> = {
  required: 'title',
  tooLong: 'title',
  'voting.noItems': 'target',
  'voting.tooManyItems': 'target',
  'voting.dotsRange': 'dots',
  'voting.maxPerItemRange': 'maxPerItem',
  'voting.pointsRange': 'total',
  'voting.topKRange': 'topK',
  'voting.tooManyVoters': 'entitled',
  'voting.closesInPast': 'closesAt',
};

function targetsOf(board: Board | undefined): VotingTarget[] {
  if (!board) return [];
  if (board.kind === 'clusters') return ['clusters', 'notes'];
  if (board.kind === 'canvases') return ['ideas'];
  return ['notes'];
}

/** "14:30" today as a time stamp, or NaN when not a time. */
export function todayAt(time: string, now: Date): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) return Number.NaN;
  const at = new Date(now);
  at.setHours(Number(match[1]), Number(match[2]), 0, 0);
  return at.getTime();
}

/** "Abstimmung starten": what to vote on, how, who may vote, and until when. Nothing typed is lost on a refusal. */
export function StartRoundDialog({ workshop, boards, participants, onClose }: StartRoundDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const preferred = boards.find((b) => b.kind === 'clusters') ?? boards[0];
  const [boardId, setBoardId] = useState<BoardId | ''>(preferred?.id ?? '');
  const board = boards.find((b) => b.id === boardId);
  const targets = targetsOf(board);
  const [chosenTarget, setTarget] = useState<VotingTarget | null>(null);
  const target = chosenTarget && targets.includes(chosenTarget) ? chosenTarget : (targets[0] ?? 'notes');
  const [title, setTitle] = useState('');
  const [method, setMethod] = useState<VotingMethod>('dots');
  const [dots, setDots] = useState('3');
  const [maxPerItem, setMaxPerItem] = useState('2');
  const [total, setTotal] = useState('100');
  const [topK, setTopK] = useState('3');
  const [entitled, setEntitled] = useState<ReadonlySet<ParticipantId>>(
    () => new Set(defaultEntitled(participants)),
  );
  const [anonymous, setAnonymous] = useState(true);
  const [timed, setTimed] = useState(false);
  const [closesAt, setClosesAt] = useState('');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const itemsByTarget = useVotingItems(board);
  const items = itemsByTarget?.[target] ?? [];
  // The board's name alone: the minutes and messages say "Abstimmung" themselves.
  const defaultTitle = board?.title ?? '';

  function settings(): VotingSettings {
    switch (method) {
      case 'dots':
        return { method, dots: Number(dots), maxPerItem: Number(maxPerItem) };
      case 'points':
        return { method, total: Number(total) };
      case 'ranking':
        return { method, topK: Number(topK) };
      case 'impactEffort':
        return { method };
    }
  }

  function refuse(field: string, message: string) {
    setError({ field, message });
    // Wait for the message to render, then go to the field.
    setTimeout(() => formRef.current?.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!board) return refuse('board', t('voting.start.boardRequired'));
    if (timed && closesAt === '') return refuse('closesAt', t('voting.start.closesAtRequired'));
    const now = Date.now();
    const closing = timed ? todayAt(closesAt, new Date(now)) : null;
    if (closing !== null && Number.isNaN(closing))
      return refuse('closesAt', t('voting.start.closesAtRequired'));
    setBusy(true);
    const outcome = await saveNewRound({
      workshopId: workshop.id,
      boardId: board.id,
      title: title.trim() === '' ? defaultTitle : title,
      target,
      settings: settings(),
      items,
      // In the order of the list, for the name choice.
      entitled: participants.filter((p) => entitled.has(p.id)).map((p) => p.id),
      anonymous,
      closesAt: closing,
      now,
    });
    setBusy(false);
    if (outcome === true) return onClose();
    if (outcome instanceof DomainError) {
      const field = FIELD_OF_CODE[outcome.code] ?? 'form';
      refuse(field, describeError(new DomainError(outcome.code, { ...outcome.params, field: 'title' })));
    }
  }

  const errorFor = (field: string) => (error?.field === field ? error.message : undefined);
  const described = (field: string) =>
    error?.field === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {};
  const fieldError = (field: string) =>
    errorFor(field) && (
      <p id={`${id}-${field}-error`} className="field-error">
        {errorFor(field)}
      </p>
    );

  return (
    <Dialog title={t('voting.start.title')} onClose={onClose}>
      <form ref={formRef} className="voting-start" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-board`}>{t('voting.start.board')}</label>
          <select
            id={`${id}-board`}
            data-field="board"
            data-autofocus
            value={boardId}
            onChange={(event) => setBoardId(event.target.value as BoardId)}
            {...described('board')}
          >
            {boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title}
              </option>
            ))}
          </select>
          {fieldError('board')}
        </div>

        {targets.length > 0 && (
          <fieldset className="field" data-field="target" tabIndex={-1}>
            <legend>{t('voting.start.target')}</legend>
            <div className="radio-row">
              {targets.map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name={`${id}-target`}
                    checked={target === value}
                    onChange={() => setTarget(value)}
                  />
                  {t(`voting.target.${value}`)}
                </label>
              ))}
            </div>
            <p className="field-hint">
              {itemsByTarget === undefined
                ? t('common.loading')
                : t('voting.start.itemCount', { count: items.length })}
            </p>
            {fieldError('target')}
          </fieldset>
        )}

        <div className="field">
          <label htmlFor={`${id}-title`}>{t('voting.start.roundTitle')}</label>
          <input
            id={`${id}-title`}
            data-field="title"
            value={title}
            placeholder={defaultTitle}
            onChange={(event) => setTitle(event.target.value)}
            aria-describedby={error?.field === 'title' ? `${id}-title-error` : `${id}-title-hint`}
            aria-invalid={error?.field === 'title' || undefined}
          />
          <p id={`${id}-title-hint`} className="field-hint">
            {t('voting.start.roundTitleHint')}
          </p>
          {fieldError('title')}
        </div>

        <fieldset className="field">
          <legend>{t('voting.start.method')}</legend>
          <div className="voting-methods">
            {VOTING_METHODS.map((value) => (
              <label key={value} className="voting-method">
                <input
                  type="radio"
                  name={`${id}-method`}
                  checked={method === value}
                  onChange={() => setMethod(value)}
                />
                <span>
                  <strong>{t(`voting.method.${value}`)}</strong>
                  <span className="field-hint"> {t(`voting.methodHint.${value}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        {method === 'dots' && (
          <div className="voting-settings">
            <NumberField
              id={`${id}-dots`}
              field="dots"
              label={t('voting.start.dots')}
              value={dots}
              onChange={setDots}
              error={fieldError('dots')}
              described={described('dots')}
            />
            <NumberField
              id={`${id}-max`}
              field="maxPerItem"
              label={t('voting.start.maxPerItem')}
              value={maxPerItem}
              onChange={setMaxPerItem}
              error={fieldError('maxPerItem')}
              described={described('maxPerItem')}
            />
          </div>
        )}
        {method === 'points' && (
          <div className="voting-settings">
            <NumberField
              id={`${id}-total`}
              field="total"
              label={t('voting.start.total')}
              value={total}
              onChange={setTotal}
              error={fieldError('total')}
              described={described('total')}
            />
          </div>
        )}
        {method === 'ranking' && (
          <div className="voting-settings">
            <NumberField
              id={`${id}-topk`}
              field="topK"
              label={t('voting.start.topK')}
              value={topK}
              onChange={setTopK}
              error={fieldError('topK')}
              described={described('topK')}
            />
          </div>
        )}

        <fieldset className="field voting-entitled" data-field="entitled" tabIndex={-1}>
          <legend>{t('voting.start.entitled', { count: entitled.size, total: participants.length })}</legend>
          {participants.length === 0 ? (
            <p className="field-hint">
              {t('voting.start.noParticipants')}{' '}
              <a href={routeToHash(workshopRoute(workshop.id, 'participants'))} onClick={onClose}>
                {t('voting.start.toParticipants')}
              </a>
            </p>
          ) : (
            <>
              <div className="voting-entitled-tools">
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setEntitled(new Set(participants.map((p) => p.id)))}
                >
                  {t('voting.start.all')}
                </button>
                <button type="button" className="button button-small" onClick={() => setEntitled(new Set())}>
                  {t('voting.start.none')}
                </button>
              </div>
              <ul className="voting-entitled-list">
                {participants.map((p) => (
                  <li key={p.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={entitled.has(p.id)}
                        onChange={(event) => {
                          const next = new Set(entitled);
                          if (event.target.checked) next.add(p.id);
                          else next.delete(p.id);
                          setEntitled(next);
                        }}
                      />
                      {p.name}
                      {p.unit && <span className="field-hint"> · {p.unit}</span>}
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          {fieldError('entitled')}
        </fieldset>

        <fieldset className="field">
          <legend>{t('voting.start.secrecy')}</legend>
          <div className="radio-row">
            <label>
              <input
                type="radio"
                name={`${id}-anon`}
                checked={anonymous}
                onChange={() => setAnonymous(true)}
              />
              {t('voting.start.anonymous')}
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-anon`}
                checked={!anonymous}
                onChange={() => setAnonymous(false)}
              />
              {t('voting.start.named')}
            </label>
          </div>
        </fieldset>

        <fieldset className="field">
          <legend>{t('voting.start.closing')}</legend>
          <div className="radio-row">
            <label>
              <input type="radio" name={`${id}-closing`} checked={!timed} onChange={() => setTimed(false)} />
              {t('voting.start.untilClosed')}
            </label>
            <label>
              <input type="radio" name={`${id}-closing`} checked={timed} onChange={() => setTimed(true)} />
              {t('voting.start.atTime')}
            </label>
          </div>
          {timed && (
            <div className="field">
              <label htmlFor={`${id}-time`}>{t('voting.start.closesAt')}</label>
              <input
                id={`${id}-time`}
                type="time"
                data-field="closesAt"
                value={closesAt}
                onChange={(event) => setClosesAt(event.target.value)}
                {...described('closesAt')}
              />
            </div>
          )}
          {fieldError('closesAt')}
        </fieldset>

        {fieldError('form')}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('voting.start.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface NumberFieldProps {
  id: string;
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: ReactNode;
  described: object;
}

function NumberField({ id, field, label, value, onChange, error, described }: NumberFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        data-field={field}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...described}
      />
      {error}
    </div>
  );
}
