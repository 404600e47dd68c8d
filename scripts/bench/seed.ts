/**
 * The benchmark workshops: the AI-strategy template with its focus board (a
 * clusters board) filled with many cards in clusters, built from the domain
 * commands like the demo workshop (scripts/demo/buildDemo.ts) and written as
 * a .moderato.json backup through the app's own export code. The benchmark
 * imports these files through the app's "Sicherung importieren" dialog, so the
 * renderer carries no benchmark-only code.
 */
import { blankNote } from '../../renderer/src/domain/boardCommands';
import type { Change } from '../../renderer/src/domain/changes';
import { newId, type ClusterId } from '../../renderer/src/domain/ids';
import { rankAfter } from '../../renderer/src/domain/ordering';
import { resolveTemplate, type WorkshopTemplate } from '../../renderer/src/domain/templates';
import { NOTE_COLORS, type Board, type Cluster, type Note } from '../../renderer/src/domain/types';
import { createWorkshop } from '../../renderer/src/domain/workshopCommands';
import { ModeratoDb } from '../../renderer/src/persistence/db';
import { applyChanges } from '../../renderer/src/persistence/repository';
import { createBackup } from '../../renderer/src/persistence/backup/exportBackup';
import { serializeBackup } from '../../renderer/src/persistence/backup/format';
import template from '../../assets/templates/ki-strategie.json';
import { cardText, SUBJECTS } from './cardText';

export interface WorkshopSpec {
  title: string;
  clusters: number;
  /** Cards in all, spread evenly over the clusters. */
  notes: number;
}

const NOW = Date.UTC(2027, 2, 24, 8, 0, 0);

/** The workshop's rows as changes: the template, then the clusters and cards on the focus board. */
export function buildBenchWorkshop(spec: WorkshopSpec): { changes: Change[]; focusBoard: Board } {
  const created = createWorkshop({
    fields: {
      title: spec.title,
      date: '2027-03-24',
      place: 'Rathaus',
      organisation: 'Benchmark',
      facilitators: '',
      minuteTaker: '',
    },
    template: resolveTemplate(template as WorkshopTemplate, 'de'),
    sessionTitle: 'Sitzung 1',
    now: NOW,
  });
  // The template's own (empty) clusters go: the board holds exactly the clusters asked for.
  const changes: Change[] = created.changes.filter((c) => c.table !== 'clusters');
  const focusBoard = changes
    .map((c) => c.after)
    .find((row): row is Board => !!row && 'phase' in row && (row as Board).phase === 'focus');
  if (!focusBoard) throw new Error('The template has no focus board');
  let clusterRank: string | null = null;
  const perCluster = Math.ceil(spec.notes / spec.clusters);
  let made = 0;
  for (let c = 0; c < spec.clusters; c += 1) {
    clusterRank = rankAfter(clusterRank);
    const cluster: Cluster = {
      id: newId<ClusterId>(),
      boardId: focusBoard.id,
      title: `Cluster ${c + 1}: ${SUBJECTS[c % SUBJECTS.length]}`,
      rank: clusterRank,
      collapsed: false,
      focusAreaAt: null,
      description: '',
      createdAt: NOW,
      updatedAt: NOW,
    };
    changes.push({ table: 'clusters', after: cluster });
    let noteRank: string | null = null;
    for (let n = 0; n < perCluster && made < spec.notes; n += 1, made += 1) {
      noteRank = rankAfter(noteRank);
      const note: Note = {
        ...blankNote(focusBoard.id, NOW),
        clusterId: cluster.id,
        text: cardText(made),
        color: NOTE_COLORS[made % NOTE_COLORS.length]!,
        rank: noteRank,
      };
      changes.push({ table: 'notes', after: note });
    }
  }
  return { changes, focusBoard };
}

/** The workshop as the text of a .moderato.json file, made by the app's export code. */
export async function benchBackupText(spec: WorkshopSpec, appVersion: string): Promise<string> {
  const { changes } = buildBenchWorkshop(spec);
  const db = new ModeratoDb(`moderato-bench-seed-${Math.random().toString(36).slice(2)}`);
  try {
    await applyChanges(db, changes);
    const document = await createBackup(db, { appVersion, now: new Date(NOW) });
    return serializeBackup(document);
  } finally {
    db.close();
    await db.delete();
  }
}
