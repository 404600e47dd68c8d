import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VotingRound } from '../../domain/types';
import { checkBallot, VOTING_LIMITS, type BallotContent } from '../../domain/votingTally';
import { describeError } from '../app/commands';
import { RankingInput } from './RankingInput';

interface BallotFormProps {
  round: VotingRound;
  voterName: string;
  /** Whether this person replaces a ballot they cast before. */
  changing: boolean;
  /** Saves the ballot; resolves null when saved, or the message to show. */
  onSubmit: (content: BallotContent) => Promise<string | null>;
  onCancel: () => void;
}

type Ratings = Record<string, { impact?: number; effort?: number }>;

/**
 * One person's Stimmzettel for the round's method. The submit button stays
 * disabled while saving, and a second click in the same moment is ignored, so
 * a double click casts one ballot.
 */
export function BallotForm({ round, voterName, changing, onSubmit, onCancel }: BallotFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [dots, setDots] = useState<Record<string, number>>({});
  const [points, setPoints] = useState<Record<string, string>>({});
  const [order, setOrder] = useState<string[]>([]);
  const [ratings, setRatings] = useState<Ratings>({});
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const pending = useRef(false);
  const settings = round.settings;

  function content(): BallotContent | string {
    switch (settings.method) {
      case 'dots':
        return { method: 'dots', dots: withoutZeros(dots) };
      case 'points': {
        const parsed: Record<string, number> = {};
        for (const [itemId, raw] of Object.entries(points)) {
          if (raw.trim() === '') continue;
          const value = Number(raw);
          if (!Number.isInteger(value) || value < 0) return t('errors.voting.notWhole');
          if (value > 0) parsed[itemId] = value;
        }
        return { method: 'points', points: parsed };
      }
      case 'ranking':
        return { method: 'ranking', order };
      case 'impactEffort': {
        const complete: Record<string, { impact: number; effort: number }> = {};
        for (const item of round.items) {
          const rating = ratings[item.id];
          if (!rating) continue;
          if (rating.impact === undefined || rating.effort === undefined)
            return t('voting.ballot.ratingIncomplete', { item: item.label });
          complete[item.id] = { impact: rating.impact, effort: rating.effort };
        }
        return { method: 'impactEffort', ratings: complete };
      }
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending.current) return;
    const ballot = content();
    if (typeof ballot === 'string') {
      setError(ballot);
      return;
    }
    try {
      checkBallot(
        settings,
        round.items.map((i) => i.id),
        ballot,
      );
    } catch (problem) {
      setError(describeError(problem));
      return;
    }
    pending.current = true;
    setSubmitting(true);
    setError(null);
    const message = await onSubmit(ballot);
    pending.current = false;
    setSubmitting(false);
    if (message) setError(message);
  }

  const errorId = `${id}-error`;
  return (
    <form className="ballot-form" onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
      <p className="ballot-voter">
        {t(changing ? 'voting.ballot.changingFor' : 'voting.ballot.votingFor', { name: voterName })}
      </p>
      <p className="ballot-instructions">{instructions(t, round)}</p>

      {settings.method === 'dots' && (
        <DotsInput
          round={round}
          dots={dots}
          budget={settings.dots}
          maxPerItem={settings.maxPerItem}
          onChange={setDots}
        />
      )}
      {settings.method === 'points' && (
        <PointsInput round={round} points={points} total={settings.total} onChange={setPoints} />
      )}
      {settings.method === 'ranking' && (
        <RankingInput round={round} order={order} topK={settings.topK} onChange={setOrder} />
      )}
      {settings.method === 'impactEffort' && (
        <RatingsInput round={round} ratings={ratings} onChange={setRatings} />
      )}

      {error && (
        <p id={errorId} className="field-error ballot-error" role="alert">
          {error}
        </p>
      )}
      <div className="ballot-actions">
        <button type="button" className="button" onClick={onCancel} disabled={submitting}>
          {t('voting.ballot.back')}
        </button>
        <button type="submit" className="button button-primary ballot-submit" disabled={submitting}>
          {submitting ? t('voting.ballot.submitting') : t('voting.ballot.submit')}
        </button>
      </div>
    </form>
  );
}

function instructions(t: (key: string, options?: Record<string, unknown>) => string, round: VotingRound) {
  const s = round.settings;
  switch (s.method) {
    case 'dots':
      return s.maxPerItem > 1
        ? t('voting.ballot.howDots', { count: s.dots, max: s.maxPerItem })
        : t('voting.ballot.howDotsSingle', { count: s.dots });
    case 'points':
      return t('voting.ballot.howPoints', { total: s.total });
    case 'ranking':
      return t('voting.ballot.howRanking', { count: s.topK });
    case 'impactEffort':
      return t('voting.ballot.howRatings', { min: VOTING_LIMITS.ratingMin, max: VOTING_LIMITS.ratingMax });
  }
}

function withoutZeros(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value > 0));
}

// ---------------------------------------------------------------- dots

interface DotsInputProps {
  round: VotingRound;
  dots: Record<string, number>;
  budget: number;
  maxPerItem: number;
  onChange: (dots: Record<string, number>) => void;
}

function DotsInput({ round, dots, budget, maxPerItem, onChange }: DotsInputProps) {
  const { t } = useTranslation();
  const used = Object.values(dots).reduce((a, b) => a + b, 0);
  const left = budget - used;
  const change = (itemId: string, delta: number) => {
    const current = dots[itemId] ?? 0;
    const next = current + delta;
    if (next < 0 || next > maxPerItem || (delta > 0 && left <= 0)) return;
    onChange({ ...dots, [itemId]: next });
  };
  return (
    <>
      <p className="ballot-remaining" role="status" aria-live="polite">
        {t('voting.ballot.remainingDots', { count: left })}
      </p>
      <ul className="ballot-items">
        {round.items.map((item) => {
          const count = dots[item.id] ?? 0;
          // aria-disabled instead of disabled: the button keeps keyboard focus when the last dot is spent.
          const cannotAdd = left <= 0 || count >= maxPerItem;
          const cannotRemove = count === 0;
          return (
            <li key={item.id} className="ballot-item">
              <span className="ballot-item-label">{item.label}</span>
              <span className="ballot-dots" aria-hidden="true">
                {'●'.repeat(count)}
              </span>
              <span className="ballot-count">{t('voting.ballot.dotsOnItem', { count })}</span>
              <span className="ballot-stepper">
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('voting.ballot.removeDot', { item: item.label })}
                  aria-disabled={cannotRemove || undefined}
                  onClick={() => change(item.id, -1)}
                >
                  −
                </button>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('voting.ballot.addDot', { item: item.label })}
                  aria-disabled={cannotAdd || undefined}
                  onClick={() => change(item.id, 1)}
                >
                  +
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

// ---------------------------------------------------------------- points

interface PointsInputProps {
  round: VotingRound;
  points: Record<string, string>;
  total: number;
  onChange: (points: Record<string, string>) => void;
}

function PointsInput({ round, points, total, onChange }: PointsInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const used = Object.values(points).reduce((sum, raw) => {
    const value = Number(raw);
    return Number.isFinite(value) && value > 0 ? sum + value : sum;
  }, 0);
  const left = total - used;
  return (
    <>
      <p className="ballot-remaining" role="status" aria-live="polite">
        {left >= 0
          ? t('voting.ballot.remainingPoints', { left, total })
          : t('voting.ballot.overPoints', { excess: -left, total })}
      </p>
      <ul className="ballot-items">
        {round.items.map((item, index) => (
          <li key={item.id} className="ballot-item">
            <label className="ballot-item-label" htmlFor={`${id}-${index}`}>
              {item.label}
            </label>
            <input
              id={`${id}-${index}`}
              className="ballot-number"
              type="number"
              inputMode="numeric"
              min={0}
              max={total}
              step={1}
              value={points[item.id] ?? ''}
              onChange={(event) => onChange({ ...points, [item.id]: event.target.value })}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

// ---------------------------------------------------------------- impact / effort

interface RatingsInputProps {
  round: VotingRound;
  ratings: Ratings;
  onChange: (ratings: Ratings) => void;
}

const SCALE = Array.from(
  { length: VOTING_LIMITS.ratingMax - VOTING_LIMITS.ratingMin + 1 },
  (_, i) => VOTING_LIMITS.ratingMin + i,
);

function RatingsInput({ round, ratings, onChange }: RatingsInputProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <ul className="ballot-items ballot-ratings">
      {round.items.map((item, index) => (
        <li key={item.id} className="ballot-item ballot-rating-item">
          <span className="ballot-item-label" id={`${id}-${index}`}>
            {item.label}
          </span>
          {(['impact', 'effort'] as const).map((axis) => (
            <fieldset key={axis} className="ballot-scale">
              <legend>
                <span className="visually-hidden">{item.label}: </span>
                {t(axis === 'impact' ? 'voting.ballot.impact' : 'voting.ballot.effort')}
              </legend>
              {SCALE.map((value) => (
                <label key={value} className="ballot-scale-option">
                  <input
                    type="radio"
                    name={`${id}-${index}-${axis}`}
                    value={value}
                    checked={ratings[item.id]?.[axis] === value}
                    onChange={() =>
                      onChange({ ...ratings, [item.id]: { ...ratings[item.id], [axis]: value } })
                    }
                  />
                  {value}
                </label>
              ))}
            </fieldset>
          ))}
        </li>
      ))}
    </ul>
  );
}
