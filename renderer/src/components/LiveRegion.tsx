import { useAppStore } from '../state/store';

/** One polite live region for short confirmations ("Karte verschoben"). */
export function LiveRegion() {
  const announcement = useAppStore((s) => s.announcement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      <span key={announcement.seq}>{announcement.text}</span>
    </div>
  );
}
