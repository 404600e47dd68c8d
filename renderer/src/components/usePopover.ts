import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A small disclosure (menu, colour picker): the trigger toggles it, Escape
 * closes it and returns focus to the trigger, a click outside closes it.
 */
export function usePopover<Panel extends HTMLElement = HTMLDivElement>() {
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<Panel>(null);

  const close = useCallback((options: { refocus?: boolean } = {}) => {
    setOpen(false);
    if (options.refocus !== false) triggerRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (panelRef.current?.contains(target) || triggerRef.current?.contains(target)) return;
      setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  return {
    open,
    close,
    triggerProps: { ref: triggerRef, 'aria-expanded': open, onClick: () => setOpen((value) => !value) },
    panelProps: {
      ref: panelRef,
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        close();
      },
    },
  };
}
