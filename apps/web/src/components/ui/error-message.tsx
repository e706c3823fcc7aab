import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/error-text.ts';

/** A failed request, said in the user's language, with the request id for the operators. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;

  const { text, requestId } = errorText(t, error);
  return (
    <div className="alert alert-error" role="alert">
      <span>{text}</span>
      {requestId !== null && (
        <span className="alert-meta">{t('common.requestId', { id: requestId })}</span>
      )}
    </div>
  );
}
