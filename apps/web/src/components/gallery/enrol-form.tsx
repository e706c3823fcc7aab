import type { GalleryKind } from '@gardenwatch/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/api-error.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Field } from '../ui/field.tsx';
import { toBase64, useEnrol } from './gallery-queries.ts';

interface EnrolFormProps {
  gallery: GalleryKind;
  kindergartenId: string | undefined;
  /** The people who may be enrolled: staff, or blacklist entries. */
  subjects: { id: string; name: string }[];
}

/** Enrol one person from three or more photos; the server says which photo it refused and why. */
export function EnrolForm({ gallery, kindergartenId, subjects }: EnrolFormProps) {
  const { t } = useTranslation();
  const [subjectId, setSubjectId] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const enrol = useEnrol();
  const refusal = refusalText(t, enrol.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const photos = await Promise.all(files.map(toBase64));
    enrol.mutate(
      { gallery, subjectId, photos, ...(kindergartenId && { kindergartenId }) },
      { onSuccess: () => setFiles([]) },
    );
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid="enrol-form">
      <h2>{t('gallery.enrol.title')}</h2>
      <Field label={t('gallery.enrol.subject')}>
        <select value={subjectId} required onChange={(e) => setSubjectId(e.target.value)}>
          <option value="">{t('gallery.enrol.choose')}</option>
          {subjects.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('gallery.enrol.photos')} hint={t('gallery.enrol.photosHint')}>
        <input
          type="file"
          accept="image/jpeg,image/png"
          multiple
          required
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </Field>
      {refusal ? (
        <p role="alert" className="field-error">
          {refusal}
        </p>
      ) : (
        <ErrorMessage error={enrol.error} />
      )}
      {enrol.isSuccess && <p className="muted">{t('gallery.enrol.done')}</p>}
      <button type="submit" className="button button-primary" disabled={enrol.isPending}>
        {enrol.isPending ? t('gallery.enrol.checking') : t('gallery.enrol.submit')}
      </button>
    </form>
  );
}

const reasons = [
  'VISION_ENROL_TOO_FEW_PHOTOS',
  'VISION_ENROL_NO_FACE',
  'VISION_ENROL_SEVERAL_FACES',
  'VISION_ENROL_FACE_TOO_SMALL',
  'VISION_ENROL_FACE_UNCLEAR',
  'NOT_A_PICTURE',
] as const;

/** Why the server refused the photos, in the user's language; null for other errors. */
function refusalText(t: TFunction, error: unknown): string | null {
  if (!isApiError(error)) return null;
  const reason = reasons.find((r) => r === error.details?.reason);
  if (!reason) return null;
  const photo = Number(error.details?.photo ?? 0);
  return t(`gallery.refused.${reason}`, { photo });
}
