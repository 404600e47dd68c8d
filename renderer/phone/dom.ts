/**
 * A tiny element builder. Text from the server only ever becomes text nodes or
 * attribute values: no innerHTML anywhere on the phone page.
 */
type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const name of Object.keys(attrs)) {
    const value = attrs[name];
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: Array<Child | Child[]>): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child);
    else if (child === null || child === undefined || child === false) continue;
    else parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's children (Element.replaceChildren is missing before Safari 14). */
export function setChildren(parent: Node, ...children: Array<Child | Child[]>): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** aria-disabled instead of disabled: the button stays focusable and can say why it does nothing. */
export function setDisabled(button: HTMLElement, disabled: boolean): void {
  if (disabled) button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
}

export function isDisabled(button: HTMLElement): boolean {
  return button.getAttribute('aria-disabled') === 'true';
}

let nextId = 0;
/** An id unique on the page, for labels and descriptions. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** The data-key of the focused element, so a redraw can put the focus back. */
export function focusedKey(root: HTMLElement): string | null {
  const active = document.activeElement;
  if (!active || !root.contains(active)) return null;
  const owner = active.closest('[data-key]');
  return owner ? owner.getAttribute('data-key') : null;
}

export function focusKey(root: HTMLElement, key: string | null): boolean {
  if (key === null) return false;
  const candidates = root.querySelectorAll<HTMLElement>('[data-key]');
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    if (candidate.getAttribute('data-key') === key) {
      candidate.focus();
      return true;
    }
  }
  return false;
}
