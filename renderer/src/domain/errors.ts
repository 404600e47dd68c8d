/**
 * A refused command. `code` is a key under "errors." in the locale files;
 * `params` fill its placeholders, so the UI can say what happened in German.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
