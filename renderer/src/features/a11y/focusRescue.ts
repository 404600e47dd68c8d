// Where the keyboard focus goes when the element holding it disappears: a
// card moved to another cluster, a voting round moved to the closed ones, a
// cluster merged away, a dialog closed whose opener is gone, a screen replaced. Browsers drop the focus to <body> then,
// and the next Tab starts again at the top of the page; a screen reader says
// nothing. These functions find the sensible place instead.

/** Attributes that name the same thing across re-renders (a card, a cluster, a voting round, a link). */
const IDENTITY = [
  'data-note-id',
  'data-cluster-id',
  'data-column-id',
  'data-idea-id',
  'data-round-id',
] as const;

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** What was focused, with its ancestors as they were then (the element may be detached later). */
export interface FocusRecord {
  element: HTMLElement;
  path: readonly HTMLElement[];
}

export function recordOf(element: HTMLElement): FocusRecord {
  const path: HTMLElement[] = [];
  for (let node = element.parentElement; node && node !== document.body; node = node.parentElement)
    path.push(node);
  return { element, path };
}

function shown(element: HTMLElement): boolean {
  return element.getClientRects().length > 0 && !element.closest('[inert], [hidden], .visually-hidden');
}

function focusables(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(shown);
}

function nameOf(element: HTMLElement): string {
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The same item rendered anew (e.g. the card in its new cluster), found by a stable attribute. */
function sameItem(lost: FocusRecord): HTMLElement | null {
  const { element } = lost;
  if (element.tagName === 'A' && element.getAttribute('href')) {
    const link = Array.from(document.querySelectorAll<HTMLElement>('a[href]')).find(
      (a) =>
        a.getAttribute('href') === element.getAttribute('href') && nameOf(a) === nameOf(element) && shown(a),
    );
    if (link) return link;
  }
  for (const holder of [element, ...lost.path]) {
    for (const attribute of IDENTITY) {
      const value = holder.getAttribute(attribute);
      if (!value) continue;
      const again = Array.from(document.querySelectorAll<HTMLElement>(`[${attribute}]`)).find(
        (candidate) => candidate.getAttribute(attribute) === value,
      );
      if (!again) continue;
      const inside = focusables(again);
      return (
        inside.find((candidate) => nameOf(candidate) === nameOf(element)) ??
        inside.find((candidate) => candidate.hasAttribute('data-drag-handle')) ??
        inside[0] ??
        null
      );
    }
  }
  return null;
}

/** The heading of the screen, made focusable for this purpose: where a new page starts. */
export function screenHeading(): HTMLElement | null {
  const heading = document.querySelector<HTMLElement>('main h2, main h1, h1');
  if (!heading) return null;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  return heading;
}

/**
 * The element to focus instead of a lost one: the same item if it was only
 * rendered anew, else the first control of the closest part of the page that is
 * still there, else the heading of the screen.
 */
export function rescueTarget(lost: FocusRecord): HTMLElement | null {
  const again = sameItem(lost);
  if (again) return again;
  const main = document.querySelector('main');
  for (const ancestor of lost.path) {
    if (!ancestor.isConnected) continue;
    // Above the screen's content (a screen replaced): start at its heading, not at the app's header.
    if (main && (ancestor.contains(main) || ancestor === main)) break;
    const first = focusables(ancestor)[0];
    if (first) return first;
  }
  return screenHeading();
}
