import type { Change } from './changes';
import { findCluster, unlinkIdeas } from './clusterCommands';
import { DomainError } from './errors';
import type { ClusterId } from './ids';
import type { BoardContent, Idea } from './types';
import { cleanTitle, collectErrors, LIMITS, type FieldError } from './validation';

/** Focus areas (Handlungsschwerpunkte): clusters promoted with a title and a short description. */

export interface FocusAreaFields {
  title: string;
  description: string;
}

/** Every problem of a focus area's fields, for the dialog to show at once. */
export function validateFocusArea(fields: FocusAreaFields): FieldError[] {
  return collectErrors([
    () => cleanTitle(fields.title, 'focusTitle', LIMITS.clusterTitle),
    () => cleanDescription(fields.description),
  ]);
}

function cleanDescription(value: string): string {
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (text.length > LIMITS.focusDescription) {
    throw new DomainError('tooLong', {
      field: 'focusDescription',
      max: LIMITS.focusDescription,
      length: text.length,
    });
  }
  return text;
}

/**
 * Promotes a cluster to a focus area (Handlungsschwerpunkt) with a title and a
 * short description, or edits those of a focus area (it keeps its date).
 */
export function promoteToFocusArea(
  content: BoardContent,
  clusterId: ClusterId,
  fields: FocusAreaFields,
  now: number,
): Change[] {
  const cluster = findCluster(content, clusterId);
  const errors = validateFocusArea(fields);
  if (errors[0]) throw new DomainError(errors[0].code, errors[0].params);
  const title = cleanTitle(fields.title, 'focusTitle', LIMITS.clusterTitle);
  const description = cleanDescription(fields.description);
  const focusAreaAt = cluster.focusAreaAt ?? now;
  if (title === cluster.title && description === cluster.description && focusAreaAt === cluster.focusAreaAt)
    return [];
  return [
    {
      table: 'clusters',
      before: cluster,
      after: { ...cluster, title, description, focusAreaAt, updatedAt: now },
    },
  ];
}

/** A focus area becomes a plain cluster again; its project ideas lose the link. */
export function demoteFocusArea(
  content: BoardContent,
  clusterId: ClusterId,
  ideas: readonly Idea[],
  now: number,
): Change[] {
  const cluster = findCluster(content, clusterId);
  if (cluster.focusAreaAt === null) return [];
  return [
    { table: 'clusters', before: cluster, after: { ...cluster, focusAreaAt: null, updatedAt: now } },
    ...unlinkIdeas(ideas, clusterId, now),
  ];
}
