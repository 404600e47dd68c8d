/**
 * A text about to be set in double quotes („…“ or “…”): its own double quotes
 * become single ones, so they do not nest: „KI-Chatbot ‚Frag das Amt‘“ in
 * German, “KI-Chatbot ‘Frag das Amt’” in English. The same mapping fits both
 * („ → ‚, “ → ‘, ” → ’); straight quotes stay as typed.
 */
export function innerQuotes(text: string): string {
  return text.replace(/[„“”]/g, (mark) => (mark === '„' ? '‚' : mark === '“' ? '‘' : '’'));
}
