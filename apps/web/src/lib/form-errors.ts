import type { TFunction } from 'i18next';
import type { z } from 'zod';

export type FieldErrors = Partial<Record<string, string>>;

function issueText(t: TFunction, issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum);
    if (issue.origin !== 'string') return t('validation.tooSmall', { min });
    return min <= 1 ? t('validation.required') : t('validation.tooShort', { min });
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    return issue.origin === 'string'
      ? t('validation.tooLong', { max })
      : t('validation.tooLarge', { max });
  }
  return issue.code === 'invalid_format' ? t('validation.format') : t('validation.invalid');
}

/**
 * The contract's own schemas check a form before it is sent; their messages are English, so
 * each issue is said again in the user's language, keyed by the field's dotted path.
 */
export function fieldErrors(t: TFunction, error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.');
    out[key] ??= issueText(t, issue);
  }
  return out;
}
