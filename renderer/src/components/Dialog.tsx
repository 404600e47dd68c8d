import { useEffect, useId, useRef, type ReactNode } from 'react';
import { recordOf, rescueTarget } from '../features/a11y/focusRescue';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Shown under the title, read out with it. */
  description?: string;
}

/**
 * A modal built on the native <dialog>: the browser traps focus, Escape closes
 * it, and focus returns to the element that opened it, or, when that element was
 * rendered anew elsewhere meanwhile (a card moved by the dialog), to the same
 * control there (see focusRescue.ts). The field to start in
 * is marked `data-autofocus`: React's autoFocus runs before showModal(), while
 * the dialog is still closed, and so would do nothing.
 */
export function Dialog({ title, onClose, children, description }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const openerRecord = opener && opener !== document.body ? recordOf(opener) : null;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => {
      dialog?.close();
      if (opener?.isConnected !== false) {
        opener?.focus?.();
        return;
      }
      // The opener was rendered anew elsewhere (or is gone): the same control there, but only
      // when nothing else has taken the focus meanwhile (a layout effect, autoFocus).
      const active = document.activeElement;
      const lost = active === null || active === document.body || !!dialog?.contains(active);
      if (lost && openerRecord) rescueTarget(openerRecord)?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {description && (
        <p id={descriptionId} className="dialog-description">
          {description}
        </p>
      )}
      {children}
    </dialog>
  );
}
