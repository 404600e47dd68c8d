import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KEPT_TEXT } from '../app/keptText';
import { useStoredForm } from '../app/storedForm';
import { useFieldErrors } from '../app/useFieldErrors';
import type { FieldError } from '../../domain/validation';
import { Dialog } from '../../components/Dialog';
import {
  DECISION_LIMITS,
  localIsoDate,
  runningAgendaItem,
  validateActionItemFields,
  validateDecisionFields,
  type ActionItemFields,
  type DecisionFields,
} from '../../domain/decisions';
import type { AgendaItemId, WorkshopId } from '../../domain/ids';
import { ACTION_STATUSES, type ActionItem, type ActionStatus, type Decision } from '../../domain/types';
import { useAgendaItemsOfWorkshop } from '../../persistence/decisionHooks';
import { useAppStore } from '../../state/store';
import { agendaLabel, hasSeveralSessions } from './agendaLabels';
import {
  saveActionItemEdit,
  saveDecisionEdit,
  saveNewActionItem,
  saveNewDecision,
  shorten,
} from './decisionActions';

export type EntryKind = 'decision' | 'action';

export type EntryTarget =
  | { kind: 'new'; entry: EntryKind; choice: boolean }
  | { kind: 'decision'; decision: Decision }
  | { kind: 'action'; item: ActionItem };

interface EntryDialogProps {
  workshopId: WorkshopId;
  target: EntryTarget;
  /** Told which kind was saved, so the next capture can start with it. */
  onSaved?: (kind: EntryKind) => void;
  onClose: () => void;
}

/**
 * The browser focuses the [autofocus] element when the modal opens. React's
 * autoFocus would fire before showModal, while the dialog is still hidden, and
 * again whenever the kind is switched, pulling focus off the radio buttons.
 */
const focusOnOpen = (element: HTMLElement | null) => element?.setAttribute('autofocus', '');

/**
 * The dialog kept its drafts under `moderato.entry.` until 29.11.2026 (now a
 * stored form, `moderato.form.entry.`): one found there moves over, once.
 */
function adoptOldDraft(key: string): string {
  try {
    const old = `moderato.${key}`;
    const draft = localStorage.getItem(old);
    if (draft !== null) {
      if (localStorage.getItem(`${KEPT_TEXT.form}${key}`) === null)
        localStorage.setItem(`${KEPT_TEXT.form}${key}`, draft);
      localStorage.removeItem(old);
    }
  } catch {
    // Storage blocked: nothing was kept there either.
  }
  return key;
}

/** Adds or edits a decision or an action item. On a refused save it stays open with every entry. */
export function EntryDialog({ workshopId, target, onSaved, onClose }: EntryDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const choices = useAgendaItemsOfWorkshop(workshopId);
  const decision = target.kind === 'decision' ? target.decision : null;
  const item = target.kind === 'action' ? target.item : null;

  // What was typed before a reload comes back (kept until saved or cancelled). A new
  // entry's per workshop (and kind: "Neue Aufgabe" does not show a decision typed
  // for "Neuer Beschluss"; "Festhalten" keeps its own), an edit's per entry.
  const [draftKey] = useState(() => {
    const entryId = decision?.id ?? item?.id ?? null;
    if (entryId !== null) return adoptOldDraft(`entry.${entryId}`);
    const kindPart = target.kind === 'new' && !target.choice ? `-${target.entry}` : '';
    return adoptOldDraft(`entry.new${kindPart}:${workshopId}`);
  });
  const form = useStoredForm(
    draftKey,
    {
      kind: target.kind === 'new' ? target.entry : target.kind,
      // One text for both kinds, so switching Beschluss ↔ Aufgabe keeps what was typed.
      text: decision?.text ?? item?.task ?? '',
      owner: item?.owner ?? '',
      due: item?.due ?? '',
    },
    // "Festhalten" starts with the kind last saved, which a reload forgets: the kind typed for is kept.
    target.kind === 'new' && target.choice ? ['kind'] : [],
  );
  const { text, owner, due } = form.values;
  const kind: EntryKind = form.values.kind === 'action' ? 'action' : 'decision';
  const setKind = (value: EntryKind) => form.set('kind', value);
  const setText = (value: string) => form.set('text', value);
  const setOwner = (value: string) => form.set('owner', value);
  const setDue = (value: string) => form.set('due', value);
  const [date, setDate] = useState(decision ? decision.date : localIsoDate(new Date()));
  // null: not chosen yet; a new decision then takes the running TOP once the agenda has loaded.
  const [chosenTop, setChosenTop] = useState<AgendaItemId | '' | null>(
    decision ? (decision.agendaItemId ?? '') : null,
  );
  /** Cancelled on purpose: what was typed is let go. */
  const cancel = () => {
    form.forget();
    onClose();
  };
  const [status, setStatus] = useState<ActionStatus>(item?.status ?? 'open');
  const { setErrors, errorFor } = useFieldErrors();
  const [busy, setBusy] = useState(false);

  const running = runningAgendaItem((choices ?? []).map((c) => c.item));
  const top = chosenTop ?? running?.id ?? '';
  const withSession = hasSeveralSessions(choices ?? []);
  const topGone = top !== '' && choices !== undefined && !choices.some((c) => c.item.id === top);

  /** A date the browser could not read (e.g. 31.02.) leaves the value empty: say so instead of dropping it. */
  function unreadableDate(field: string, code: string): FieldError[] {
    const input = formRef.current?.querySelector<HTMLInputElement>(`[data-field="${field}"]`);
    return input?.validity.badInput ? [{ field, code }] : [];
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const agendaRefs = (choices ?? []).map((c) => c.item);
    const decisionFields: DecisionFields = { text, date, agendaItemId: top === '' ? null : top };
    const actionFields: ActionItemFields = { owner, task: text, due, status };
    const found =
      kind === 'decision'
        ? mergeErrors(
            validateDecisionFields(
              decisionFields,
              workshopId,
              // A TOP deleted after the decision was taken may stay.
              decision && top === decision.agendaItemId ? undefined : agendaRefs,
            ),
            unreadableDate('date', 'decisionDateInvalid'),
            DECISION_ORDER,
          )
        : mergeErrors(
            validateActionItemFields(actionFields),
            unreadableDate('due', 'actionDueInvalid'),
            ACTION_ORDER,
          );
    setErrors(found);
    if (found[0]) {
      formRef.current?.querySelector<HTMLElement>(`[data-field="${found[0].field}"]`)?.focus();
      return;
    }
    setBusy(true);
    const saved =
      kind === 'decision'
        ? decision
          ? await saveDecisionEdit(decision, decisionFields, agendaRefs)
          : await saveNewDecision(workshopId, decisionFields, agendaRefs)
        : item
          ? await saveActionItemEdit(item, actionFields)
          : await saveNewActionItem(workshopId, actionFields);
    setBusy(false);
    if (!saved) return;
    form.forget();
    const isNew = target.kind === 'new';
    useAppStore
      .getState()
      .announce(
        kind === 'decision'
          ? t(isNew ? 'decisions.captured' : 'decisions.saved', { text: shorten(text, 60) })
          : t(isNew ? 'actions.captured' : 'actions.saved', { task: shorten(text, 60) }),
      );
    onSaved?.(kind);
    onClose();
  }

  const title =
    target.kind === 'decision'
      ? t('decisions.editTitle')
      : target.kind === 'action'
        ? t('actions.editTitle')
        : target.choice
          ? t('decisions.capture.title')
          : kind === 'decision'
            ? t('decisions.addTitle')
            : t('actions.addTitle');

  return (
    <Dialog title={title} onClose={cancel}>
      <form ref={formRef} onSubmit={submit} noValidate className="entry-form">
        {form.restored && <p className="field-hint entry-restored">{t('common.draftRestored')}</p>}
        {target.kind === 'new' && target.choice && (
          <fieldset className="field entry-kind">
            <legend>{t('decisions.capture.kind')}</legend>
            {(['decision', 'action'] as const).map((value) => (
              <label key={value} className="entry-kind-option">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  value={value}
                  checked={kind === value}
                  onChange={() => {
                    setKind(value);
                    setErrors([]);
                  }}
                />
                {value === 'decision' ? t('decisions.capture.decision') : t('decisions.capture.action')}
              </label>
            ))}
          </fieldset>
        )}

        {kind === 'decision' ? (
          <>
            <Field
              id={`${id}-text`}
              label={t('decisions.fields.text')}
              hint={t('decisions.fields.textHint', { max: DECISION_LIMITS.decisionText })}
              error={errorFor('text')}
            >
              {(described) => (
                <textarea
                  key="decision-text"
                  id={`${id}-text`}
                  ref={focusOnOpen}
                  rows={4}
                  value={text}
                  onChange={(event) => setText(event.target.value)}
                  data-field="text"
                  required
                  {...described}
                />
              )}
            </Field>
            <Field id={`${id}-date`} label={t('decisions.fields.date')} error={errorFor('date')}>
              {(described) => (
                <input
                  id={`${id}-date`}
                  type="date"
                  value={date}
                  onChange={(event) => setDate(event.target.value)}
                  data-field="date"
                  {...described}
                />
              )}
            </Field>
            <Field
              id={`${id}-top`}
              label={t('decisions.fields.agendaItem')}
              hint={chosenTop === null && running ? t('decisions.fields.agendaItemRunning') : undefined}
              error={errorFor('agendaItemId')}
            >
              {(described) => (
                <select
                  id={`${id}-top`}
                  value={top}
                  onChange={(event) => setChosenTop(event.target.value as AgendaItemId | '')}
                  data-field="agendaItemId"
                  {...described}
                >
                  <option value="">{t('decisions.fields.noAgendaItem')}</option>
                  {topGone && <option value={top}>{t('decisions.agendaItemGone')}</option>}
                  {(choices ?? []).map((choice) => (
                    <option key={choice.item.id} value={choice.item.id}>
                      {agendaLabel(choice, withSession, t)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        ) : (
          <>
            <Field
              id={`${id}-owner`}
              label={t('actions.fields.owner')}
              hint={t('actions.fields.ownerHint', { max: DECISION_LIMITS.actionOwner })}
              error={errorFor('owner')}
            >
              {(described) => (
                <input
                  id={`${id}-owner`}
                  ref={focusOnOpen}
                  value={owner}
                  onChange={(event) => setOwner(event.target.value)}
                  data-field="owner"
                  autoComplete="off"
                  {...described}
                />
              )}
            </Field>
            <Field
              id={`${id}-task`}
              label={t('actions.fields.task')}
              hint={t('actions.fields.taskHint', { max: DECISION_LIMITS.actionTask })}
              error={errorFor('task')}
            >
              {(described) => (
                <textarea
                  key="action-task"
                  id={`${id}-task`}
                  rows={2}
                  value={text}
                  onChange={(event) => setText(event.target.value)}
                  data-field="task"
                  required
                  {...described}
                />
              )}
            </Field>
            <Field id={`${id}-due`} label={t('actions.fields.due')} error={errorFor('due')}>
              {(described) => (
                <input
                  id={`${id}-due`}
                  type="date"
                  value={due}
                  onChange={(event) => setDue(event.target.value)}
                  data-field="due"
                  {...described}
                />
              )}
            </Field>
            <Field id={`${id}-status`} label={t('actions.fields.status')} error={errorFor('status')}>
              {(described) => (
                <select
                  id={`${id}-status`}
                  value={status}
                  onChange={(event) => setStatus(event.target.value as ActionStatus)}
                  data-field="status"
                  {...described}
                >
                  {ACTION_STATUSES.map((value) => (
                    <option key={value} value={value}>
                      {t(`actions.status.${value}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}

        <div className="dialog-actions">
          <button type="button" className="button" onClick={cancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

const DECISION_ORDER = ['text', 'date', 'agendaItemId'];
const ACTION_ORDER = ['owner', 'task', 'due', 'status'];

/** The browser's complaint about a date joins the domain's errors: once per field, in form order. */
function mergeErrors(found: FieldError[], extra: FieldError[], order: string[]): FieldError[] {
  const fields = new Set(extra.map((e) => e.field));
  return [...found.filter((e) => !fields.has(e.field)), ...extra].sort(
    (a, b) => order.indexOf(a.field) - order.indexOf(b.field),
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (described: { 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

/** A labelled control with its hint and error, tied together for screen readers. */
function Field({ id, label, hint, error, children }: FieldProps) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
