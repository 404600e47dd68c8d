import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store';
import type { Toast } from '../state/uiSlice';

const TOAST_MS = 8000;

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  const dismiss = useAppStore((s) => s.dismissToast);
  useEffect(() => {
    // Errors stay until dismissed: they say what to do next.
    if (toast.tone === 'error') return;
    const timer = setTimeout(() => dismiss(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    // Info toasts are read out by the container, a live region that is always there; errors interrupt.
    <div className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : undefined}>
      <span>{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            toast.action?.run();
            dismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="button button-small button-ghost" onClick={() => dismiss(toast.id)}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">{t('common.dismiss')}</span>
      </button>
    </div>
  );
}

export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  return (
    // Always rendered: a live region that appears together with its text is missed by some
    // screen readers. A log is polite and reads only what was added: each toast once.
    <div className="toasts" role="log">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
