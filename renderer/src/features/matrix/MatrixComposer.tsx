import { useTranslation } from 'react-i18next';
import { addMatrixNote, placeFromKey } from '../../domain/matrixCommands';
import type { BoardContent } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { planAdd } from '../board/addedRanks';
import { CardComposerForm } from '../board/CardComposerForm';
import { describeMatrixError, runMatrix } from './matrixActions';

interface MatrixComposerProps {
  content: { current: BoardContent };
  placeKey: string;
  /** Where the card goes, in words: "„Bürgerservice“ / „Analog“" or "„Noch nicht eingeordnet“". */
  placeLabel: string;
  onClose: () => void;
}

/** Adds cards to a cell or the tray, one after another; the unsent text survives a reload. */
export function MatrixComposer({ content, placeKey, placeLabel, onClose }: MatrixComposerProps) {
  const { t } = useTranslation();

  async function add(text: string): Promise<boolean> {
    const place = placeFromKey(placeKey);
    if (!place) return false;
    const ok = await runMatrix(() =>
      planAdd(`${content.current.board.id}:${placeKey}`, (rankFloor) =>
        addMatrixNote(content.current, { place, text, now: Date.now(), rankFloor }),
      ),
    );
    if (ok) useAppStore.getState().announce(t('matrix.added', { place: placeLabel }));
    return ok;
  }

  return (
    <CardComposerForm
      draftKey={`matrix:${content.current.board.id}:${placeKey}`}
      label={t('matrix.newCardLabel', { place: placeLabel })}
      className="note-composer matrix-composer"
      onAdd={add}
      onClose={onClose}
      onEscape={(event) => {
        // The cell's own Escape handling must not see it.
        event.stopPropagation();
        onClose();
      }}
      describe={describeMatrixError}
    />
  );
}
