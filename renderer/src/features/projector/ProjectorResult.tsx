import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VotingRoundId, WorkshopId } from '../../domain/ids';
import { roundResult } from '../../domain/voting';
import { useBallotsOfRound, useVotingRounds } from '../../persistence/votingHooks';
import { scoreText } from '../voting/votingLabels';
import type { Hyphenate } from './hyphenation';

/**
 * A revealed voting result on the projector, in large type: places, items,
 * scores and bars. Never a ballot or a name, and nothing before the facilitator
 * has closed the round and revealed it (then `idle` shows instead).
 */
export function ProjectorResult({
  workshopId,
  roundId,
  hyphenate,
  idle,
}: {
  workshopId: WorkshopId;
  roundId: VotingRoundId;
  hyphenate: Hyphenate;
  idle: React.ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const rounds = useVotingRounds(workshopId);
  const round = rounds?.find((r) => r.id === roundId);
  const shown = round?.status === 'closed' && round.revealed ? round : null;
  const ballots = useBallotsOfRound(roundId, shown !== null);
  if (rounds === undefined) return null;
  if (!shown) return idle;
  if (!ballots) return null;

  const result = roundResult(shown, ballots);
  const label = new Map(shown.items.map((item) => [item.id, item.label]));
  const bars = shown.settings.method !== 'impactEffort';
  const max = Math.max(1, ...result.rows.map((row) => row.score));
  return (
    <section className="projector-board projector-result" aria-labelledby={id}>
      <h2 id={id}>{hyphenate(t('projector.result', { title: shown.title }))}</h2>
      <p className="projector-result-turnout">
        {t('voting.turnout', { cast: result.turnout.cast, entitled: result.turnout.entitled })}
      </p>
      <ol className="projector-result-rows">
        {result.rows.map((row) => (
          <li key={row.itemId} className="projector-result-row">
            <span className="projector-result-rank">
              {row.tied
                ? t('voting.result.rankTied', { rank: row.rank })
                : t('voting.result.rank', { rank: row.rank })}
            </span>
            <span className="projector-result-label">{hyphenate(label.get(row.itemId) ?? '')}</span>
            {/* Impact/effort ratings have no bar: the cell stays, so the columns line up. */}
            <span className={bars ? 'projector-result-track' : undefined} aria-hidden="true">
              {bars && (
                <span className="projector-result-bar" style={{ width: `${(row.score / max) * 100}%` }} />
              )}
            </span>
            <span className="projector-result-value">{scoreText(shown.settings, row)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
