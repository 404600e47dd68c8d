import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantId } from '../../domain/ids';
import type { Ballot, Participant, VotingRound } from '../../domain/types';
import { roundResult, type RoundResult } from '../../domain/voting';
import { winners, type BallotContent, type Quadrant } from '../../domain/votingTally';
import { useBallotsOfRound, useClustersOfBoard } from '../../persistence/votingHooks';
import { promoteRoundWinners, recordRoundShortlist } from './votingActions';
import { formatMean, scoreText } from './votingLabels';

const QUADRANTS: readonly Quadrant[] = ['quickWin', 'majorProject', 'fillIn', 'thankless'];

/** Loads the ballots of a revealed round and shows its result. */
export function ResultView({
  round,
  participants,
}: {
  round: VotingRound;
  participants: readonly Participant[];
}) {
  const { t } = useTranslation();
  const ballots = useBallotsOfRound(round.id, true);
  if (!ballots) return <p>{t('common.loading')}</p>;
  const result = roundResult(round, ballots);
  return <RoundResultView round={round} result={result} ballots={ballots} participants={participants} />;
}

interface RoundResultViewProps {
  round: VotingRound;
  result: RoundResult;
  ballots: readonly Ballot[];
  participants: readonly Participant[];
}

export function RoundResultView({ round, result, ballots, participants }: RoundResultViewProps) {
  const { t } = useTranslation();
  const label = new Map(round.items.map((item) => [item.id, item.label]));
  const rankText = (rank: number, tied: boolean) =>
    tied ? t('voting.result.rankTied', { rank }) : t('voting.result.rank', { rank });
  const isMatrix = round.settings.method === 'impactEffort';
  const max = Math.max(1, ...result.rows.map((row) => row.score));
  const paperDots = Object.values(round.paperTally).reduce((a, b) => a + b, 0);

  return (
    <div className="voting-result">
      <p className="voting-turnout">
        <strong>
          {t('voting.turnout', { cast: result.turnout.cast, entitled: result.turnout.entitled })}
        </strong>
        {paperDots > 0 && <> · {t('voting.result.paperIncluded', { count: paperDots })}</>}
      </p>

      {isMatrix && <ImpactEffortMatrix round={round} result={result} />}

      <table className="voting-table">
        <caption>{t('voting.result.tableCaption', { title: round.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('voting.result.place')}</th>
            <th scope="col">{t('voting.result.item')}</th>
            {isMatrix ? (
              <>
                <th scope="col">{t('voting.result.impact')}</th>
                <th scope="col">{t('voting.result.effort')}</th>
                <th scope="col">{t('voting.result.quadrant')}</th>
              </>
            ) : (
              <th scope="col">{t('voting.result.score')}</th>
            )}
            <th scope="col">{t('voting.result.supporters')}</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => (
            <tr key={row.itemId}>
              <td className="voting-rank">{rankText(row.rank, row.tied)}</td>
              <th scope="row">{label.get(row.itemId)}</th>
              {isMatrix ? (
                <>
                  <td>{typeof row.impact !== 'number' ? '–' : formatMean(row.impact)}</td>
                  <td>{typeof row.effort !== 'number' ? '–' : formatMean(row.effort)}</td>
                  <td>{row.quadrant ? t(`voting.quadrant.${row.quadrant}`) : t('voting.result.notRated')}</td>
                </>
              ) : (
                <td>{scoreText(round.settings, row)}</td>
              )}
              <td>{row.supporters}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {!isMatrix && (
        <figure className="voting-bars">
          <figcaption>{t('voting.result.chart')}</figcaption>
          <ul>
            {result.rows.map((row) => (
              <li key={row.itemId} className="voting-bar-row">
                <span className="voting-bar-label">{label.get(row.itemId)}</span>
                <span className="voting-bar-track" aria-hidden="true">
                  <span className="voting-bar" style={{ width: `${(row.score / max) * 100}%` }} />
                </span>
                <span className="voting-bar-value">{scoreText(round.settings, row)}</span>
              </li>
            ))}
          </ul>
        </figure>
      )}

      {!round.anonymous && ballots.length > 0 && (
        <details className="voting-named">
          <summary>{t('voting.result.namedDetail')}</summary>
          <table className="voting-table">
            <caption className="visually-hidden">{t('voting.result.namedDetail')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('voting.result.person')}</th>
                <th scope="col">{t('voting.result.ballot')}</th>
              </tr>
            </thead>
            <tbody>
              {ballots
                .filter((b) => round.entitled.includes(b.participantId))
                .map((b) => (
                  <tr key={b.id}>
                    <th scope="row">
                      {nameOf(participants, b.participantId) ?? t('voting.result.unknownPerson')}
                    </th>
                    <td>{describeBallot(b.content, label, t)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      )}

      <PromoteSection round={round} result={result} />
    </div>
  );
}

function nameOf(participants: readonly Participant[], id: ParticipantId): string | undefined {
  return participants.find((p) => p.id === id)?.name;
}

function describeBallot(
  content: BallotContent,
  label: ReadonlyMap<string, string>,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const name = (id: string) => label.get(id) ?? '?';
  switch (content.method) {
    case 'dots':
      return Object.entries(content.dots)
        .map(([id, n]) => `${name(id)}: ${n}`)
        .join('; ');
    case 'points':
      return Object.entries(content.points)
        .map(([id, n]) => `${name(id)}: ${n}`)
        .join('; ');
    case 'ranking':
      return content.order.map((id, i) => `${i + 1}. ${name(id)}`).join('; ');
    case 'impactEffort':
      return Object.entries(content.ratings)
        .map(
          ([id, r]) =>
            `${name(id)}: ${t('voting.result.ratingShort', { impact: r.impact, effort: r.effort })}`,
        )
        .join('; ');
  }
}

function ImpactEffortMatrix({ round, result }: { round: VotingRound; result: RoundResult }) {
  const { t } = useTranslation();
  const label = new Map(round.items.map((item) => [item.id, item.label]));
  return (
    <div className="voting-matrix" role="group" aria-label={t('voting.result.matrix')}>
      <span className="voting-matrix-axis voting-matrix-y" aria-hidden="true">
        {t('voting.result.axisImpact')}
      </span>
      <span className="voting-matrix-axis voting-matrix-x" aria-hidden="true">
        {t('voting.result.axisEffort')}
      </span>
      {QUADRANTS.map((quadrant) => {
        const rows = result.rows.filter((row) => row.quadrant === quadrant);
        return (
          <section key={quadrant} className={`voting-quadrant voting-quadrant-${quadrant}`}>
            <h5>{t(`voting.quadrant.${quadrant}`)}</h5>
            <p className="field-hint">{t(`voting.quadrantHint.${quadrant}`)}</p>
            {rows.length === 0 ? (
              <p className="empty">{t('voting.result.quadrantEmpty')}</p>
            ) : (
              <ul>
                {rows.map((row) => (
                  <li key={row.itemId}>
                    {label.get(row.itemId)} ({scoreText(round.settings, row)})
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/**
 * The last step of a round: clusters rounds promote their winners to focus
 * areas; rounds on cards or project ideas record the shortlist. Both end in a
 * decision for the minutes.
 */
function PromoteSection({ round, result }: { round: VotingRound; result: RoundResult }) {
  const { t } = useTranslation();
  const id = useId();
  const clusters = useClustersOfBoard(round.boardId);
  const kind = round.target === 'clusters' ? 'promote' : 'shortlist';
  const [places, setPlaces] = useState(String(Math.min(3, round.items.length)));
  const [busy, setBusy] = useState(false);
  if (round.decisionId !== null) {
    return <p className="voting-recorded">{t(`voting.${kind}.recorded`)}</p>;
  }
  if (round.status !== 'closed' || !round.revealed || !clusters) return null;
  const n = Number(places);
  const valid = Number.isInteger(n) && n >= 1 && n <= round.items.length;
  const chosen = valid ? winners(result, n) : [];
  const label = new Map(round.items.map((item) => [item.id, item.label]));
  return (
    <section className="voting-promote" aria-labelledby={`${id}-h`}>
      <h5 id={`${id}-h`}>{t(`voting.${kind}.heading`)}</h5>
      <div className="field">
        <label htmlFor={`${id}-places`}>{t(`voting.${kind}.places`)}</label>
        <input
          id={`${id}-places`}
          type="number"
          min={1}
          max={round.items.length}
          step={1}
          value={places}
          onChange={(event) => setPlaces(event.target.value)}
          aria-describedby={`${id}-preview`}
        />
      </div>
      <p id={`${id}-preview`} className="field-hint">
        {valid
          ? chosen.length > 0
            ? t(`voting.${kind}.preview`, { items: chosen.map((c) => label.get(c)).join(', ') }) +
              // A tie on the last place brings every tied item along: say why there are more.
              (chosen.length > n ? ` ${t('voting.tieAtCut', { count: chosen.length, places: n })}` : '')
            : t('errors.votingRecord.noWinners')
          : t('errors.votingRecord.placesRange', { max: round.items.length })}
      </p>
      <button
        type="button"
        className="button button-primary"
        disabled={busy || !valid || chosen.length === 0}
        onClick={async () => {
          setBusy(true);
          if (kind === 'promote') await promoteRoundWinners(round, result, clusters, n);
          else await recordRoundShortlist(round, result, n);
          setBusy(false);
        }}
      >
        {t(`voting.${kind}.submit`)}
      </button>
    </section>
  );
}
