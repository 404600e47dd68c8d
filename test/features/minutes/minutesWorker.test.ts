// The minutes worker reads the workshop through its own Dexie connection: the
// model it draws must hold the writing rounds and their inbox cards too.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkshopId } from '../../../renderer/src/domain/ids';
import type { MinutesModel } from '../../../renderer/src/domain/minutes';
import type {
  MinutesWorkerRequest,
  MinutesWorkerResponse,
} from '../../../renderer/src/features/minutes/minutesWorkerProtocol';
import en from '../../../renderer/src/i18n/locales/en.json';
import { getDb } from '../../../renderer/src/persistence/db';
import { person } from '../../domain/minutesRounds';
import { TreeBuilder, WORKSHOP } from '../../domain/minutesTree';
import { writingRound } from './writingFixture';

const drawn: MinutesModel[] = [];
// The drawing itself is tested elsewhere; here only the model the worker built matters.
vi.mock('../../../renderer/src/features/minutes/minutesPdfBrowser', () => ({
  minutesPdfBase64: (model: MinutesModel) => {
    drawn.push(model);
    return Promise.resolve('UERG');
  },
}));

const workshop = { ...WORKSHOP, id: 'w-worker' as WorkshopId, title: 'Worker-Test' };
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<MinutesWorkerRequest>) => void) | null;
  postMessage: (message: MinutesWorkerResponse) => void;
};

beforeAll(async () => {
  const b = new TreeBuilder();
  const board = { ...b.board('Sammlung', 'clusters', 'focus'), workshopId: workshop.id };
  const anna = { ...person(b.tree, 'Anna Berg'), workshopId: workshop.id };
  const named = writingRound(board, {
    id: 'wr-w1',
    prompt: 'Was fehlt?',
    anonymous: false,
    authors: [anna.id],
  });
  const db = getDb();
  await db.workshops.put(workshop);
  await db.boards.put(board);
  await db.participants.put(anna);
  await db.writingRounds.put(named.round);
  await db.inboxNotes.bulkPut(named.notes);
});

describe('the minutes worker', () => {
  it('builds the minutes with the writing rounds it read itself', async () => {
    const answers: MinutesWorkerResponse[] = [];
    scope.postMessage = (message) => answers.push(message);
    await import('../../../renderer/src/features/minutes/minutes.worker');
    scope.onmessage!({
      data: {
        source: {
          databaseName: getDb().name,
          workshop,
          choice: { status: 'draft' },
          now: 0,
        },
        language: 'de',
        bundles: {},
      },
    } as MessageEvent<MinutesWorkerRequest>);
    await vi.waitFor(() => expect(answers).toHaveLength(1), { timeout: 10_000 });
    expect(answers[0]).toMatchObject({ ok: true, base64: 'UERG' });
    const phase = drawn[0]!.phases.find((p) => p.phase === 'focus')!;
    expect(phase.writingRounds).toEqual([
      expect.objectContaining({
        prompt: 'Was fehlt?',
        writers: ['Anna Berg'],
        counts: { received: 6, accepted: 2, merged: 1, rejected: 1, withdrawn: 1, pending: 1 },
      }),
    ]);
  });

  it('names the file in the language of the minutes: "_Minutes.pdf" in English', async () => {
    const answers: MinutesWorkerResponse[] = [];
    scope.postMessage = (message) => answers.push(message);
    await import('../../../renderer/src/features/minutes/minutes.worker');
    scope.onmessage!({
      data: {
        source: { databaseName: getDb().name, workshop, choice: { status: 'draft' }, now: 0 },
        language: 'en',
        bundles: { en },
      },
    } as unknown as MessageEvent<MinutesWorkerRequest>);
    await vi.waitFor(() => expect(answers).toHaveLength(1), { timeout: 10_000 });
    expect(answers[0]).toMatchObject({ ok: true });
    expect((answers[0] as { fileName: string }).fileName).toMatch(/^.*_Worker-Test_Minutes\.pdf$/);
  });
});
