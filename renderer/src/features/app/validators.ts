import { cleanTitle } from '../../domain/validation';
import { describeError } from './commands';

/** A validator for TextPromptDialog from a domain title rule. */
export function titleValidator(field: string, max: number) {
  return (value: string): string | null => {
    try {
      cleanTitle(value, field, max);
      return null;
    } catch (error) {
      return describeError(error);
    }
  };
}
