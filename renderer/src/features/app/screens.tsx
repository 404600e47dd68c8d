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
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // a later render may try again (e.g. after a reload of the chunk failed)
        throw error;
      },
    ));
  function Screen(props: P) {
    const Loaded = loaded ?? use(preload());
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
