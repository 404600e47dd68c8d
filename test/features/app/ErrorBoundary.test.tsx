import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../renderer/src/components/ErrorBoundary';

function Broken(): never {
  throw new Error('kaputt');
}

describe('ErrorBoundary', () => {
  it('shows a German message and the ways out instead of a blank screen', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Hier ist etwas schiefgegangen.' })).toBeTruthy();
    expect(screen.getByText(/Ihre Daten sind gespeichert/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Alle Daten als Datei sichern' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zur Workshop-Liste' })).toBeTruthy();
    vi.restoreAllMocks();
  });
});
