/** Whether shortcuts are written for a Mac (⌘ instead of Strg). */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
