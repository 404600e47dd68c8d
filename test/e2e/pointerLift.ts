import type { Locator, Page } from 'playwright-core';

type Seen = Array<{ y: number; lifted: boolean }>;

/**
 * Presses on the middle of `handle` and moves the pointer 10 px down in one move, past
 * dnd-kit's 6 px activation distance. Tells whether `lifted` (a selector of what shows the
 * drag) matched by the time that move's event had passed the page: a listener on the
 * window runs after dnd-kit's on the document, so true means the drag's start was rendered
 * within the move, not a frame later. The move is told apart from any the browser sends by
 * where it is. The drag is left running: the caller ends it.
 */
export async function liftsWithinMove(page: Page, handle: Locator, lifted: string): Promise<boolean> {
  const box = (await handle.boundingBox())!;
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.evaluate((selector) => {
    const seen: Seen = [];
    const listener = (event: PointerEvent) =>
      seen.push({ y: event.clientY, lifted: document.querySelector(selector) !== null });
    addEventListener('pointermove', listener);
    (window as unknown as { liftSeen: { seen: Seen; stop(): void } }).liftSeen = {
      seen,
      stop: () => removeEventListener('pointermove', listener),
    };
  }, lifted);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y + 10);
  await page.locator(lifted).first().waitFor();
  const seen = await page.evaluate(() => {
    const watch = (window as unknown as { liftSeen: { seen: Seen; stop(): void } }).liftSeen;
    watch.stop();
    return watch.seen;
  });
  return seen.find((move) => Math.abs(move.y - (from.y + 10)) < 1)?.lifted ?? false;
}
