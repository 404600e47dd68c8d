import { useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../domain/validation';
import { continueList, toggleList, toggleMarker, type TextEdit } from '../../domain/visionText';
import { VisionPreview } from './VisionPreview';
import type { VisionText } from './useVisionText';

interface VisionEditorProps {
  editor: VisionText;
  /** Opens "Aus Aussagen formulieren…". */
  onCompose: () => void;
}

type Format = 'bold' | 'italic' | 'list';

/** Arrow keys, Home and End move between the toolbar's buttons, as in any toolbar. */
function moveAlongToolbar(event: KeyboardEvent<HTMLDivElement>) {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index === -1) return;
  const target =
    event.key === 'ArrowRight'
      ? buttons[(index + 1) % buttons.length]
      : event.key === 'ArrowLeft'
        ? buttons[(index - 1 + buttons.length) % buttons.length]
        : event.key === 'Home'
          ? buttons[0]
          : event.key === 'End'
            ? buttons[buttons.length - 1]
            : undefined;
  if (!target) return;
  event.preventDefault();
  target.focus();
}

function applyFormat(edit: TextEdit, format: Format): TextEdit {
  if (format === 'bold') return toggleMarker(edit, '**');
  if (format === 'italic') return toggleMarker(edit, '*');
  return toggleList(edit);
}

/** The text of the vision with its toolbar (B, I, Liste) and a live preview. */
export function VisionEditor({ editor, onCompose }: VisionEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const pendingSelection = useRef<[number, number] | null>(null);
  const { text, error } = editor;

  // After a toolbar change the cursor goes back where the formatting put it.
  useLayoutEffect(() => {
    const selection = pendingSelection.current;
    const element = field.current;
    if (!selection || !element) return;
    pendingSelection.current = null;
    element.focus();
    element.setSelectionRange(selection[0], selection[1]);
  }, [text]);

  function apply(next: TextEdit) {
    pendingSelection.current = [next.selectionStart, next.selectionEnd];
    editor.change(next.text);
  }

  function format(kind: Format) {
    const element = field.current;
    if (!element) return;
    apply(
      applyFormat(
        { text: element.value, selectionStart: element.selectionStart, selectionEnd: element.selectionEnd },
        kind,
      ),
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const element = event.currentTarget;
    const edit = {
      text: element.value,
      selectionStart: element.selectionStart,
      selectionEnd: element.selectionEnd,
    };
    const command = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (command && !event.altKey && !event.shiftKey && (key === 'b' || key === 'i')) {
      event.preventDefault();
      apply(applyFormat(edit, key === 'b' ? 'bold' : 'italic'));
    } else if (command && event.shiftKey && !event.altKey && key === 'l') {
      event.preventDefault();
      apply(applyFormat(edit, 'list'));
    } else if (event.key === 'Enter' && !event.shiftKey && !command && !event.altKey) {
      const next = continueList(edit);
      if (next) {
        event.preventDefault();
        apply(next);
      }
    }
  }

  // The toolbar must not take the selection away from the text on a click.
  const keepSelection = (event: { preventDefault: () => void }) => event.preventDefault();

  return (
    <div className="vision-editor">
      <div className="vision-write">
        <div
          className="vision-toolbar"
          role="toolbar"
          aria-label={t('vision.toolbar')}
          aria-controls={id}
          onKeyDown={moveAlongToolbar}
        >
          <button
            type="button"
            className="button button-small vision-format"
            onMouseDown={keepSelection}
            onClick={() => format('bold')}
            aria-keyshortcuts="Control+B"
            title={t('vision.boldHint')}
          >
            <strong aria-hidden="true">B</strong>
            <span className="visually-hidden">{t('vision.bold')}</span>
          </button>
          <button
            type="button"
            className="button button-small vision-format"
            onMouseDown={keepSelection}
            onClick={() => format('italic')}
            aria-keyshortcuts="Control+I"
            title={t('vision.italicHint')}
          >
            <em aria-hidden="true">I</em>
            <span className="visually-hidden">{t('vision.italic')}</span>
          </button>
          <button
            type="button"
            className="button button-small vision-format"
            onMouseDown={keepSelection}
            onClick={() => format('list')}
            aria-keyshortcuts="Control+Shift+L"
            title={t('vision.listHint')}
          >
            {t('vision.list')}
          </button>
          <button type="button" className="button button-small" onClick={onCompose}>
            {t('vision.compose')}
          </button>
        </div>
        <label htmlFor={id} className="vision-label">
          {t('vision.textLabel')}
        </label>
        <textarea
          id={id}
          ref={field}
          className="vision-textarea"
          data-vision-focus
          value={text}
          rows={8}
          spellCheck
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help`}
          onChange={(event) => editor.change(event.target.value)}
          onFocus={editor.begin}
          onBlur={() => void editor.finish()}
          onKeyDown={onKeyDown}
        />
        <p
          id={`${id}-help`}
          className={error ? 'field-error' : 'field-hint'}
          role={error ? 'alert' : undefined}
        >
          {error ?? t('vision.hint', { count: text.length, max: LIMITS.visionText })}
        </p>
      </div>
      <section className="vision-preview" aria-labelledby={`${id}-preview`}>
        <h3 id={`${id}-preview`} className="vision-subheading">
          {t('vision.preview')}
        </h3>
        {text.trim() === '' ? (
          <p className="vision-muted">{t('vision.previewEmpty')}</p>
        ) : (
          <VisionPreview text={text} />
        )}
      </section>
    </div>
  );
}
