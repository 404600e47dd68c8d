import { describe, expect, it } from 'vitest';
import { innerQuotes } from '../../renderer/src/i18n/quotes';

describe('innerQuotes', () => {
  it('turns a title’s own double quotes into single ones, so quoting it does not nest', () => {
    expect(`Projektidee „${innerQuotes('KI-Chatbot „Frag das Amt“')}“`).toBe(
      'Projektidee „KI-Chatbot ‚Frag das Amt‘“',
    );
    expect(innerQuotes('AI chatbot “Ask the office”')).toBe('AI chatbot ‘Ask the office’');
    expect(innerQuotes('Ohne "gerade" Zeichen')).toBe('Ohne "gerade" Zeichen');
  });
});
