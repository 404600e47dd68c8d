import { useLayoutEffect } from 'react';

/**
 * Calls `then` once, in a task after the frame that paints the first commit
 * of the root it is rendered in. main.tsx loads what the first screen does not
 * need from there (the other screens' texts, the request to keep the data).
 * A requestAnimationFrame right after root.render() is not enough: the render
 * is scheduled, and when it takes longer than a frame the callback runs
 * before the first screen is even committed, and its work holds the paint up.
 */
export function FirstPaint({ then }: { then: () => void }) {
  useLayoutEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(then);
    });
    return () => {
      // StrictMode's second mount (development) starts it again; it runs once either way.
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [then]);
  return null;
}
