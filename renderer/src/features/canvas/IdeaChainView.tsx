import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ideaChain, type ChainCard, type TraceData } from '../../domain/trace';
import type { Idea } from '../../domain/types';
import { boardRoute, routeToHash } from '../app/router';
import { shorten } from '../board/useNoteDnd';
import { innerQuotes } from '../../i18n/quotes';

const SHOWN = 3;

/** The chain back from an idea: vision → inventory finding → focus area → this idea. */
export function IdeaChainView({ idea, data }: { idea: Idea; data: TraceData }) {
  const { t } = useTranslation();
  const titleId = useId();
  const chain = useMemo(() => ideaChain(data, idea), [data, idea]);
  const focus = chain.focusArea;

  return (
    <section className="idea-chain" aria-labelledby={titleId}>
      <h3 id={titleId} className="idea-chain-title">
        {t('trace.chainTitle')}
      </h3>
      <ol className="idea-chain-steps">
        <li>
          <span className="idea-chain-label">{t('trace.stepVision')}</span>
          <ChainCards cards={chain.vision} />
        </li>
        <li>
          <span className="idea-chain-label">{t('trace.stepInventory')}</span>
          <ChainCards cards={chain.inventory} />
        </li>
        <li>
          <span className="idea-chain-label">{t('trace.stepFocusArea')}</span>{' '}
          {focus.state === 'linked' ? (
            focus.board ? (
              <a href={routeToHash(boardRoute(idea.workshopId, focus.board.id))}>
                {t('common.quoted', { text: focus.cluster.title })}
              </a>
            ) : (
              t('common.quoted', { text: focus.cluster.title })
            )
          ) : focus.state === 'deleted' ? (
            <em>{t('trace.deleted')}</em>
          ) : (
            <em>{t('trace.none')}</em>
          )}
        </li>
        <li aria-current="step">
          <span className="idea-chain-label">{t('trace.stepIdea')}</span>{' '}
          {t('common.quoted', { text: innerQuotes(idea.title) })}
        </li>
      </ol>
      {chain.deleted > 0 && <p className="field-hint">{t('trace.deletedCards', { count: chain.deleted })}</p>}
    </section>
  );
}

function ChainCards({ cards }: { cards: ChainCard[] }) {
  const { t } = useTranslation();
  if (cards.length === 0) return <em> {t('trace.none')}</em>;
  const rest = cards.length - SHOWN;
  return (
    <>
      {' '}
      {cards.slice(0, SHOWN).map((card, i) => (
        <span key={card.noteId}>
          {i > 0 && ', '}
          {t('common.quoted', { text: shorten(card.note?.text ?? '', 40) })}
        </span>
      ))}
      {rest > 0 && ` ${t('trace.more', { count: rest })}`}
    </>
  );
}
