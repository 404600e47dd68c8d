import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workshop } from '../../domain/types';
import { EntryDialog, type EntryKind } from './EntryDialog';
import { IS_MAC } from '../../platform/keyboard';

/** Strg+Umschalt+E (Cmd+Umschalt+E on a Mac). Matched by the physical key, so a keyboard layout cannot hide it. */
export function isCaptureShortcut(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    event.shiftKey &&
    !event.altKey &&
    (event.code === 'KeyE' || event.key.toLowerCase() === 'e')
  );
}

/** A modal dialog is open (ours or anyone's): the shortcut must not stack a second one on top. */
function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/**
 * "Festhalten": records a decision or an action item from anywhere in the
 * workshop, also while typing in a field, with one shortcut.
 */
export function CaptureShortcut({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const keys = IS_MAC ? t('decisions.capture.keysMac') : t('decisions.capture.keys');
  const [open, setOpen] = useState(false);
  // The kind last used this session: several action items in a row are common.
  const [lastKind, setLastKind] = useState<EntryKind>('decision');

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isCaptureShortcut(event) || event.repeat) return;
      // Ours in any case: the browser has its own use for some of these keys.
      event.preventDefault();
      if (modalOpen()) return;
      setOpen(true);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        className="button button-small capture-button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+Shift+E Meta+Shift+E"
        aria-haspopup="dialog"
        title={t('decisions.capture.hint', { keys })}
      >
        {t('decisions.capture.button')}
        <kbd className="capture-shortcut" aria-hidden="true">
          {keys}
        </kbd>
      </button>
      {open && (
        <EntryDialog
          workshopId={workshop.id}
          target={{ kind: 'new', entry: lastKind, choice: true }}
          onSaved={setLastKind}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
