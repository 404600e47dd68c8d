import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VotingRound } from '../../domain/types';

interface RankingInputProps {
  round: VotingRound;
  order: string[];
  topK: number;
  onChange: (order: string[]) => void;
}

type Action = 'up' | 'down' | 'remove' | 'add';

/**
 * Ranking by buttons: take items into "Ihre Rangfolge", move them up and down.
 * After each step the focus stays on the item that moved, so the keyboard
 * can keep going.
 */
export function RankingInput({ round, order, topK, onChange }: RankingInputProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const focusNext = useRef<{ itemId: string; action: Action } | null>(null);
  const label = new Map(round.items.map((item) => [item.id, item.label]));
  const unranked = round.items.filter((item) => !order.includes(item.id));
  const full = order.length >= topK;

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const row = [...(root.current?.querySelectorAll<HTMLElement>('[data-item]') ?? [])].find(
      (element) => element.dataset.item === target.itemId,
    );
    row?.querySelector<HTMLElement>(`[data-action="${target.action}"]`)?.focus();
  }, [order]);

  function move(index: number, delta: number, action: Action) {
    const target = index + delta;
    if (target < 0 || target >= order.length) return;
    const next = [...order];
    [next[index], next[target]] = [next[target]!, next[index]!];
    focusNext.current = { itemId: order[index]!, action };
    onChange(next);
  }

  return (
    <div className="ballot-ranking" ref={root}>
      <p className="ballot-remaining" role="status" aria-live="polite">
        {t('voting.ballot.remainingRanks', { count: topK - order.length })}
      </p>
      <h3 className="ballot-subheading">{t('voting.ballot.yourRanking')}</h3>
      {order.length === 0 ? (
        <p className="empty">{t('voting.ballot.rankingEmpty')}</p>
      ) : (
        <ol className="ballot-items">
          {order.map((itemId, index) => {
            const name = label.get(itemId) ?? '';
            return (
              <li key={itemId} className="ballot-item" data-item={itemId}>
                <span className="ballot-rank">{index + 1}.</span>
                <span className="ballot-item-label">{name}</span>
                <span className="ballot-stepper">
                  <button
                    type="button"
                    className="button button-small"
                    data-action="up"
                    aria-label={t('voting.ballot.moveUp', { item: name, place: index + 1 })}
                    aria-disabled={index === 0 || undefined}
                    onClick={() => move(index, -1, 'up')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    data-action="down"
                    aria-label={t('voting.ballot.moveDown', { item: name, place: index + 1 })}
                    aria-disabled={index === order.length - 1 || undefined}
                    onClick={() => move(index, 1, 'down')}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    data-action="remove"
                    aria-label={t('voting.ballot.unrank', { item: name })}
                    onClick={() => {
                      const rest = order.filter((id) => id !== itemId);
                      focusNext.current = { itemId, action: 'add' };
                      onChange(rest);
                    }}
                  >
                    {t('voting.ballot.unrankShort')}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {unranked.length > 0 && (
        <>
          <h3 className="ballot-subheading">{t('voting.ballot.notRanked')}</h3>
          <ul className="ballot-items">
            {unranked.map((item) => (
              <li key={item.id} className="ballot-item" data-item={item.id}>
                <span className="ballot-item-label">{item.label}</span>
                <button
                  type="button"
                  className="button button-small"
                  data-action="add"
                  aria-label={t('voting.ballot.rank', { item: item.label })}
                  aria-disabled={full || undefined}
                  onClick={() => {
                    if (full) return;
                    focusNext.current = { itemId: item.id, action: 'remove' };
                    onChange([...order, item.id]);
                  }}
                >
                  {t('voting.ballot.rankShort')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
