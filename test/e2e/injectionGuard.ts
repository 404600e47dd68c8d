// Watches a page for markup that got in through user text: script-capable
// elements, inline event handlers, script URLs. It runs before the page's own
// code (an init script) and records even elements that are inserted and removed
// again at once. Used by the XSS tests; import tests can use it the same way.
import type { BrowserContext, Page } from 'playwright-core';

declare global {
  interface Window {
    /** Filled by the guard with a description of every injected element or attribute. */
    __injected?: string[];
  }
}

const GUARD_SCRIPT = `(() => {
  window.__injected = [];
  // Elements our UI never renders and that can run code, load content or change the page's base.
  const TAGS = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'BASE',
    'META', 'LINK', 'STYLE', 'PORTAL', 'TEMPLATE']);
  const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background'];
  const SCRIPT_URL = /^[\\s\\u0000-\\u001f]*(j\\s*a\\s*v\\s*a\\s*s\\s*c\\s*r\\s*i\\s*p\\s*t|vbscript|data\\s*:\\s*text\\/html)/i;
  // Records arrive after the fact, so one element can show up in several of them: report it once.
  const seen = new WeakMap();
  const report = (el, why) => {
    const reasons = seen.get(el) || new Set();
    if (reasons.has(why)) return;
    seen.set(el, reasons.add(why));
    window.__injected.push('<' + el.tagName.toLowerCase() + '> ' + why + ': ' + (el.outerHTML || '').slice(0, 200));
  };
  const check = (el) => {
    if (TAGS.has(el.tagName.toUpperCase())) report(el, 'element');
    for (const attribute of Array.from(el.attributes || [])) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) report(el, 'event handler ' + name);
      if (name === 'srcdoc') report(el, 'srcdoc');
      if (URL_ATTRIBUTES.includes(name) && SCRIPT_URL.test(attribute.value)) report(el, 'script URL in ' + name);
    }
  };
  const scan = (node) => {
    if (node.nodeType !== 1) return;
    check(node);
    node.querySelectorAll('*').forEach(check);
  };
  new MutationObserver((records) => {
    for (const record of records) {
      // The page's own head (Vite's preload links and styles) is not user content.
      const parent = record.target;
      if (parent === document.head || parent === document.documentElement || parent === document) continue;
      if (record.type === 'attributes') check(record.target);
      else record.addedNodes.forEach(scan);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/** Installs the guard for every page the context opens from now on (reload the current one). */
export async function installInjectionGuard(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: GUARD_SCRIPT });
}

export interface InjectionState {
  /** Set by a payload that ran; undefined when none did. */
  xss: unknown;
  /** null when the guard is not installed on this page. */
  injected: string[] | null;
}

/** What the guard saw since the page loaded, plus a fresh look at the whole body. */
export function readInjections(page: Page): Promise<InjectionState> {
  return page.evaluate(() => {
    const now: string[] = [];
    document.body.querySelectorAll('*').forEach((el) => {
      if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'BASE'].includes(el.tagName)) now.push(el.outerHTML);
      for (const attribute of Array.from(el.attributes)) {
        if (attribute.name.toLowerCase().startsWith('on')) now.push(el.outerHTML.slice(0, 200));
      }
    });
    return {
      xss: window.__xss,
      injected: window.__injected === undefined ? null : [...window.__injected, ...now],
    };
  });
}
