/**
 * The German texts that the first screens (the workshop list, its dialogs,
 * the error and recovery screens) use: whole namespaces, or single texts and
 * groups of a namespace ('backup.recovery'; a name stands for its plural forms
 * too: 'backup.content' for content_one and content_other). Only these are in
 * the start bundle (`deStart.ts`); the rest (`deRest.ts`) loads right after
 * the first screen shows, and before any other screen opens (see main.tsx).
 * vite.config.ts splits de.json along this list. A text missing here would
 * show its key on a first screen for a moment: test/features/i18n/startTexts
 * renders those screens with only these texts, and test/i18n/startTexts checks
 * every text their files name (also those no test renders).
 */
export const START_TEXTS: readonly string[] = [
  'a11y',
  'app',
  // Of the backup screen's texts: the list's link to it and its reminder, the recovery
  // offered when the database cannot be opened, what reading a file or a snapshot can
  // report, and the toasts of a full disk.
  'backup.content',
  'backup.contentUnknown',
  'backup.copySuffix',
  'backup.emptyWithSnapshots',
  'backup.emptyWithSnapshotsAction',
  'backup.errors',
  'backup.exportAllName',
  'backup.exported',
  'backup.exportFailed',
  'backup.importFailed',
  'backup.issues',
  'backup.nav',
  'backup.quotaDrained',
  'backup.quotaKept',
  'backup.quotaRetry',
  'backup.recovery',
  'backup.reminder',
  'backup.reminderAction',
  'backup.reminderLater',
  'backup.reminderNever',
  'backup.restorePointFailed',
  'backup.tables',
  'colors',
  'common',
  'crash',
  'defaults',
  'errors',
  'fields',
  'help',
  'history',
  'language',
  'nav',
  'phases',
  'startup',
  'theme',
  'workshops',
];

const PLURAL = /_(zero|one|two|few|many|other)$/;

type Texts = Record<string, unknown>;

function isGroup(value: unknown): value is Texts {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The part of `texts` that the paths name (start) or do not name (rest); empty groups left out. */
function split(texts: Texts, paths: readonly (readonly string[])[], start: boolean): Texts {
  const out: Texts = {};
  for (const [key, value] of Object.entries(texts)) {
    const name = key.replace(PLURAL, '');
    const here = paths.filter((path) => path[0] === key || path[0] === name);
    if (here.some((path) => path.length === 1)) {
      if (start) out[key] = value;
    } else if (here.length > 0 && isGroup(value)) {
      const part = split(
        value,
        here.map((path) => path.slice(1)),
        start,
      );
      if (Object.keys(part).length > 0) out[key] = part;
    } else if (!start) {
      out[key] = value;
    }
  }
  return out;
}

/** The texts of `texts` that are (or, with `start` false, are not) start texts. */
export function pickTexts(texts: Texts, start: boolean): Texts {
  return split(
    texts,
    START_TEXTS.map((path) => path.split('.')),
    start,
  );
}
