import { use, type ComponentType } from 'react';
import type { Route } from './router';

/**
 * A screen loaded in its own chunk. Unlike React.lazy it can be loaded before
 * the first render (main.tsx does so for the screen the app starts on, at the
 * same time as the database opens): a screen that is already there renders at
 * once, with no Suspense fallback and so none of React's fallback throttling
 * (up to 300 ms before the loaded screen may replace the fallback).
 */
export interface ScreenChunk<P extends object> {
  /** Renders the screen; suspends (Suspense) while its chunk is still loading. */
  Screen: ComponentType<P>;
  /** Starts loading the chunk (once); resolves when it is there. */
  preload(): Promise<unknown>;
}

export function screenChunk<P extends object>(load: () => Promise<ComponentType<P>>): ScreenChunk<P> {
  // Kept when it fails, as React.lazy does: the error boundary shows the failure (a new
  // import on every retry would keep Suspense waiting for ever).
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    if (!loading) {
      const promise = load();
      // Marked the way React's `use` reads a promise (React's FulfilledReactPromise and
      // RejectedReactPromise): once settled, `use` returns its value (or throws its error)
      // in the same render instead of suspending once more.
      promise.then(
        (value) => void Object.assign(promise, { status: 'fulfilled', value }),
        (reason: unknown) => void Object.assign(promise, { status: 'rejected', reason }),
      );
      loading = promise;
    }
    return loading;
  };
  function Screen(props: P) {
    const Loaded = use(preload());
    return <Loaded {...props} />;
  }
  return { Screen, preload };
}

// The board (dnd-kit and friends) loads when a workshop is opened, not at start.
export const workshopScreen = screenChunk(() =>
  import('../workshops/WorkshopScreen').then((module) => module.WorkshopScreen),
);

export const projectorScreen = screenChunk(() =>
  import('../projector/ProjectorScreen').then((module) => module.ProjectorScreen),
);

// Backups bring zod and the file checks along: loaded only when the screen is opened.
export const backupScreen = screenChunk(() =>
  import('../backup/BackupScreen').then((module) => module.BackupScreen),
);

/** The chunk a route needs beyond the start bundle (none for the workshop list). */
export function chunkFor(route: Route): ScreenChunk<never> | null {
  if (route.name === 'workshop') return workshopScreen as ScreenChunk<never>;
  if (route.name === 'projector') return projectorScreen as ScreenChunk<never>;
  if (route.name === 'backups') return backupScreen as ScreenChunk<never>;
  return null;
}
