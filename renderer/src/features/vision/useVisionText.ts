import { useCallback, useEffect, useRef, useState } from 'react';
import type { Change } from '../../domain/changes';
import type { BoardId, WorkshopId } from '../../domain/ids';
import type { Vision } from '../../domain/types';
import { cleanVisionText, saveVisionText, visionTextProblem } from '../../domain/vision';
import { getDb } from '../../persistence/db';
import { findBoardVision } from '../../persistence/visionHooks';
import { useAppStore } from '../../state/store';
import { commit, trackSave } from '../app/commands';
import { describeVisionError } from './visionActions';

/** Typing is written this long after the last key (and at once when the field is left). */
export const AUTOSAVE_MS = 250;

const BACKUP_PREFIX = 'moderato.visionDraft.';

// Text not yet in the database (the last keys before a reload, or a text over
// the limit) waits in localStorage, so nothing typed is lost.
function readBackup(boardId: BoardId): string | null {
  try {
    return localStorage.getItem(BACKUP_PREFIX + boardId);
  } catch {
    return null;
  }
}

function writeBackup(boardId: BoardId, text: string): void {
  try {
    localStorage.setItem(BACKUP_PREFIX + boardId, text);
  } catch {
    // Storage full or blocked: the text then lives in memory until it is saved.
  }
}

/** True when text typed for this board's vision is waiting to be saved (e.g. typed just before a reload). */
export function hasVisionBackup(boardId: BoardId): boolean {
  return readBackup(boardId) !== null;
}

function removeBackup(boardId: BoardId): void {
  try {
    localStorage.removeItem(BACKUP_PREFIX + boardId);
  } catch {
    // Nothing to do: a stale backup equal to the saved text is ignored.
  }
}

const UNSET = Symbol('unset');

export interface VisionText {
  text: string;
  /** The message why the text cannot be saved (too long), or null. */
  error: string | null;
  /** Typed text: shown at once, saved shortly after. */
  change: (text: string) => void;
  /** The field got focus: an editing stretch (one undo step) begins. */
  begin: () => void;
  /** The field was left: saves now and makes the stretch one undo step. */
  finish: () => Promise<void>;
  /** Resolves once everything typed so far is written. */
  flush: () => Promise<void>;
}

/**
 * The text of a board's vision while it is edited. Each pause in typing is
 * written at once (not undoable on its own, so a reload loses nothing); leaving
 * the field turns the whole stretch into one undo step, like a card's editor.
 */
export function useVisionText(workshopId: WorkshopId, boardId: BoardId, vision: Vision | null): VisionText {
  const [text, setText] = useState(() => initialText(boardId, vision));
  const [error, setError] = useState<string | null>(() => problemOf(initialText(boardId, vision)));
  const latest = useRef(text);
  const editing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  /** The vision as it was before the current stretch of editing wrote anything. */
  const original = useRef<Vision | null | typeof UNSET>(UNSET);

  const enqueue = useCallback((task: () => Promise<void>) => {
    pending.current += 1;
    chain.current = chain.current
      .then(task)
      .catch((failure: unknown) => {
        useAppStore.getState().showToast({ tone: 'error', message: describeVisionError(failure) });
      })
      .finally(() => {
        pending.current -= 1;
      });
    return chain.current;
  }, []);

  const save = useCallback(
    (value: string) =>
      enqueue(async () => {
        const existing = await findBoardVision(getDb(), boardId);
        if (original.current === UNSET) original.current = existing;
        // Agreed meanwhile (e.g. by undo or another window): the text is read-only now.
        const nothingToWrite = Boolean(existing?.agreedAt) || (!existing && cleanVisionText(value) === '');
        if (nothingToWrite) {
          if (latest.current === value) removeBackup(boardId);
          return;
        }
        const { changes } = saveVisionText(existing, { workshopId, boardId }, value, Date.now());
        const ok = await commit(changes, { undoable: false });
        if (ok && latest.current === value) removeBackup(boardId);
      }),
    [boardId, enqueue, workshopId],
  );

  // A text restored from the backup (typed just before a reload) is written again.
  useEffect(() => {
    const restored = latest.current;
    if (restored === (vision?.text ?? '')) removeBackup(boardId);
    else if (problemOf(restored) === null) void save(restored);
    // Only once, on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Changes from elsewhere (undo, statements inserted, another window) show
  // when nobody is typing here.
  const stored = vision?.text ?? '';
  useEffect(() => {
    if (editing.current || pending.current > 0 || timer.current !== undefined) return;
    if (readBackup(boardId) !== null && problemOf(latest.current) !== null) return;
    latest.current = stored;
    setText(stored);
    setError(null);
  }, [boardId, stored]);

  useEffect(
    () => () => {
      // Leaving the board mid-typing: write what is there.
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        timer.current = undefined;
        if (problemOf(latest.current) === null) void save(latest.current);
      }
    },
    [save],
  );

  const change = useCallback(
    (value: string) => {
      latest.current = value;
      setText(value);
      writeBackup(boardId, value);
      const problem = problemOf(value);
      setError(problem);
      clearTimeout(timer.current);
      timer.current = undefined;
      if (problem) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        void save(value);
      }, AUTOSAVE_MS);
    },
    [boardId, save],
  );

  const flush = useCallback(() => {
    if (timer.current !== undefined) {
      clearTimeout(timer.current);
      timer.current = undefined;
      if (problemOf(latest.current) === null) void save(latest.current);
    }
    return chain.current;
  }, [save]);

  const begin = useCallback(() => {
    editing.current = true;
  }, []);

  const finish = useCallback(() => {
    editing.current = false;
    // Queued at once (not after an await), so an action that waits for flush()
    // waits for this step too.
    void flush();
    // Tracked: an undo clicked right after leaving the field waits for this step.
    return trackSave(
      enqueue(async () => {
        const before = original.current;
        original.current = UNSET;
        if (before === UNSET) return;
        const after = await findBoardVision(getDb(), boardId);
        if (!after || after.text === before?.text) return;
        // The rows are written already (as typed); only the undo step is recorded.
        const step: Change = before ? { table: 'visions', before, after } : { table: 'visions', after };
        useAppStore.getState().recordChanges([step]);
      }),
    );
  }, [boardId, enqueue, flush]);

  return { text, error, change, begin, finish, flush };
}

function initialText(boardId: BoardId, vision: Vision | null): string {
  const backup = readBackup(boardId);
  if (backup !== null && !vision?.agreedAt) return backup;
  return vision?.text ?? '';
}

function problemOf(text: string): string | null {
  const problem = visionTextProblem(text);
  return problem ? describeVisionError(problem) : null;
}
