import i18next from 'i18next';
import type { Change } from '../../domain/changes';
import { DomainError } from '../../domain/errors';
import {
  addParticipant,
  importParticipantList,
  removeParticipant,
  updateParticipant,
  validateParticipantFields,
  type ParticipantField,
  type ParticipantFields,
} from '../../domain/participants';
import type { Participant, Workshop } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { commit, describeError, run } from '../app/commands';

/** Messages to show next to the fields, plus one for the form as a whole. */
export type FieldMessages = Partial<Record<ParticipantField | 'form', string>>;

export interface SaveResult {
  saved: boolean;
  messages: FieldMessages;
}

const FIELD_OF_CODE: Record<string, ParticipantField> = {
  participantNameRequired: 'name',
  participantNameTooLong: 'name',
  participantUnitTooLong: 'unit',
  participantRoleTooLong: 'role',
  // A duplicate is a matter of name (and unit): the name field is where to look.
  participantDuplicate: 'name',
  participantDuplicateNoUnit: 'name',
};

function messagesFrom(errors: ReadonlyArray<{ code: string; params: Record<string, string | number> }>) {
  const messages: FieldMessages = {};
  for (const { code, params } of errors) {
    messages[FIELD_OF_CODE[code] ?? 'form'] ??= describeError(new DomainError(code, params));
  }
  return messages;
}

/**
 * Checks the fields, then plans the command. A refusal becomes inline messages
 * (the form keeps what was typed); only a failed write is reported as a toast.
 */
async function save(fields: ParticipantFields, command: () => Change[]): Promise<SaveResult> {
  const invalid = validateParticipantFields(fields);
  if (invalid.length > 0) return { saved: false, messages: messagesFrom(invalid) };
  let changes: Change[];
  try {
    changes = command();
  } catch (error) {
    if (error instanceof DomainError) return { saved: false, messages: messagesFrom([error]) };
    throw error;
  }
  return { saved: await commit(changes), messages: {} };
}

export async function saveNewParticipant(
  workshop: Workshop,
  existing: readonly Participant[],
  fields: ParticipantFields,
): Promise<SaveResult> {
  const result = await save(fields, () => addParticipant(workshop, existing, fields, Date.now()).changes);
  if (result.saved) announce(i18next.t('participants.added', { name: fields.name.trim() }));
  return result;
}

export async function saveParticipant(
  existing: readonly Participant[],
  participant: Participant,
  fields: ParticipantFields,
): Promise<SaveResult> {
  const result = await save(fields, () => updateParticipant(existing, participant.id, fields));
  if (result.saved) announce(i18next.t('participants.saved', { name: fields.name.trim() }));
  return result;
}

/** Removes at once; the toast's "Rückgängig" brings this very person back (Strg+Z works too). */
export async function removeWithUndo(existing: readonly Participant[], participant: Participant) {
  const ok = await run(() => removeParticipant(existing, participant.id));
  if (!ok) return false;
  useAppStore.getState().showToast({
    tone: 'info',
    message: i18next.t('participants.removed', { name: participant.name }),
    action: {
      label: i18next.t('common.undo'),
      run: () =>
        void commit([{ table: 'participants', after: participant }]).then((restored) => {
          if (restored) announce(i18next.t('participants.restored', { name: participant.name }));
        }),
    },
  });
  return true;
}

/** Imports a pasted list as one undo step. Resolves null when done, else the message to show. */
export async function importList(
  workshop: Workshop,
  existing: readonly Participant[],
  text: string,
): Promise<string | null> {
  let planned: ReturnType<typeof importParticipantList>;
  try {
    planned = importParticipantList(workshop, existing, text, Date.now());
  } catch (error) {
    if (error instanceof DomainError) return describeError(error);
    throw error;
  }
  if (!(await commit(planned.changes))) return describeError(null);
  const message = i18next.t('participants.imported', { count: planned.changes.length });
  useAppStore.getState().showToast({ tone: 'info', message });
  return null;
}

function announce(text: string) {
  useAppStore.getState().announce(text);
}
