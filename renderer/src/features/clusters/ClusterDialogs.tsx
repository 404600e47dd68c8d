import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import {
  addCluster,
  cardsIn,
  deleteCluster,
  dissolveCluster,
  mergeClusters,
  renameCluster,
  splitCluster,
} from '../../domain/clusterCommands';
import { demoteFocusArea } from '../../domain/clusterFocusAreas';
import { invertChanges } from '../../domain/changes';
import type { ClusterId, NoteId } from '../../domain/ids';
import type { BoardContent, Cluster, Idea } from '../../domain/types';
import { LIMITS } from '../../domain/validation';
import { useAppStore } from '../../state/store';
import { commit, plan, run } from '../app/commands';
import { titleValidator } from '../app/validators';
import { shorten } from '../board/useNoteDnd';
import { BringInDialog } from './BringInDialog';
import type { ClusterDialog } from './clusterActions';
import { FocusAreaDialog } from './FocusAreaDialog';
import { MoveCardDialog } from './MoveCardDialog';

interface ClusterDialogsProps {
  content: BoardContent;
  ideas: readonly Idea[];
  dialog: ClusterDialog;
  onClose: () => void;
}

const announce = (text: string) => useAppStore.getState().announce(text);

/** The open dialog of a clusters board, if any. */
export function ClusterDialogs({ content, ideas, dialog, onClose }: ClusterDialogsProps) {
  const { t } = useTranslation();
  const validate = titleValidator('clusterTitle', LIMITS.clusterTitle);
  if (dialog.kind === 'none') return null;
  if (dialog.kind === 'addCluster') {
    return (
      <TextPromptDialog
        title={t('clusters.addTitle')}
        label={t('fields.clusterTitle')}
        submitLabel={t('clusters.addSubmit')}
        validate={validate}
        onSubmit={async (title) => {
          const ok = await run(() => addCluster(content, title, Date.now()).changes);
          if (ok) announce(t('clusters.added', { title: title.trim() }));
          return ok;
        }}
        onClose={onClose}
      />
    );
  }
  if (dialog.kind === 'bringIn') return <BringInDialog content={content} onClose={onClose} />;
  if (dialog.kind === 'moveCard') {
    const note = content.notes.find((n) => n.id === dialog.noteId);
    return note ? <MoveCardDialog content={content} note={note} onClose={onClose} /> : null;
  }
  const cluster = content.clusters.find((c) => c.id === dialog.clusterId);
  if (!cluster) return null;
  switch (dialog.kind) {
    case 'rename':
      return (
        <TextPromptDialog
          title={t('clusters.renameTitle')}
          label={t('fields.clusterTitle')}
          initial={cluster.title}
          submitLabel={t('common.save')}
          validate={validate}
          onSubmit={(title) => run(() => renameCluster(content, cluster.id, title, Date.now()))}
          onClose={onClose}
        />
      );
    case 'merge':
      return <MergeDialog content={content} ideas={ideas} cluster={cluster} onClose={onClose} />;
    case 'split':
      return <SplitDialog content={content} cluster={cluster} onClose={onClose} />;
    case 'focusArea':
      return <FocusAreaDialog content={content} cluster={cluster} onClose={onClose} />;
    case 'confirm':
      return (
        <ConfirmClusterAction
          content={content}
          ideas={ideas}
          cluster={cluster}
          action={dialog.action}
          onClose={onClose}
        />
      );
  }
}

function ConfirmClusterAction({
  content,
  ideas,
  cluster,
  action,
  onClose,
}: {
  content: BoardContent;
  ideas: readonly Idea[];
  cluster: Cluster;
  action: 'dissolve' | 'delete' | 'demote';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const count = cardsIn(content, cluster.id).length;
  const linked = ideas.filter((i) => i.focusAreaId === cluster.id).length;
  const ideaNote = linked > 0 ? ` ${t('clusters.ideasUnlinked', { count: linked })}` : '';
  async function confirm() {
    const changes = plan(() => {
      const now = Date.now();
      if (action === 'dissolve') return dissolveCluster(content, cluster.id, ideas, now);
      if (action === 'delete') return deleteCluster(content, cluster.id, ideas, now);
      return demoteFocusArea(content, cluster.id, ideas, now);
    });
    if (!changes || !(await commit(changes))) return;
    onClose();
    const message = t(`clusters.${action}Done`, { title: cluster.title, count });
    announce(message);
    if (action === 'delete') {
      // Brings back this very cluster and its cards, whatever happened since.
      const restore = invertChanges(changes);
      useAppStore.getState().showToast({
        tone: 'info',
        message,
        action: { label: t('common.undo'), run: () => void commit(restore) },
      });
    }
  }
  return (
    <ConfirmDialog
      title={t(`clusters.${action}Title`, { title: cluster.title })}
      message={t(`clusters.${action}Message`, { title: cluster.title, count }) + ideaNote}
      confirmLabel={t(`clusters.${action}Confirm`)}
      danger={action === 'delete'}
      onConfirm={confirm}
      onCancel={onClose}
    />
  );
}

function MergeDialog({
  content,
  ideas,
  cluster,
  onClose,
}: {
  content: BoardContent;
  ideas: readonly Idea[];
  cluster: Cluster;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const others = content.clusters.filter((c) => c.id !== cluster.id);
  const [targetId, setTargetId] = useState<ClusterId>(others[0]!.id);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const target = others.find((c) => c.id === targetId);
    const ok = await run(() => mergeClusters(content, cluster.id, targetId, ideas, Date.now()));
    if (ok) {
      announce(t('clusters.mergedDone', { title: cluster.title, target: target?.title ?? '' }));
      onClose();
    }
  }

  return (
    <Dialog
      title={t('clusters.mergeTitle', { title: cluster.title })}
      description={t('clusters.mergeHint')}
      onClose={onClose}
    >
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="cluster-merge-target">{t('clusters.mergeTarget')}</label>
          <select
            id="cluster-merge-target"
            value={targetId}
            data-autofocus
            onChange={(event) => setTargetId(event.target.value as ClusterId)}
          >
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('clusters.mergeSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function SplitDialog({
  content,
  cluster,
  onClose,
}: {
  content: BoardContent;
  cluster: Cluster;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const cards = cardsIn(content, cluster.id);
  const [chosen, setChosen] = useState<ReadonlySet<NoteId>>(new Set());
  const [title, setTitle] = useState(t('clusters.splitDefaultTitle', { title: cluster.title }));
  const [error, setError] = useState<string | null>(null);
  const validate = titleValidator('clusterTitle', LIMITS.clusterTitle);

  function toggle(id: NoteId, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem =
      chosen.size === 0
        ? t('errors.clusterSplitNone')
        : chosen.size === cards.length
          ? t('errors.clusterSplitAll')
          : validate(title);
    setError(problem);
    if (problem) return;
    const ok = await run(() => splitCluster(content, cluster.id, [...chosen], title, Date.now()).changes);
    if (ok) {
      announce(t('clusters.splitDone', { title: title.trim(), count: chosen.size }));
      onClose();
    }
  }

  return (
    <Dialog
      title={t('clusters.splitTitle', { title: cluster.title })}
      description={t('clusters.splitHint')}
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate>
        <fieldset className="cluster-checklist">
          <legend>{t('clusters.splitCards')}</legend>
          {cards.map((note, i) => (
            <label key={note.id} className="cluster-check">
              <input
                type="checkbox"
                checked={chosen.has(note.id)}
                data-autofocus={i === 0 ? true : undefined}
                onChange={(event) => toggle(note.id, event.target.checked)}
              />
              <span>{shorten(note.text, 120) || t('notes.empty')}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="cluster-split-title">{t('clusters.splitNewTitle')}</label>
          <input
            id="cluster-split-title"
            value={title}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'cluster-split-error' : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        {error && (
          <p id="cluster-split-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('clusters.splitSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
