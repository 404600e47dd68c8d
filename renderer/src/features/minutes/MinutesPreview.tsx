import { memo, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesBoard, MinutesModel, MinutesPhase } from '../../domain/minutes';
import {
  actualCell,
  attendanceLines,
  cardLine,
  clusterTitle,
  columnTitle,
  formatDay,
  formatShortDay,
  phaseHeading,
  plannedCell,
  sessionLine,
  titleFacts,
} from './minutesText';
import { rankingTable, roundHeading } from './minutesVotingText';
import { writingFacts, writingHeading } from './minutesWritingText';
import './minutes.css';

/** Cards shown per board in the preview; the page clips the rest like a sheet of paper. */
const PREVIEW_CARDS = 12;

function Page({ number, model, children }: { number: number; model: MinutesModel; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="minutes-page">
      {number > 1 && (
        <div className="minutes-page-header" aria-hidden="true">
          <span>{model.title}</span>
          <span>{model.date ? formatShortDay(model.date, i18n.language) : ''}</span>
        </div>
      )}
      <div className="minutes-page-body">{children}</div>
      <div className="minutes-page-footer">
        <span>{t(`minutes.statusValue.${model.status}`)}</span>
        <span>{t('minutes.preview.page', { page: number })}</span>
      </div>
    </div>
  );
}

function Table({ headers, rows }: { headers: string[]; rows: string[][] }) {
  return (
    <table className="minutes-page-table">
      <thead>
        <tr>
          {headers.map((header, i) => (
            <th key={i} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) => (
              <td key={c}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BoardPreview({ board }: { board: MinutesBoard }) {
  const { t, i18n } = useTranslation();
  const groups: Array<{ title: string; cards: string[] }> = [];
  const line = (card: Parameters<typeof cardLine>[0]) => cardLine(card, t, i18n.language);
  switch (board.kind) {
    case 'columns':
      for (const column of board.columns)
        groups.push({ title: columnTitle(column, t), cards: column.notes.map(line) });
      break;
    case 'matrix':
      for (const row of board.rows)
        groups.push({ title: row.title, cards: row.cells.flatMap((cell) => cell.map(line)) });
      if (board.tray.length > 0) groups.push({ title: t('minutes.tray'), cards: board.tray.map(line) });
      break;
    case 'clusters':
      for (const cluster of board.clusters)
        groups.push({ title: clusterTitle(cluster, t), cards: cluster.cards.map(line) });
      if (board.pool.length > 0) groups.push({ title: t('minutes.pool'), cards: board.pool.map(line) });
      break;
    case 'canvases':
      for (const idea of board.ideas) groups.push({ title: idea.title, cards: [] });
      break;
  }
  let budget = PREVIEW_CARDS;
  return (
    <>
      <p className="minutes-page-h2">{board.title}</p>
      {board.visions.map((vision, i) => (
        <p key={i} className="minutes-page-text">
          {vision.text.replace(/[*_]/g, '')}
        </p>
      ))}
      {groups.map((group, i) => {
        const cards = group.cards.slice(0, Math.max(0, budget));
        budget -= cards.length;
        return (
          <div key={i}>
            <p className="minutes-page-label">{group.title}</p>
            {cards.length > 0 && (
              <ul className="minutes-page-list">
                {cards.map((card, c) => (
                  <li key={c}>{card}</li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </>
  );
}

/** Whether a phase has anything to print (boards, writing or voting rounds). */
function phaseHasContent(phase: MinutesPhase): boolean {
  return phase.boards.length > 0 || phase.rounds.length > 0 || (phase.writingRounds ?? []).length > 0;
}

function PhasePreview({ phase }: { phase: MinutesPhase }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p className="minutes-page-h1">{phaseHeading(phase, t)}</p>
      {!phaseHasContent(phase) && (
        <p className="minutes-page-text minutes-page-grey">{t('minutes.emptyPhase')}</p>
      )}
      {phase.boards.map((board, i) => (
        <BoardPreview key={i} board={board} />
      ))}
      {(phase.writingRounds ?? []).map((round, i) => (
        <div key={i}>
          <p className="minutes-page-h2">{writingHeading(round, t)}</p>
          <dl className="minutes-page-facts">
            {writingFacts(round, t, i18n.language).map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {round.anonymous && (
            <p className="minutes-page-text minutes-page-grey">{t('minutes.writing.anonymousNote')}</p>
          )}
        </div>
      ))}
      {phase.rounds.map((round, i) => {
        const ranking = rankingTable(round, t, i18n.language);
        return (
          <div key={i}>
            <p className="minutes-page-h2">{roundHeading(round, t)}</p>
            {ranking.rows.length > 0 && <Table headers={ranking.headers} rows={ranking.rows} />}
          </div>
        );
      })}
    </>
  );
}

/**
 * The first pages of the minutes as HTML sheets in A4 proportions, in the
 * PDF's order: title page, contents, participants and agenda, the first phase.
 * (An embedded PDF would need a blob: frame, which the CSP forbids.) The region
 * takes the focus only to scroll; nothing inside it is interactive. Memoised:
 * saving sets the dialog busy, which must not render the preview again.
 */
export const MinutesPreview = memo(function MinutesPreview({ model }: { model: MinutesModel | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const hintId = useId();
  const contents = model
    ? [
        t('minutes.participants'),
        t('minutes.agenda'),
        ...model.phases.flatMap((phase) => [
          phaseHeading(phase, t),
          ...phase.boards.map((b) => `  ${b.title}`),
          ...(phase.writingRounds ?? []).map((r) => `  ${writingHeading(r, t)}`),
          ...phase.rounds.map((r) => `  ${roundHeading(r, t)}`),
        ]),
        ...(model.trace.focusAreas.length > 0 || model.trace.otherIdeas.length > 0
          ? [t('minutes.trace')]
          : []),
        t('minutes.decisions'),
        t('minutes.actionItems'),
      ]
    : [];
  const firstPhase = model?.phases.find(phaseHasContent) ?? model?.phases[0];
  return (
    <section
      className="minutes-preview"
      aria-label={t('minutes.preview.label')}
      aria-describedby={hintId}
      aria-busy={model === null || undefined}
      // Focusable only so keyboard users can scroll it; it holds no controls.
      tabIndex={0}
    >
      <p id={hintId} className="minutes-preview-hint">
        {t('minutes.preview.hint')}
      </p>
      {model && (
        <>
          <Page number={1} model={model}>
            <p className="minutes-page-kicker">{t('minutes.documentTitle')}</p>
            <p className="minutes-page-title">{model.title}</p>
            <dl className="minutes-page-facts">
              {titleFacts(model, t, language).map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            {model.sessions.length > 0 && (
              <>
                <p className="minutes-page-label">{t('minutes.sessions')}</p>
                {model.sessions.map((session, i) => (
                  <p key={i} className="minutes-page-text">
                    {sessionLine(session, t, language)}
                  </p>
                ))}
              </>
            )}
            <p className="minutes-page-text minutes-page-grey minutes-page-created">
              {t('minutes.createdAt', {
                date: formatDay(new Date(model.createdAt).toISOString().slice(0, 10), language),
              })}
            </p>
          </Page>
          <Page number={2} model={model}>
            <p className="minutes-page-h1">{t('minutes.contents')}</p>
            <ul className="minutes-page-contents">
              {contents.map((entry, i) => (
                <li key={i} className={entry.startsWith('  ') ? 'minutes-page-sub' : undefined}>
                  {entry.trim()}
                </li>
              ))}
            </ul>
          </Page>
          <Page number={3} model={model}>
            <p className="minutes-page-h1">{t('minutes.participants')}</p>
            {model.participants.length === 0 ? (
              <p className="minutes-page-text">{t('minutes.noParticipants')}</p>
            ) : (
              <Table
                headers={[
                  t('minutes.participantColumns.name'),
                  t('minutes.participantColumns.unit'),
                  t('minutes.participantColumns.role'),
                ]}
                rows={model.participants.map((p) => [p.name, p.unit, p.role])}
              />
            )}
            {attendanceLines(model, t).map((line) => (
              <p key={line} className="minutes-page-text">
                {line}
              </p>
            ))}
            <p className="minutes-page-h1">{t('minutes.agenda')}</p>
            {model.sessions.length === 0 && <p className="minutes-page-text">{t('minutes.noSessions')}</p>}
            {model.sessions.map((session, i) => (
              <Table
                key={i}
                headers={[
                  t('minutes.agendaColumns.number'),
                  t('minutes.agendaColumns.title'),
                  t('minutes.agendaColumns.planned'),
                  t('minutes.agendaColumns.actual'),
                ]}
                rows={session.agenda.map((row, n) => [
                  String(n + 1),
                  row.title,
                  plannedCell(row, t),
                  actualCell(row, t),
                ])}
              />
            ))}
          </Page>
          {firstPhase && (
            <Page number={4} model={model}>
              <PhasePreview phase={firstPhase} />
            </Page>
          )}
          <p className="minutes-preview-more">{t('minutes.preview.more')}</p>
        </>
      )}
    </section>
  );
});
