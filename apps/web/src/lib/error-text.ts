import type { TFunction } from 'i18next';
import { isApiError } from '../api/api-error.ts';
import { en } from '../i18n/locales/en.ts';

type KnownCode = keyof typeof en.errors.codes;
const isKnownCode = (code: string): code is KnownCode => Object.hasOwn(en.errors.codes, code);

/** Field names the server named as at fault in a 400 (`details.fields[].field`), if any. */
function faultyFields(details: Record<string, unknown> | undefined): string[] {
  const fields = details?.fields;
  if (!Array.isArray(fields)) return [];

  return fields
    .map((field: unknown) => {
      if (typeof field === 'string') return field;
      if (typeof field === 'object' && field !== null && 'field' in field) {
        return String(field.field);
      }
      return '';
    })
    .filter((name) => name !== '');
}

/** A failure as a sentence in the user's language, and the request id to quote, if any. */
export function errorText(
  t: TFunction,
  error: unknown,
): { text: string; requestId: string | null } {
  if (!isApiError(error)) return { text: t('errors.generic'), requestId: null };

  const base = isKnownCode(error.code) ? t(`errors.codes.${error.code}`) : t('errors.generic');
  const fields = faultyFields(error.details);
  const text =
    fields.length > 0 ? `${base} ${t('errors.fields', { fields: fields.join(', ') })}` : base;
  return { text, requestId: error.requestId === '' ? null : error.requestId };
}
