import { useTranslation } from 'react-i18next';
import type { BoardContent, Note } from '../../domain/types';
import { useProjectorExtras } from '../../persistence/projectorHooks';
import type { Hyphenate } from './hyphenation';

/** What every board view gets: the board, and the soft hyphens for its large type. */
export interface ProjectorViewProps {
  content: BoardContent;
  hyphenate: Hyphenate;
}

/** A card as the room sees it: text, and its facts when it has some. */
function ProjectorNote({ note, hyphenate }: { note: Note; hyphenate: Hyphenate }) {
  const { t, i18n } = useTranslation();
  const facts = note.facts;
  const factLine = facts
    ? [
        facts.process,
        facts.casesPerYear === null
          ? ''
          : t('projector.casesPerYear', {
              count: facts.casesPerYear,
              formatted: new Intl.NumberFormat(i18n.language).format(facts.casesPerYear),
            }),
        facts.painPoint,
      ]
        .filter((part) => part !== '')
        .join(' · ')
    : '';
  return (
    <li className={`note note-${note.color} projector-note`}>
      {hyphenate(note.text)}
      {factLine !== '' && <span className="projector-facts">{hyphenate(factLine)}</span>}
    </li>
  );
}

function NoteList({
  notes,
  label,
  hyphenate,
}: {
  notes: readonly Note[];
  label: string;
  hyphenate: Hyphenate;
}) {
  return (
    <ul aria-label={label}>
      {notes.map((note) => (
        <ProjectorNote key={note.id} note={note} hyphenate={hyphenate} />
      ))}
    </ul>
  );
}

export function ProjectorColumns({ content, hyphenate }: ProjectorViewProps) {
  const { t } = useTranslation();
  return (
    <ol className="projector-columns">
      {content.columns.map((column) => {
        const notes = content.notes.filter((n) => n.columnId === column.id);
        return (
          <li key={column.id} className="projector-column">
            <h3>
              {hyphenate(column.title)} <span className="column-count">{notes.length}</span>
            </h3>
            <NoteList
              notes={notes}
              label={t('columns.notesOf', { title: column.title })}
              hyphenate={hyphenate}
            />
          </li>
        );
      })}
    </ol>
  );
}

export function ProjectorMatrix({ content, hyphenate }: ProjectorViewProps) {
  const { t } = useTranslation();
  const tray = content.notes.filter((n) => n.rowId === null || n.columnId === null);
  return (
    <>
      <div className="projector-matrix-scroll">
        {/* Equal columns, each at least 12rem wide: a wide matrix scrolls sideways. */}
        <table className="projector-matrix" style={{ minWidth: `${10 + content.columns.length * 12}rem` }}>
          <thead>
            <tr>
              <td />
              {content.columns.map((column) => (
                <th key={column.id} scope="col">
                  {hyphenate(column.title)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {content.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{hyphenate(row.title)}</th>
                {content.columns.map((column) => {
                  const notes = content.notes.filter((n) => n.rowId === row.id && n.columnId === column.id);
                  return (
                    <td key={column.id}>
                      <NoteList
                        notes={notes}
                        label={t('projector.cell', { row: row.title, column: column.title })}
                        hyphenate={hyphenate}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {tray.length > 0 && (
        <section className="projector-column projector-tray">
          <h3>
            {t('projector.tray')} <span className="column-count">{tray.length}</span>
          </h3>
          <NoteList notes={tray} label={t('projector.tray')} hyphenate={hyphenate} />
        </section>
      )}
    </>
  );
}

export function ProjectorClusters({ content, hyphenate }: ProjectorViewProps) {
  const { t } = useTranslation();
  const pool = content.notes.filter((n) => n.clusterId === null);
  const extras = useProjectorExtras(content.board.id);
  const vision = extras?.vision;
  // Focus areas first: they are what the room decided to work on.
  const clusters = [...content.clusters].sort(
    (a, b) => Number(b.focusAreaAt !== null) - Number(a.focusAreaAt !== null),
  );
  return (
    <>
      {vision && vision.text.trim() !== '' && (
        <section className="projector-vision" aria-labelledby="projector-vision-title">
          <h3 id="projector-vision-title">
            {vision.agreedAt === null ? t('projector.visionDraft') : t('projector.visionAgreed')}
          </h3>
          {vision.text.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>{hyphenate(paragraph.replace(/\*\*|(?<!\*)\*(?!\*)/g, ''))}</p>
          ))}
        </section>
      )}
      <ol className="projector-columns">
        {clusters.map((cluster) => {
          const notes = content.notes.filter((n) => n.clusterId === cluster.id);
          const focus = cluster.focusAreaAt !== null;
          return (
            <li key={cluster.id} className={`projector-column${focus ? ' projector-focus' : ''}`}>
              {focus && <p className="projector-focus-label">{t('projector.focusArea')}</p>}
              <h3>
                {hyphenate(cluster.title)} <span className="column-count">{notes.length}</span>
              </h3>
              {focus && cluster.description !== '' && (
                <p className="projector-description">{hyphenate(cluster.description)}</p>
              )}
              {!cluster.collapsed && (
                <NoteList
                  notes={notes}
                  label={t('projector.clusterNotes', { title: cluster.title })}
                  hyphenate={hyphenate}
                />
              )}
            </li>
          );
        })}
        {pool.length > 0 && (
          <li className="projector-column projector-tray">
            <h3>
              {t('projector.pool')} <span className="column-count">{pool.length}</span>
            </h3>
            <NoteList notes={pool} label={t('projector.pool')} hyphenate={hyphenate} />
          </li>
        )}
      </ol>
    </>
  );
}

export function ProjectorIdeas({ content, hyphenate }: ProjectorViewProps) {
  const { t } = useTranslation();
  const extras = useProjectorExtras(content.board.id);
  if (!extras) return null;
  if (extras.ideas.length === 0) return <p className="projector-idle">{t('projector.noIdeas')}</p>;
  return (
    <ol className="projector-columns">
      {extras.ideas.map((idea) => {
        const focus = idea.focusAreaId ? extras.focusAreas.get(idea.focusAreaId) : undefined;
        return (
          <li key={idea.id} className="projector-column projector-idea">
            <h3>{hyphenate(idea.title)}</h3>
            {focus && (
              <p className="projector-focus-label">
                {t('projector.servesFocusArea', { title: hyphenate(focus.title) })}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
