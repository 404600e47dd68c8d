import { useState } from 'react';
import { DomainError } from '../../domain/errors';
import type { FieldError } from '../../domain/validation';
import { describeError } from './commands';

/** The field errors of a form, and each field's message in the UI language. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const errorFor = (field: string): string | undefined => {
    const error = errors.find((e) => e.field === field);
    return error ? describeError(new DomainError(error.code, error.params)) : undefined;
  };
  return { errors, setErrors, errorFor };
}
