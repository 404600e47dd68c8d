/**
 * The comparison page of `npm run bench`. `?view=board&board=<id>` shows the
 * board as a naive implementation would (see NaiveBoard.tsx), `?view=open&board=<id>`
 * a button that shows it (B3: opening a board in a page that is already loaded);
 * `?view=persist&board=<id>` and `?view=pdf&pages=<n>` run their measurement
 * and leave the result in window.__benchResult. It is served from the same
 * origin as the app, so it reads the same IndexedDB.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { BoardId } from '../../../renderer/src/domain/ids';
import { activeDatabaseName } from '../../../renderer/src/persistence/activeDb';
import { ModeratoDb } from '../../../renderer/src/persistence/db';
import { NaiveBoard } from './NaiveBoard';
import { runPdfFloor } from './pdfFloor';
import { runPersistBench } from './persistBench';
import './naive.css';

declare global {
  interface Window {
    __benchResult?: unknown;
    __benchError?: string;
  }
}

const params = new URLSearchParams(window.location.search);
const view = params.get('view');
const boardId = (params.get('board') ?? '') as BoardId;

function report(work: Promise<unknown>): void {
  work.then(
    (result) => (window.__benchResult = result),
    (error: unknown) => (window.__benchError = String((error as Error)?.stack ?? error)),
  );
}

/** Like the app, whose database is open since the start: the button shows once this one is open. */
function OpenOnClick({ boardId, db }: { boardId: BoardId; db: ModeratoDb }) {
  const [open, setOpen] = useState(false);
  if (open) return <NaiveBoard boardId={boardId} db={db} />;
  return (
    <button type="button" className="naive-open" onClick={() => setOpen(true)}>
      Board öffnen
    </button>
  );
}

if (view === 'open') {
  const db = new ModeratoDb(activeDatabaseName());
  void db
    .open()
    .then(() =>
      createRoot(document.getElementById('root')!).render(<OpenOnClick boardId={boardId} db={db} />),
    );
} else if (view === 'board')
  createRoot(document.getElementById('root')!).render(<NaiveBoard boardId={boardId} />);
else if (view === 'persist')
  report(runPersistBench(boardId, Number(params.get('runs') ?? 10), Number(params.get('settle') ?? 0)));
else if (view === 'pdf') report(runPdfFloor(Number(params.get('pages') ?? 100)));
