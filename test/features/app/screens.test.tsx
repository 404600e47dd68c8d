// Screen chunks: rendered at once when preloaded, through Suspense otherwise, and a
// chunk that fails to load ends in the error boundary, not in an endless "Lädt …".
import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../renderer/src/components/ErrorBoundary';
import { screenChunk } from '../../../renderer/src/features/app/screens';

afterEach(() => {
  vi.restoreAllMocks();
});

function Greeting({ name }: { name: string }) {
  return <h1>Hallo {name}</h1>;
}

function app(chunk: ReturnType<typeof screenChunk<{ name: string }>>) {
  return (
    <ErrorBoundary>
      <Suspense fallback={<p>Lädt …</p>}>
        <chunk.Screen name="Anna" />
      </Suspense>
    </ErrorBoundary>
  );
}

it('renders a preloaded screen in the first render, without the fallback', async () => {
  const load = vi.fn(async () => Greeting);
  const chunk = screenChunk(load);
  await chunk.preload();
  await chunk.preload();
  render(app(chunk));
  expect(screen.queryByText('Lädt …')).toBeNull();
  expect(screen.getByRole('heading', { name: 'Hallo Anna' })).toBeTruthy();
  expect(load).toHaveBeenCalledTimes(1);
});

it('shows the fallback while a screen not yet preloaded loads, then the screen', async () => {
  const errors = vi.spyOn(console, 'error');
  let resolve!: (component: typeof Greeting) => void;
  const chunk = screenChunk(() => new Promise<typeof Greeting>((r) => (resolve = r)));
  await act(async () => {
    render(app(chunk));
  });
  expect(screen.getByText('Lädt …')).toBeTruthy();
  await act(async () => resolve(Greeting));
  expect(await screen.findByRole('heading', { name: 'Hallo Anna' }, { timeout: 3000 })).toBeTruthy();
  // React's complaint about a use() that suspended once and was skipped afterwards.
  expect(errors).not.toHaveBeenCalled();
});

it('hands a chunk that fails to load to the error boundary, loading it only once', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const load = vi.fn(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
  const chunk = screenChunk<{ name: string }>(load);
  await act(async () => {
    render(app(chunk));
  });
  expect(await screen.findByRole('heading', { name: 'Hier ist etwas schiefgegangen.' })).toBeTruthy();
  expect(load).toHaveBeenCalledTimes(1);
});
