import { memo, useMemo, type ReactNode } from 'react';
import { parseVisionText, type VisionLine } from '../../domain/visionText';

function Line({ line }: { line: VisionLine }) {
  return (
    <>
      {line.map((span, index) => {
        let node: ReactNode = span.text;
        if (span.italic) node = <em>{node}</em>;
        if (span.bold) node = <strong>{node}</strong>;
        return <span key={index}>{node}</span>;
      })}
    </>
  );
}

/**
 * The formatted vision as React elements from the pure parser: every character
 * the user typed stays text (never markup), so "<img onerror>" shows as typed.
 */
export const VisionPreview = memo(function VisionPreview({ text }: { text: string }) {
  const blocks = useMemo(() => parseVisionText(text), [text]);
  return (
    <div className="vision-text">
      {blocks.map((block, index) =>
        block.kind === 'paragraph' ? (
          <p key={index}>
            {block.lines.map((line, lineIndex) => (
              <span key={lineIndex}>
                {lineIndex > 0 && <br />}
                <Line line={line} />
              </span>
            ))}
          </p>
        ) : (
          <ul key={index}>
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>
                <Line line={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
});
