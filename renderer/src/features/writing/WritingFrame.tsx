import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantId, WritingRoundId } from '../../domain/ids';
import type { BoardContent, InboxNote, WritingRound } from '../../domain/types';
import { useParticipantsUnordered } from '../../persistence/participantHooks';
import { useInboxNotes, useOpenWritingRound, useWritingRounds } from '../../persistence/writingHooks';
import { Inbox } from './Inbox';
import { NoteAuthorsProvider, useAuthorMap } from './noteAuthors';
import { StartWritingDialog } from './StartWritingDialog';
import { clockTime, WritingPanel, type InboxCounts } from './WritingPanel';
import './writing.css';

const NO_NOTES: readonly InboxNote[] = [];

function countsOf(notes: readonly InboxNote[]): InboxCounts {
  let received = 0;
  let pending = 0;
  let accepted = 0;
  for (const note of notes) {
    if (note.status !== 'withdrawn') received += 1;
    if (note.status === 'pending') pending += 1;
    if (note.status === 'accepted') accepted += 1;
  }
  return { received, pending, accepted };
}

/**
 * The writing round (Schreibrunde) around a columns, matrix or clusters
 * board: "Schreibrunde starten …" above it, and beside it, while a round runs
 * or cards wait, the join code and the inbox (Eingang). The board is passed
 * in as `children` and never re-renders because of the inbox. Also gives the
 * board's cards their authors' names (one map for the whole board).
 */
export function WritingFrame({ content, children }: { content: BoardContent; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const board = content.board;
  const rounds = useWritingRounds(board.id);
  const openRound = useOpenWritingRound(board.workshopId);
  const participants = useParticipantsUnordered(board.workshopId);
  const authors = useAuthorMap(content.notes, participants);
  const [asking, setAsking] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const [focusPanel, setFocusPanel] = useState(false);
  const panelFocused = useCallback(() => setFocusPanel(false), []);
  const [roundChoice, setRoundChoice] = useState<WritingRoundId | null>(null);

  const boardRounds = useMemo(() => [...(rounds ?? [])].sort((a, b) => b.openedAt - a.openedAt), [rounds]);
  const runningHere = openRound && openRound.boardId === board.id ? openRound : null;
  const shown: WritingRound | undefined =
    boardRounds.find((r) => r.id === roundChoice) ?? runningHere ?? boardRounds[0];
  const notes = useInboxNotes(shown?.id ?? null);
  const counts = useMemo(() => countsOf(notes ?? NO_NOTES), [notes]);
  const names = useMemo(
    () => new Map<ParticipantId, string>((participants ?? []).map((p) => [p.id, p.name])),
    [participants],
  );
  // The inbox stays beside the board while the round runs and while cards wait.
  const wanted =
    shown !== undefined && (shown.status === 'open' || counts.pending > 0 || roundChoice !== null);
  const expanded = wanted && !collapsed;
  const sideId = `${id}-inbox`;

  return (
    <NoteAuthorsProvider authors={authors}>
      <div className={`writing-frame${expanded ? ' writing-frame-open' : ''}`}>
        <div className="writing-bar">
          {runningHere ? (
            <p className="writing-bar-status">
              <strong>{t('writing.bar.running')}</strong>{' '}
              <span className="writing-bar-prompt">{runningHere.prompt}</span>
              {runningHere.closesAt !== null && (
                <span> · {t('writing.panel.closesAt', { time: clockTime(runningHere.closesAt) })}</span>
              )}
            </p>
          ) : (
            <button type="button" className="button button-small" onClick={() => setAsking(true)}>
              {t('writing.bar.start')}
            </button>
          )}
          {boardRounds.length > 0 && (
            <button
              type="button"
              className="button button-small"
              aria-expanded={expanded}
              aria-controls={expanded ? sideId : undefined}
              onClick={() => {
                if (!wanted) {
                  setRoundChoice(shown?.id ?? null);
                  setCollapsed(false);
                } else setCollapsed(!collapsed);
              }}
            >
              {t('writing.bar.inbox', { count: counts.pending })}
            </button>
          )}
        </div>
        <div className="writing-frame-row">
          <div className="writing-frame-board">{children}</div>
          {expanded && shown && (
            <aside id={sideId} className="writing-side" aria-labelledby={`${sideId}-title`}>
              <div className="writing-side-head">
                <h2 id={`${sideId}-title`} className="writing-side-title">
                  {t('writing.inbox.title', { count: counts.pending })}
                </h2>
                {boardRounds.length > 1 && (
                  <select
                    aria-label={t('writing.inbox.round')}
                    value={shown.id}
                    onChange={(event) => setRoundChoice(event.target.value as WritingRoundId)}
                  >
                    {boardRounds.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.prompt}
                      </option>
                    ))}
                  </select>
                )}
              </div>
              {shown.status === 'open' && shown.boardId === board.id && (
                <WritingPanel
                  round={shown}
                  counts={counts}
                  focusHeading={focusPanel}
                  onFocused={panelFocused}
                />
              )}
              {shown.status !== 'open' && <p className="writing-prompt">{shown.prompt}</p>}
              <Inbox content={content} round={shown} notes={notes} names={names} />
            </aside>
          )}
        </div>
        {asking && (
          <StartWritingDialog
            board={board}
            openRound={openRound ?? null}
            onStarted={() => {
              setAsking(false);
              setRoundChoice(null);
              setCollapsed(false);
              setFocusPanel(true);
            }}
            onClose={() => setAsking(false)}
          />
        )}
      </div>
    </NoteAuthorsProvider>
  );
}
