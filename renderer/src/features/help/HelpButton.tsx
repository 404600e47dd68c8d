import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HelpDialog } from './HelpDialog';
import { questionMarkEnabled } from './questionMark';

/** Typing a "?" into a field is text, not a request for help. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select') !== null;
}

/** F1 anywhere, or "?" outside a text field (unless turned off); never on top of another modal dialog. */
export function isHelpShortcut(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key === 'F1') return true;
  return event.key === '?' && !isTyping(event.target) && questionMarkEnabled();
}

/** The "Hilfe" button in the header, and the F1 / "?" shortcut that opens the same dialog. */
export function HelpButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isHelpShortcut(event) || event.repeat) return;
      if (document.querySelector('dialog[open]') !== null) return;
      // F1 would otherwise open the browser's own help.
      event.preventDefault();
      setOpen(true);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        className="button button-small"
        aria-haspopup="dialog"
        aria-keyshortcuts="F1 ?"
        title={t('help.buttonHint')}
        onClick={() => setOpen(true)}
      >
        {t('help.button')}
      </button>
      {open && <HelpDialog onClose={() => setOpen(false)} />}
    </>
  );
}
