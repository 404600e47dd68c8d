import { memo, useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import type { NoteId } from '../../domain/ids';
import type { BoardContent, Note } from '../../domain/types';
import { describeVisionError } from './visionActions';

interface StatementPickerProps {
  content: BoardContent;
  /** Statements the vision is linked to already: shown ticked, not added twice. */
  linked: ReadonlySet<NoteId>;
  /** Inserts the chosen ones; a refusal (e.g. the text would get too long) is thrown. */
  onInsert: (noteIds: NoteId[]) => Promise<boolean>;
  onClose: () => void;
}

interface Group {
  key: string;
  title: string;
  notes: Note[];
}

/** The board's cards by cluster (in board order), the unclustered ones last. */
function groupStatements(content: BoardContent, unclustered: string): Group[] {
  const byCluster = new Map<string, Note[]>();
  for (const note of content.notes) {
    const key = note.clusterId ?? '';
    byCluster.set(key, [...(byCluster.get(key) ?? []), note]);
  }
  const groups: Group[] = content.clusters
    .filter((cluster) => byCluster.has(cluster.id))
    .map((cluster) => ({ key: cluster.id, title: cluster.title, notes: byCluster.get(cluster.id)! }));
  const known = new Set(content.clusters.map((cluster) => cluster.id as string));
  const rest = content.notes.filter((note) => !note.clusterId || !known.has(note.clusterId));
  if (rest.length > 0) groups.push({ key: '', title: unclustered, notes: rest });
  return groups;
}

/** "Aus Aussagen formulieren…": pick statements; they go into the vision as a "- " list. */
export function StatementPicker({ content, linked, onInsert, onClose }: StatementPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<NoteId>>(new Set());
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const groups = useMemo(
    () =>
      groupStatements(
        content,
        content.clusters.length > 0 ? t('vision.picker.unclustered') : t('vision.picker.allStatements'),
      ),
    [content, t],
  );
  const needle = filter.trim().toLocaleLowerCase();
  const visible = groups
    .map((group) => ({
      ...group,
      notes: needle
        ? group.notes.filter((note) => note.text.toLocaleLowerCase().includes(needle))
        : group.notes,
    }))
    .filter((group) => group.notes.length > 0);
  const open = visible.flatMap((group) => group.notes).filter((note) => !linked.has(note.id));
  const allChosen = open.length > 0 && open.every((note) => chosen.has(note.id));

  // Stable, so ticking one statement re-renders only its row (boards may hold a thousand cards).
  const toggle = useCallback((noteId: NoteId, on: boolean) => {
    setError(null);
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(noteId);
      else next.delete(noteId);
      return next;
    });
  }, []);

  function toggleAll() {
    setError(null);
    setChosen((current) => {
      const next = new Set(current);
      for (const note of open) {
        if (allChosen) next.delete(note.id);
        else next.add(note.id);
      }
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen.size === 0) {
      setError(t('vision.errors.visionNoStatements'));
      return;
    }
    setBusy(true);
    try {
      if (await onInsert([...chosen])) onClose();
    } catch (failure) {
      setError(describeVisionError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('vision.picker.title')} description={t('vision.picker.description')} onClose={onClose}>
      {content.notes.length === 0 ? (
        <>
          <p className="empty">{t('vision.picker.none')}</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose} data-autofocus>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-filter`}>{t('vision.picker.filter')}</label>
            <input
              id={`${id}-filter`}
              type="search"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              data-autofocus
            />
          </div>
          <div className="vision-picker-bar">
            <p className="field-hint" aria-live="polite">
              {t('vision.picker.chosen', { count: chosen.size })}
            </p>
            <button
              type="button"
              className="button button-small"
              onClick={toggleAll}
              disabled={open.length === 0}
            >
              {allChosen ? t('vision.picker.noneVisible') : t('vision.picker.allVisible')}
            </button>
          </div>
          <div className="vision-picker-list">
            {visible.length === 0 && <p className="empty">{t('vision.picker.noMatch')}</p>}
            {visible.map((group) => (
              <fieldset key={group.key} className="vision-picker-group">
                <legend>{group.title}</legend>
                <ul>
                  {group.notes.map((note) => (
                    <PickerItem
                      key={note.id}
                      note={note}
                      linked={linked.has(note.id)}
                      checked={chosen.has(note.id)}
                      onToggle={toggle}
                    />
                  ))}
                </ul>
              </fieldset>
            ))}
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('vision.picker.insert')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

interface PickerItemProps {
  note: Note;
  linked: boolean;
  checked: boolean;
  onToggle: (noteId: NoteId, on: boolean) => void;
}

const PickerItem = memo(function PickerItem({ note, linked, checked, onToggle }: PickerItemProps) {
  const { t } = useTranslation();
  return (
    <li>
      <label className="vision-picker-item">
        <input
          type="checkbox"
          checked={linked || checked}
          disabled={linked}
          onChange={(event) => onToggle(note.id, event.target.checked)}
        />
        <span>
          {note.text || t('vision.picker.emptyCard')}
          {linked && <span className="vision-muted"> ({t('vision.picker.linked')})</span>}
        </span>
      </label>
    </li>
  );
});
