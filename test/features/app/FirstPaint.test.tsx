// What main.tsx loads after the first screen is painted runs once, after the commit's frame.
import { render } from '@testing-library/react';
import { StrictMode } from 'react';
import { expect, it, vi } from 'vitest';
import { FirstPaint } from '../../../renderer/src/features/app/FirstPaint';

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

it('calls back in a task after a frame, not during the render or its commit', async () => {
  const then = vi.fn();
  render(
    <>
      <p>Workshops</p>
      <FirstPaint then={then} />
    </>,
  );
  expect(then).not.toHaveBeenCalled();
  await nextFrame();
  await nextFrame();
  expect(then).toHaveBeenCalledTimes(1);
});

it('calls back once under StrictMode too (its effects run twice)', async () => {
  const then = vi.fn();
  render(
    <StrictMode>
      <FirstPaint then={then} />
    </StrictMode>,
  );
  await nextFrame();
  await nextFrame();
  expect(then).toHaveBeenCalledTimes(1);
});

it('does not call back when it is gone before the frame', async () => {
  const then = vi.fn();
  const { unmount } = render(<FirstPaint then={then} />);
  unmount();
  await nextFrame();
  await nextFrame();
  expect(then).not.toHaveBeenCalled();
});
