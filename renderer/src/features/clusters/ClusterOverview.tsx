import { memo } from 'react';
import { useT } from '../../i18n/useT';
import type { ClusterId } from '../../domain/ids';
import type { Cluster, Note } from '../../domain/types';

interface ClusterOverviewProps {
  clusters: readonly Cluster[];
  /** The cards of each cluster, as the board groups them. */
  groups: ReadonlyMap<ClusterId, readonly Note[]>;
  poolCount: number;
}

/**
 * The structure of a clusters board in a few lines, for screen readers: how
 * many cards wait in the pool, then each cluster with its number of cards and
 * whether it is a focus area. Visually hidden: the board itself shows the same.
 * Not focusable, so no invisible focus: screen readers reach it by its heading.
 */
export const ClusterOverview = memo(function ClusterOverview({
  clusters,
  groups,
  poolCount,
}: ClusterOverviewProps) {
  const t = useT();
  return (
    <section className="visually-hidden" aria-labelledby="cluster-overview-title">
      <h3 id="cluster-overview-title">{t('a11y.clusterOverview.title')}</h3>
      <p>{t('a11y.clusterOverview.pool', { cards: t('clusters.cardCount', { count: poolCount }) })}</p>
      {clusters.length > 0 && (
        <ul aria-label={t('a11y.clusterOverview.listLabel')}>
          {clusters.map((cluster) => {
            const count = groups.get(cluster.id)?.length ?? 0;
            const cards = count === 0 ? t('a11y.clusterOverview.empty') : t('clusters.cardCount', { count });
            return (
              <li key={cluster.id}>
                {t('a11y.clusterOverview.item', { title: cluster.title, cards })}
                {cluster.focusAreaAt !== null && `, ${t('clusters.focusBadge')}`}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
