import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import { AddBoardDialog } from './AddBoardDialog';
import { addBoard, deleteBoard, renameBoard } from '../../domain/boardCommands';
import type { Board, BoardKind, Workshop } from '../../domain/types';
import type { BoardId } from '../../domain/ids';
import { LIMITS } from '../../domain/validation';
import { getDb } from '../../persistence/db';
import { loadBoardContent } from '../../persistence/repository';
import { loadBoardWriting } from '../../persistence/writingHooks';
import { commit, run } from '../app/commands';
import { navigate } from '../app/useRoute';
import { boardRoute, workshopRoute } from '../app/router';
import { titleValidator } from '../app/validators';

interface BoardTabsProps {
  workshop: Workshop;
  boards: Board[];
  currentBoardId: BoardId | null;
}

type DialogState =
  { kind: 'none' } | { kind: 'add' } | { kind: 'rename'; board: Board } | { kind: 'delete'; board: Board };

export function BoardTabs({ workshop, boards, currentBoardId }: BoardTabsProps) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });
  const close = () => setDialog({ kind: 'none' });
  const current = boards.find((b) => b.id === currentBoardId);
  const validate = titleValidator('boardTitle', LIMITS.boardTitle);

  async function add(title: string, kind: BoardKind): Promise<boolean> {
    let created: BoardId | null = null;
    const ok = await run(() => {
      const result = addBoard(workshop, boards, title, Date.now(), kind);
      created = result.board.id;
      return result.changes;
    });
    if (ok && created) navigate(boardRoute(workshop.id, created));
    return ok;
  }

  async function remove(board: Board) {
    const db = getDb();
    const content = await loadBoardContent(db, board.id);
    if (!content) return;
    const [ideas, visions, votingRounds, agendaItems, writing] = await Promise.all([
      db.ideas.where('boardId').equals(board.id).toArray(),
      db.visions.where('boardId').equals(board.id).toArray(),
      db.votingRounds.where('boardId').equals(board.id).toArray(),
      db.agendaItems.where('workshopId').equals(workshop.id).toArray(),
      loadBoardWriting(db, board.id),
    ]);
    const ballots = await db.ballots
      .where('roundId')
      .anyOf(votingRounds.map((r) => r.id))
      .toArray();
    const ok = await commit(
      deleteBoard(content, { ideas, visions, votingRounds, ballots, agendaItems, ...writing }),
    );
    if (ok) navigate(workshopRoute(workshop.id), { replace: true });
  }

  return (
    <div className="board-tabs">
      <div className="board-tab-actions">
        <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'add' })}>
          {t('boards.add')}
        </button>
        {current && (
          <>
            <button
              type="button"
              className="button button-small"
              onClick={() => setDialog({ kind: 'rename', board: current })}
            >
              {t('boards.rename')}
            </button>
            <button
              type="button"
              className="button button-small button-danger-quiet"
              onClick={() => setDialog({ kind: 'delete', board: current })}
            >
              {t('boards.delete')}
            </button>
          </>
        )}
      </div>
      {dialog.kind === 'add' && <AddBoardDialog validate={validate} onSubmit={add} onClose={close} />}
      {dialog.kind === 'rename' && (
        <TextPromptDialog
          title={t('boards.renameTitle')}
          label={t('fields.boardTitle')}
          initial={dialog.board.title}
          submitLabel={t('common.save')}
          validate={validate}
          onSubmit={(title) => run(() => renameBoard(dialog.board, title))}
          onClose={close}
        />
      )}
      {dialog.kind === 'delete' && (
        <ConfirmDialog
          title={t('boards.deleteTitle')}
          message={t('boards.deleteConfirm', { title: dialog.board.title })}
          confirmLabel={t('boards.delete')}
          danger
          onCancel={close}
          onConfirm={() => {
            close();
            void remove(dialog.board);
          }}
        />
      )}
    </div>
  );
}
