import { useDroppable } from '@dnd-kit/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  cleanFieldValue,
  formatLocaleNumber,
  isTextField,
  type CanvasField,
  type CanvasTemplate,
  type NumberLocale,
} from '../../domain/canvas';
import { editIdeaField, unlinkSource } from '../../domain/ideaCommands';
import type { NoteId } from '../../domain/ids';
import type { Board, CanvasValue, Idea, Note } from '../../domain/types';
import { LIMITS } from '../../domain/validation';
import { shorten } from '../board/useNoteDnd';
import { describeIdeaError, updateIdea } from './ideaActions';
import { useFieldSaver } from './useFieldSaver';

export interface FieldContext {
  idea: Idea;
  template: CanvasTemplate;
  locale: NumberLocale;
  notesById: ReadonlyMap<string, Note>;
  boardsById: ReadonlyMap<string, Board>;
}

/** One field of the canvas in its grid area: label, help, the editor and, for text, the cards taken in. */
export function CanvasFieldView({ field, context }: { field: CanvasField; context: FieldContext }) {
  const id = useId();
  const { locale } = context;
  const textual = isTextField(field);
  const { setNodeRef, isOver } = useDroppable({
    id: `field:${field.key}`,
    data: { field: field.key },
    disabled: !textual,
  });
  const label = field.label[locale];
  const unit = field.unit?.[locale];
  const helpId = `${id}-help`;

  return (
    <div
      ref={textual ? setNodeRef : undefined}
      className={`canvas-field canvas-field-${field.type}${isOver ? ' canvas-field-over' : ''}`}
      style={{ gridArea: field.area }}
      data-field={field.key}
    >
      {field.type === 'yesno' ? (
        <YesNoEditor field={field} context={context} helpId={helpId} />
      ) : (
        <>
          <label htmlFor={id} className="canvas-field-label">
            {label}
            {unit && <span className="canvas-field-unit"> ({unit})</span>}
          </label>
          {field.help && (
            <p id={helpId} className="canvas-field-help">
              {field.help[locale]}
            </p>
          )}
          {field.type === 'choice' ? (
            <ChoiceEditor id={id} field={field} context={context} helpId={field.help ? helpId : undefined} />
          ) : (
            <TypedEditor id={id} field={field} context={context} helpId={field.help ? helpId : undefined} />
          )}
        </>
      )}
      {textual && <SourceChips field={field} context={context} />}
    </div>
  );
}

function storedText(field: CanvasField, value: CanvasValue, locale: NumberLocale): string {
  if (value === null || value === undefined) return '';
  if (field.type === 'number' && typeof value === 'number') return formatLocaleNumber(value, locale);
  return String(value);
}

/** Text, long text and numbers: typed, saved while typing, one undo step per edit. */
function TypedEditor({
  id,
  field,
  context,
  helpId,
}: {
  id: string;
  field: CanvasField;
  context: FieldContext;
  helpId: string | undefined;
}) {
  const { t } = useTranslation();
  const { idea, template, locale } = context;
  const stored = storedText(field, idea.fields[field.key] ?? null, locale);
  const [draft, setDraft] = useState(stored);
  const [shown, setShown] = useState(stored);
  const [focused, setFocused] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const saver = useFieldSaver(idea.id, template, field.key);
  const label = field.label[locale];

  // What is stored changed elsewhere (undo, a card taken in): show it unless the user is typing here.
  if (stored !== shown) {
    setShown(stored);
    if (!focused) {
      setDraft(stored);
      setError(null);
    }
  }

  function change(value: string) {
    setDraft(value);
    try {
      const clean = cleanFieldValue(field, value, locale);
      setError(null);
      saver.change(clean);
    } catch (problem) {
      setError(describeIdeaError(problem, label));
      saver.hold();
    }
  }

  const errorId = `${id}-error`;
  const describedBy = [helpId, error ? errorId : null, `${id}-count`].filter(Boolean).join(' ');
  const common = {
    id,
    value: draft,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onFocus: () => setFocused(true),
    onBlur: () => {
      setFocused(false);
      // Show what was saved in its usual form ("1200,5" becomes "1.200,5", spaces trimmed).
      if (!error) {
        try {
          setDraft(storedText(field, cleanFieldValue(field, draft, locale), locale));
        } catch {
          // Not valid after all: the typed text stays, with its message from change().
        }
      }
      void saver.finish();
    },
  } as const;

  return (
    <>
      {field.type === 'longtext' ? (
        <textarea {...common} rows={4} onChange={(e) => change(e.target.value)} />
      ) : field.type === 'number' ? (
        <input {...common} type="text" inputMode="decimal" onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => change(e.target.value)} />
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <p id={`${id}-count`} className="canvas-field-status" data-saved={saver.saving ? 'false' : 'true'}>
        {field.type !== 'number' && draft.length > LIMITS.canvasText * 0.9 && (
          <span>{t('canvas.charCount', { count: draft.length, max: LIMITS.canvasText })} </span>
        )}
        {saver.saving && <span>{t('canvas.saving')}</span>}
      </p>
    </>
  );
}

/**
 * A choice or yes/no shows what was picked at once, before the saved idea
 * comes back from the database; a refused or failed save shows the stored value again.
 */
function useChosenValue(stored: CanvasValue) {
  const [picked, setPicked] = useState<{ value: CanvasValue } | null>(null);
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    setPicked(null);
  }
  return [picked ? picked.value : stored, setPicked] as const;
}

function useSaveChoice(field: CanvasField, context: FieldContext) {
  const { idea, template, locale } = context;
  const [shown, setPicked] = useChosenValue(idea.fields[field.key] ?? null);
  const save = (raw: string | boolean | null) => {
    setPicked({ value: raw === '' ? null : raw });
    void updateIdea(
      idea.id,
      (current) =>
        editIdeaField(current, template, field.key, cleanFieldValue(field, raw, locale), Date.now()),
      { fieldLabel: field.label[locale] },
    ).then((ok) => {
      if (!ok) setPicked(null);
    });
  };
  return [shown, save] as const;
}

function ChoiceEditor({
  id,
  field,
  context,
  helpId,
}: {
  id: string;
  field: CanvasField;
  context: FieldContext;
  helpId: string | undefined;
}) {
  const { t } = useTranslation();
  const [value, save] = useSaveChoice(field, context);
  const known = field.options?.some((o) => o.key === value);
  return (
    <select
      id={id}
      value={typeof value === 'string' && known ? value : ''}
      aria-describedby={helpId}
      onChange={(event) => save(event.target.value)}
    >
      <option value="">{t('canvas.choiceNone')}</option>
      {field.options?.map((option) => (
        <option key={option.key} value={option.key}>
          {option.label[context.locale]}
        </option>
      ))}
    </select>
  );
}

function YesNoEditor({
  field,
  context,
  helpId,
}: {
  field: CanvasField;
  context: FieldContext;
  helpId: string;
}) {
  const { t } = useTranslation();
  const name = useId();
  const { locale } = context;
  const [value, save] = useSaveChoice(field, context);
  const choices: Array<{ value: boolean | null; label: string }> = [
    { value: true, label: t('canvas.yes') },
    { value: false, label: t('canvas.no') },
    { value: null, label: t('canvas.unanswered') },
  ];
  return (
    <fieldset className="canvas-yesno" aria-describedby={field.help ? helpId : undefined}>
      <legend className="canvas-field-label">{field.label[locale]}</legend>
      {field.help && (
        <p id={helpId} className="canvas-field-help">
          {field.help[locale]}
        </p>
      )}
      <div className="canvas-yesno-options">
        {choices.map((choice) => (
          <label key={String(choice.value)} className="radio-row">
            <input
              type="radio"
              name={name}
              checked={(typeof value === 'boolean' ? value : null) === choice.value}
              onChange={() => save(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The cards taken into a field, each with its board and a button to unlink it (the text stays). */
function SourceChips({ field, context }: { field: CanvasField; context: FieldContext }) {
  const { t } = useTranslation();
  const { idea, notesById, boardsById, locale } = context;
  const sources = idea.sources.filter((s) => s.field === field.key);
  if (sources.length === 0) return null;
  return (
    <ul className="source-chips" aria-label={t('canvas.sourcesOf', { field: field.label[locale] })}>
      {sources.map((source) => {
        const note = notesById.get(source.noteId);
        const board = note ? boardsById.get(note.boardId) : undefined;
        const text = note ? shorten(note.text, 40) || t('notes.empty') : t('canvas.deleted');
        return (
          <li key={source.noteId} className="source-chip">
            <span>
              {note ? t('common.quoted', { text }) : text}
              {board && <span className="source-chip-board"> · {board.title}</span>}
            </span>
            <button
              type="button"
              className="icon-button source-chip-remove"
              title={t('canvas.unlink')}
              onClick={() =>
                void updateIdea(idea.id, (current) =>
                  unlinkSource(current, field.key, source.noteId as NoteId, Date.now()),
                )
              }
            >
              <span aria-hidden="true">×</span>
              <span className="visually-hidden">{t('canvas.unlinkNamed', { note: text })}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
