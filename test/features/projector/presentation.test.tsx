// What the facilitator's window tells the projector window: the board shown, and the
// revealed voting result on the voting screen (through localStorage and its storage event).
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { VotingRoundId, WorkshopId } from '../../../renderer/src/domain/ids';
import { usePresentedRound, usePresentRound } from '../../../renderer/src/features/projector/presentation';

const W = 'w-1' as WorkshopId;
const R = 'r-1' as VotingRoundId;

/** The projector is another window: it hears of a change through the storage event. */
function fromTheOtherWindow() {
  act(() => window.dispatchEvent(new StorageEvent('storage', { key: 'moderato.presentation.round' })));
}

describe('presented voting result', () => {
  it('reaches the projector while the voting screen shows it, and is taken back when the screen goes', () => {
    const projector = renderHook(() => usePresentedRound(W));
    expect(projector.result.current).toBeNull();
    const screen = renderHook(({ round }) => usePresentRound(W, round), {
      initialProps: { round: R as VotingRoundId | null },
    });
    fromTheOtherWindow();
    expect(projector.result.current).toBe(R);
    // People vote on the laptop: no result on the projector meanwhile.
    screen.rerender({ round: null });
    fromTheOtherWindow();
    expect(projector.result.current).toBeNull();
    screen.rerender({ round: R });
    fromTheOtherWindow();
    expect(projector.result.current).toBe(R);
    screen.unmount();
    fromTheOtherWindow();
    expect(projector.result.current).toBeNull();
  });

  it('is shown only on the projector of the same workshop', () => {
    renderHook(() => usePresentRound('w-other' as WorkshopId, R));
    const projector = renderHook(() => usePresentedRound(W));
    expect(projector.result.current).toBeNull();
  });
});
