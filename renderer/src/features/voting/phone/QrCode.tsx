import { memo, useMemo } from 'react';
import { encode } from 'uqr';

/** Four light modules around the code, as the QR standard asks, so phones find its edges. */
const QUIET_ZONE = 4;

/** The dark modules as one SVG path: one rectangle per run of dark modules in a row. */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x += 1;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join('');
}

/**
 * A QR code drawn as one <path> (no markup from strings), dark on light in
 * every theme: a phone camera needs the contrast, whatever the app's colours.
 */
export const QrCode = memo(function QrCode({
  text,
  label,
  className,
}: {
  text: string;
  label: string;
  className?: string;
}) {
  const { size, path } = useMemo(() => {
    // Level M survives a smudge on the projector screen and keeps a join URL at version 3–4.
    const qr = encode(text, { ecc: 'M', border: 0 });
    return { size: qr.size, path: qrPath(qr.data) };
  }, [text]);
  const outer = size + 2 * QUIET_ZONE;
  return (
    <svg
      className={`qr-code${className ? ` ${className}` : ''}`}
      role="img"
      aria-label={label}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${outer} ${outer}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={outer} height={outer} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
});
