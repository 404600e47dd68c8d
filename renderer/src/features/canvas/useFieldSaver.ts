import { useCallback, useEffect, useRef, useState } from 'react';
import type { CanvasTemplate } from '../../domain/canvas';
import type { Change } from '../../domain/changes';
import { editIdeaField } from '../../domain/ideaCommands';
import type { IdeaId } from '../../domain/ids';
import type { CanvasValue, Idea } from '../../domain/types';
import { updateIdea } from './ideaActions';
import { trackSave } from '../app/commands';
import { keepTyping } from '../app/typedKeeper';

/** Typing is saved this long after the last key; leaving the field makes the edit one undo step. */
export const AUTOSAVE_MS = 250;

const same = (a: CanvasValue | undefined, b: CanvasValue | undefined) => (a ?? null) === (b ?? null);

/**
 * Saves one typed field of an idea: every pause in typing is written at once
 * (not undoable, so a reload loses nothing), and leaving the field records
 * the whole edit as one undo step, from the value before the edit began.
 */
export function useFieldSaver(ideaId: IdeaId, template: CanvasTemplate, key: string) {
  const original = useRef<{ value: CanvasValue } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The value typed and not yet saved; kept in localStorage meanwhile (see typedKeeper). */
  const pending = useRef<{ value: CanvasValue; kept: { forget: () => void } } | null>(null);
  const [saving, setSaving] = useState(false);

  const write = useCallback(
    (value: CanvasValue) =>
      updateIdea(
        ideaId,
        (current): Change[] => {
          original.current ??= { value: current.fields[key] ?? null };
          if (same(current.fields[key], value)) return [];
          const after: Idea = {
            ...current,
            fields: { ...current.fields, [key]: value },
            updatedAt: Date.now(),
          };
          return [{ table: 'ideas', before: current, after }];
        },
        { undoable: false },
      ),
    [ideaId, key],
  );

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const next = pending.current;
    pending.current = null;
    if (next && (await write(next.value))) next.kept.forget();
  }, [write]);

  // Leaving the canvas while a save is pending still writes it.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      const next = pending.current;
      if (next) void write(next.value).then((written) => written && next.kept.forget());
    },
    [write],
  );

  /** A valid value was typed: save it shortly. */
  const change = useCallback(
    (value: CanvasValue) => {
      // Kept at once: a reload before the save loses nothing (written at the next start).
      pending.current = { value, kept: keepTyping({ kind: 'ideaField', ideaId, key, value }) };
      setSaving(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        void flush().then(() => setSaving(pending.current !== null));
      }, AUTOSAVE_MS);
    },
    [flush, ideaId, key],
  );

  /** Typing became invalid: nothing is saved until it is valid again. */
  const hold = useCallback(() => {
    clearTimeout(timer.current);
    pending.current?.kept.forget();
    pending.current = null;
    setSaving(false);
  }, []);

  /** The field lost focus: the edit becomes one undo step (to the last valid value). */
  const finish = useCallback(
    // Tracked: an undo clicked right after leaving the field waits for this step.
    () =>
      trackSave(
        (async () => {
          const start = original.current ?? (pending.current ? undefined : null);
          if (start === null) return;
          setSaving(true);
          await flush();
          const from = original.current;
          original.current = null;
          if (!from) {
            setSaving(pending.current !== null);
            return;
          }
          await updateIdea(ideaId, (current) =>
            editIdeaField(
              { ...current, fields: { ...current.fields, [key]: from.value } },
              template,
              key,
              current.fields[key] ?? null,
              Date.now(),
            ),
          );
          setSaving(pending.current !== null);
        })(),
      ),
    [flush, ideaId, key, template],
  );

  return { change, hold, finish, saving };
}
