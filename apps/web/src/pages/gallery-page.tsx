import { can, type GalleryKind } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { EnrolForm } from '../components/gallery/enrol-form.tsx';
import { useGallery, useRemoveFromGallery } from '../components/gallery/gallery-queries.ts';
import { ConfirmButton } from '../components/ui/confirm-button.tsx';
import { NotAllowed } from '../components/ui/not-allowed.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useBlacklist, useStaffList } from '../components/staff/staff-queries.ts';
import { useActor } from '../hooks/use-actor.ts';
import { cityTimeZone, formatDateTime } from '../lib/time.ts';
import '../components/alerts/alerts.css';

/**
 * Faces recognised at the gates: a principal's staff, or the city's restricted gallery for the
 * city administrator. Enrolling and removing are audited.
 */
export function GalleryPage() {
  const actor = useActor();
  if (can(actor, 'blacklist.manage', { kind: 'city' })) return <RestrictedGallery />;
  if (actor.role === 'principal' && actor.kindergartenId)
    return <StaffGallery kindergartenId={actor.kindergartenId} />;
  return <NotAllowed />;
}

// LIMITATION: the choice of person lists the first page of staff (50) or blacklist entries;
// a kindergarten with more staff cannot enrol the others from this page yet.
function StaffGallery({ kindergartenId }: { kindergartenId: string }) {
  const staff = useStaffList({ kindergartenId, offset: 0 });
  const subjects = (staff.data?.items ?? []).map((s) => ({ id: s.id, name: s.name }));
  return <Gallery gallery="staff" kindergartenId={kindergartenId} subjects={subjects} />;
}

function RestrictedGallery() {
  const barred = useBlacklist({ offset: 0 });
  const subjects = (barred.data?.items ?? []).map((b) => ({ id: b.id, name: b.name }));
  return <Gallery gallery="restricted" subjects={subjects} />;
}

interface GalleryProps {
  gallery: GalleryKind;
  kindergartenId?: string;
  subjects: { id: string; name: string }[];
}

function Gallery({ gallery, kindergartenId, subjects }: GalleryProps) {
  const { t } = useTranslation();
  const entries = useGallery(gallery, kindergartenId);
  const remove = useRemoveFromGallery();
  const nameOf = (id: string) => subjects.find((s) => s.id === id)?.name ?? id.slice(0, 8);
  return (
    <div className="page page-narrow" data-testid="gallery-page">
      <header className="page-header">
        <h1>{t(`gallery.title.${gallery}`)}</h1>
        <p className="muted">{t(`gallery.intro.${gallery}`)}</p>
      </header>
      <EnrolForm gallery={gallery} kindergartenId={kindergartenId} subjects={subjects} />
      <section className="card">
        <h2>{t('gallery.enrolled')}</h2>
        <QueryState query={entries}>
          {({ items }) =>
            items.length === 0 ? (
              <p className="muted">{t('gallery.none')}</p>
            ) : (
              <ul className="gallery-list">
                {items.map((e) => (
                  <li key={e.id} data-testid="gallery-entry">
                    <strong>{nameOf(e.subjectId)}</strong>{' '}
                    <span className="muted small">
                      {t('gallery.photos', { count: e.photoCount })} ·{' '}
                      {formatDateTime(e.createdAt, cityTimeZone)}
                    </span>{' '}
                    <ConfirmButton
                      label={t('gallery.remove')}
                      question={t('gallery.removeQuestion')}
                      busy={remove.isPending}
                      onConfirm={() => remove.mutate(e.id)}
                    />
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
    </div>
  );
}
