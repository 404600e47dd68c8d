import { render, screen, waitFor } from '@testing-library/react';
import { hyphenateSync } from 'hyphen/de-1996';
import { describe, expect, it } from 'vitest';
import {
  LONG_WORD,
  loadHyphenate,
  makeHyphenate,
  SOFT_HYPHEN,
  useHyphenate,
} from '../../../renderer/src/features/projector/hyphenation';

const SHY = /\u00AD/g;

describe('hyphenation for the projector', () => {
  it('puts soft hyphens into long German compounds and nothing else into the text', async () => {
    const hyphenate = await loadHyphenate('de');
    const text = 'Vollständigkeitsprüfung der Anträge:\nVerwaltungsdigitalisierung  für 2.500 Fälle';
    const done = hyphenate(text);
    expect(done.replace(SHY, '')).toBe(text);
    expect(done).toBe(
      'Voll·stän·dig·keits·prü·fung der Anträge:\nVerwal·tungs·di·gi·ta·li·sie·rung  für 2.500 Fälle'.replace(
        /·/g,
        SOFT_HYPHEN,
      ),
    );
  });

  it('hyphenates only long words, leaving at least four letters on either side of a break', async () => {
    const hyphenate = await loadHyphenate('de');
    // The patterns would break all of these ("Zu-ord-nung", "Be-scheid", "Ter-min-ver-ga-be").
    for (const short of ['Zuordnung', 'Bescheid', 'automatisch', 'Bürgerämter']) {
      expect(short.length).toBeLessThan(LONG_WORD);
      expect(hyphenate(short)).toBe(short);
    }
    expect(hyphenate('Terminvergabe').replace(SHY, '|')).toBe('Termin|ver|gabe');
    // Words joined by a hyphen are words of their own.
    expect(hyphenate('KI-Antragsbearbeitung').replace(SHY, '|')).toBe('KI-Antrags|be|ar|bei|tung');
  });

  it('leaves addresses whole: a hyphen in them would read as part of them', async () => {
    const hyphenate = await loadHyphenate('de');
    const text =
      'Siehe https://verwaltungsdigitalisierung.berlin.de/ oder poststelle@senatsverwaltungen.de, verwaltungsdigitalisierung.de/antraege';
    expect(hyphenate(text)).toBe(text);
    // A slash or a colon alone does not make an address.
    expect(hyphenate('Sachbearbeiter/Sachbearbeiterinnen').replace(SHY, '|')).toBe(
      'Sach|be|ar|beiter/Sach|be|ar|bei|te|rinnen',
    );
    expect(hyphenate('Antragsbearbeitung: schneller')).toContain(SOFT_HYPHEN);
  });

  it('uses English patterns for the English interface', async () => {
    const hyphenate = await loadHyphenate('en');
    expect(hyphenate('administration').replace(SHY, '|')).toBe('admin|is|tra|tion');
    expect(await loadHyphenate('en')).toBe(hyphenate);
  });

  it('hyphenates a text once, then takes it from its cache', () => {
    const calls: string[] = [];
    const hyphenate = makeHyphenate((word, options) => {
      calls.push(word);
      return hyphenateSync(word, options);
    });
    const first = hyphenate('Bürgerkontakt im Bürgeramt');
    expect(first).toContain(SOFT_HYPHEN);
    expect(calls).toEqual(['Bürgerkontakt']);
    expect(hyphenate('Bürgerkontakt im Bürgeramt')).toBe(first);
    expect(calls).toEqual(['Bürgerkontakt']);
  });

  it('shows the text at once and hyphenated once the patterns are there', async () => {
    function Card({ language }: { language: string }) {
      const hyphenate = useHyphenate(language);
      return <p>{hyphenate('Antragsbearbeitung')}</p>;
    }
    const { rerender } = render(<Card language="de" />);
    const card = screen.getByText('Antragsbearbeitung');
    await waitFor(() => expect(card.textContent).toContain(SOFT_HYPHEN));
    expect(card.textContent?.replace(SHY, '')).toBe('Antragsbearbeitung');
    // Another language: its own patterns (here they break the German word elsewhere).
    const english = (await loadHyphenate('en'))('Antragsbearbeitung');
    expect(english).not.toBe(card.textContent);
    rerender(<Card language="en" />);
    await waitFor(() => expect(card.textContent).toBe(english));
  });
});
