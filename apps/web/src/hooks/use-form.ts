import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldErrors, type FieldErrors } from '../lib/form-errors.ts';

/** Form values, their errors, and a check against one of the contract's schemas. */
export function useForm<T extends object>(initial: T) {
  const { t } = useTranslation();
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = <K extends keyof T>(key: K, value: T[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const check = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null => {
    const result = schema.safeParse(input);
    if (!result.success) {
      setErrors(fieldErrors(t, result.error));
      return null;
    }
    setErrors({});
    return result.data;
  };

  return { values, set, errors, check, reset: () => setValues(initial) };
}
