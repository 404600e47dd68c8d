import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { redo, undo } from '../app/commands';
import { Icon } from '../../components/Icon';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

/** Undo/redo buttons plus the shortcuts Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (Cmd on macOS). */
export function HistoryButtons() {
  const { t } = useTranslation();
  const locked = useAppStore((s) => s.historyLocked);
  const canUndo = useAppStore((s) => s.past.length > 0) && !locked;
  const canRedo = useAppStore((s) => s.future.length > 0) && !locked;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      // Inside a text field the browser's own text undo applies.
      if (isTextEntry(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        void redo();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="history-buttons" role="group" aria-label={t('history.group')}>
      <button
        type="button"
        className="button button-small"
        onClick={() => void undo()}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z"
        title={t('history.undoHint')}
      >
        <Icon name="undo" />
        {t('history.undo')}
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={() => void redo()}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        title={t('history.redoHint')}
      >
        <Icon name="redo" />
        {t('history.redo')}
      </button>
    </div>
  );
}
