// Moving through the app as a keyboard-only user does: Tab, arrows, Enter,
// Space, Escape. Every step checks that the focus sits on a real element and
// shows it (:focus-visible), and that Tab never gets stuck on one element.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { eventually } from './helpers';

export interface Focus {
  tag: string;
  /** The accessible name as far as the tests need it: aria-label, labelledby, label, else text. */
  name: string;
  role: string;
  visible: boolean;
  /** Stable identity of the element, to tell whether Tab moved at all. */
  key: string;
  /** The value of a form field (select, input, textarea), else ''. */
  value: string;
}

export function focusOf(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body)
      return { tag: 'BODY', name: '', role: '', visible: false, key: '', value: '' };
    // The text a screen reader reads: without the parts hidden from it (icons, "+").
    const visibleText = (of: Element) => {
      const copy = of.cloneNode(true) as Element;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      return copy.textContent ?? '';
    };
    const labelled = element.getAttribute('aria-labelledby');
    const fromLabel =
      element.getAttribute('aria-label') ??
      (labelled
        ? labelled
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
        : null) ??
      (element as HTMLInputElement).labels?.[0]?.textContent ??
      visibleText(element);
    if (!element.dataset.focusKey) element.dataset.focusKey = String(Math.random());
    const field = element as HTMLInputElement;
    return {
      tag: element.tagName,
      name: fromLabel.replace(/\s+/g, ' ').trim(),
      role: element.getAttribute('role') ?? field.type ?? '',
      // A date field keeps focus in its own parts (day, month, year), styled by app.css.
      visible:
        element.matches(':focus-visible') ||
        (element.matches('input[type="date"], input[type="time"]') && element.matches(':focus-within')),
      key: element.dataset.focusKey,
      value: typeof field.value === 'string' ? field.value : '',
    };
  });
}

/** Focus is on a real element, not <body>, and shows it (the outline of :focus-visible). */
export async function expectFocusVisible(page: Page, step: string): Promise<Focus> {
  const now = await focusOf(page);
  expect(now.tag, `focus lost to <body> after: ${step}`).not.toBe('BODY');
  expect(now.visible, `focus not visible after: ${step} (on ${now.tag} "${now.name}")`).toBe(true);
  return now;
}

/** Waits (briefly) for the focus to settle somewhere visible: some steps move it after a render. */
export async function settledFocus(page: Page, step: string): Promise<Focus> {
  let result!: Focus;
  await eventually(async () => {
    result = await expectFocusVisible(page, step);
  }, 2_000);
  return result;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches. After every
 * press the focus must be visible and must have moved: a date field takes a
 * few presses (its parts), more than that is a trap. Past the last control the
 * browser hands focus to its own UI (document.body here); the next Tab comes
 * back to the first control: that one wrap is allowed.
 */
export async function tabTo(
  page: Page,
  match: (f: Focus) => boolean,
  what: string,
  options: { backwards?: boolean; max?: number } = {},
): Promise<Focus> {
  let previous = await focusOf(page);
  let stayed = 0;
  let wrapped = false;
  const max = options.max ?? 80;
  const seen: string[] = [];
  for (let press = 0; press < max; press += 1) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    if ((await focusOf(page)).tag === 'BODY' && !wrapped && previous.tag !== 'BODY') {
      wrapped = true;
      previous = await focusOf(page);
      seen.push('<body>');
      continue;
    }
    const now = await expectFocusVisible(page, `Tab towards ${what} (after ${seen.slice(-6).join(' → ')})`);
    seen.push(`${now.tag} "${now.name.slice(0, 40)}"`);
    stayed = now.key === previous.key ? stayed + 1 : 0;
    expect(stayed, `focus trapped on ${now.tag} "${now.name}" while tabbing to ${what}`).toBeLessThan(4);
    if (match(now)) return now;
    previous = now;
  }
  throw new Error(`${max} presses of Tab did not reach ${what} (last: ${seen.slice(-8).join(' → ')})`);
}

export const named =
  (name: string | RegExp) =>
  (f: Focus): boolean =>
    typeof name === 'string' ? f.name === name : name.test(f.name);

/** Presses a key; the focus must then settle on something visible. */
export async function press(page: Page, key: string, step = key): Promise<Focus> {
  await page.keyboard.press(key);
  return settledFocus(page, step);
}

/**
 * Chooses an option of the focused <select> (or radio group) with the arrow
 * keys, as a keyboard user does: Home, then ArrowDown until the text matches.
 */
export async function chooseWithArrows(page: Page, option: string | RegExp, what: string): Promise<void> {
  const current = () =>
    page.evaluate(() => {
      const element = document.activeElement;
      if (element instanceof HTMLSelectElement) return element.selectedOptions[0]?.textContent ?? '';
      if (element instanceof HTMLInputElement) return element.labels?.[0]?.textContent ?? '';
      return '';
    });
  const matches = (text: string) =>
    typeof option === 'string' ? text.trim() === option : option.test(text.trim());
  const isSelect = await page.evaluate(() => document.activeElement instanceof HTMLSelectElement);
  if (isSelect) await page.keyboard.press('Home');
  for (let i = 0; i < 40; i += 1) {
    if (matches(await current())) return;
    await page.keyboard.press('ArrowDown');
    await settledFocus(page, `choosing ${what}`);
  }
  throw new Error(`the arrow keys never reached "${String(option)}" in ${what} (at "${await current()}")`);
}

/**
 * Records where the focus goes from now on: "dialog", "<n> of <count>" for the
 * element of `places` (a selector) that holds it, its tag name elsewhere, and
 * "body" when it falls to the page and stays there past the task (closing a
 * modal dialog drops it there for a moment before it is given on). Returns a
 * function that reads the trail so far.
 */
export async function startFocusTrail(page: Page, places: string): Promise<() => Promise<string[]>> {
  await page.evaluate((selector) => {
    const trail: string[] = [];
    (window as unknown as { focusTrail: string[] }).focusTrail = trail;
    const where = (element: EventTarget | null) => {
      if (!(element instanceof Element) || element === document.body) return 'body';
      if (element.closest('dialog')) return 'dialog';
      const all = Array.from(document.querySelectorAll(selector));
      const index = all.findIndex((place) => place.contains(element));
      return index < 0 ? element.tagName : `${index + 1} of ${all.length}`;
    };
    document.addEventListener('focusin', (event) => trail.push(where(event.target)));
    document.addEventListener('focusout', (event) => {
      if (event.relatedTarget) return;
      setTimeout(() => {
        if (document.activeElement === document.body) trail.push('body');
      });
    });
  }, places);
  return () => page.evaluate(() => (window as unknown as { focusTrail: string[] }).focusTrail);
}
