import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantListPreview } from '../../domain/participants';

/** How many problems and rows the preview lists; the counts always cover everything. */
const SHOWN_PROBLEMS = 20;
const SHOWN_ROWS = 10;
const SHOWN_DUPLICATE_LINES = 30;

interface PastePreviewProps {
  preview: ParticipantListPreview;
  empty: boolean;
  /** Id for the problem list, so the text field can point at it. */
  problemsId: string;
}

export function PastePreview({ preview, empty, problemsId }: PastePreviewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const problemLines = new Set(preview.problems.map((p) => p.line)).size;
  const duplicateLines = preview.duplicateLines.slice(0, SHOWN_DUPLICATE_LINES).join(', ');
  const more = preview.duplicateLines.length > SHOWN_DUPLICATE_LINES ? ' …' : '';

  return (
    <section className="paste-preview" aria-labelledby={headingId}>
      <h3 id={headingId} className="paste-preview-heading">
        {t('participants.preview')}
      </h3>
      <div role="status">
        {empty ? (
          <p className="field-hint">{t('participants.previewEmpty')}</p>
        ) : (
          <ul className="paste-summary">
            <li data-count="new">{t('participants.summaryNew', { count: preview.rows.length })}</li>
            <li data-count="duplicates">
              {t('participants.summaryDuplicates', { count: preview.duplicates })}
            </li>
            <li data-count="empty">{t('participants.summaryEmpty', { count: preview.skippedEmpty })}</li>
            {problemLines > 0 && (
              <li data-count="problems" className="paste-summary-problems">
                {t('participants.summaryProblems', { count: problemLines })}
              </li>
            )}
          </ul>
        )}
      </div>
      {preview.headerLine !== null && (
        <p className="field-hint">{t('participants.headerSkipped', { line: preview.headerLine })}</p>
      )}
      {preview.duplicates > 0 && (
        <p className="field-hint">
          {t('participants.duplicateLines', {
            count: preview.duplicateLines.length,
            lines: duplicateLines + more,
          })}
        </p>
      )}
      {preview.problems.length > 0 && (
        <div id={problemsId} className="paste-problems">
          <p>{t('participants.problemsHeading')}</p>
          <ul>
            {preview.problems.slice(0, SHOWN_PROBLEMS).map((problem) => (
              <li key={`${problem.line}-${problem.code}`}>
                {t(`participants.problems.${problem.code}`, {
                  line: problem.line,
                  max: problem.max,
                  length: problem.length,
                })}
              </li>
            ))}
          </ul>
          {preview.problems.length > SHOWN_PROBLEMS && (
            <p>{t('participants.moreProblems', { count: preview.problems.length - SHOWN_PROBLEMS })}</p>
          )}
        </div>
      )}
      {preview.rows.length > 0 && !preview.refusal && (
        <table className="participant-table paste-rows">
          <caption>
            {t('participants.firstRows', { count: Math.min(SHOWN_ROWS, preview.rows.length) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('participants.name')}</th>
              <th scope="col">{t('participants.unit')}</th>
              <th scope="col">{t('participants.role')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.slice(0, SHOWN_ROWS).map((row) => (
              <tr key={row.line}>
                <th scope="row">{row.name}</th>
                <td>{row.unit}</td>
                <td>{row.role}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.rows.length > SHOWN_ROWS && !preview.refusal && (
        <p className="field-hint">
          {t('participants.moreRows', { count: preview.rows.length - SHOWN_ROWS })}
        </p>
      )}
    </section>
  );
}
