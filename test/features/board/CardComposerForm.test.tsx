// The card composer of every board: quick typing while a card is written goes to the
// next card, and neither a failed write nor a reload in the middle loses a text.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CardComposerForm } from '../../../renderer/src/features/board/CardComposerForm';
import { hasDraft } from '../../../renderer/src/features/board/useDraft';
import { useAppStore } from '../../../renderer/src/state/store';

const KEY = 'note:test-column';
const LABEL = 'Neue Karte in „Ideen“';

/** A write that finishes when the test says so. */
function deferred() {
  let finish!: (written: boolean) => void;
  let fail!: (problem: unknown) => void;
  const promise = new Promise<boolean>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { promise, finish, fail };
}

function composer(onAdd: (text: string) => Promise<boolean>) {
  return render(
    <CardComposerForm
      draftKey={KEY}
      label={LABEL}
      onAdd={onAdd}
      onClose={() => undefined}
      describe={() => 'Die Karte konnte nicht gespeichert werden.'}
    />,
  );
}

const field = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: LABEL });

describe('CardComposerForm', () => {
  it('says so when Enter is pressed on an empty field, and adds nothing', async () => {
    const user = userEvent.setup();
    const onAdd = vi.fn(() => Promise.resolve(true));
    composer(onAdd);
    await user.type(field(), '   {Enter}');
    expect(onAdd).not.toHaveBeenCalled();
    expect(document.getElementById(field().getAttribute('aria-describedby')!)!.textContent).toContain(
      'Leere Karten werden nicht hinzugefügt',
    );
    expect(useAppStore.getState().announcement.text).toContain('Leere Karten');
    await user.type(field(), 'Text');
    expect(document.getElementById(field().getAttribute('aria-describedby')!)!.textContent).toContain(
      'Eingabe fügt die Karte hinzu',
    );
  });

  it('frees the field at once: what is typed while a card is written goes to the next card', async () => {
    const user = userEvent.setup();
    const write = deferred();
    const onAdd = vi.fn(() => write.promise);
    composer(onAdd);
    await user.type(field(), 'Erste Karte{Enter}');
    expect(onAdd).toHaveBeenCalledWith('Erste Karte');
    expect(field().value).toBe('');
    await user.type(field(), 'Zwe');
    write.finish(true);
    await waitFor(() => expect(localStorage.getItem('moderato.draft.note:test-column.pending')).toBeNull());
    expect(field().value).toBe('Zwe');
    expect(localStorage.getItem('moderato.draft.note:test-column')).toBe('Zwe');
  });

  it('sends exactly what was typed, card by card, when the writes lag behind the typing', async () => {
    const user = userEvent.setup();
    const sent: string[] = [];
    composer(async (text) => {
      sent.push(text);
      await new Promise((resolve) => setTimeout(resolve, 30));
      return true;
    });
    await user.type(field(), 'E50_0{Enter}E50_1{Enter}E50_2{Enter}E50_3{Enter}');
    expect(sent).toEqual(['E50_0', 'E50_1', 'E50_2', 'E50_3']);
    await waitFor(() => expect(hasDraft(KEY)).toBe(false));
    expect(field().value).toBe('');
  });

  it('brings a card that was not written back into the field, ahead of what was typed since', async () => {
    const user = userEvent.setup();
    const write = deferred();
    composer(() => write.promise);
    await user.type(field(), 'Erste Karte{Enter}Neu');
    write.finish(false);
    await waitFor(() => expect(field().value).toBe('Erste Karte\nNeu'));
    expect(localStorage.getItem('moderato.draft.note:test-column')).toBe('Erste Karte\nNeu');
  });

  it('says why when the write fails, and keeps the text', async () => {
    const user = userEvent.setup();
    const write = deferred();
    composer(() => write.promise);
    await user.type(field(), 'Erste Karte{Enter}');
    write.fail(new Error('QuotaExceededError'));
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toBe('Die Karte konnte nicht gespeichert werden.');
    expect(field().value).toBe('Erste Karte');
  });

  it('keeps a card whose write a reload interrupted: it is back in the field', async () => {
    const user = userEvent.setup();
    const never = deferred();
    const first = composer(() => never.promise);
    await user.type(field(), 'Erste Karte{Enter}Zweite');
    first.unmount();
    // The page is gone before the write answered; the next start finds the texts.
    expect(hasDraft(KEY)).toBe(true);
    composer(() => Promise.resolve(true));
    expect(field().value).toBe('Erste Karte\nZweite');
    expect(localStorage.getItem('moderato.draft.note:test-column.pending')).toBeNull();
  });
});
