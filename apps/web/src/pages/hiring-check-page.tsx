import { useTranslation } from 'react-i18next';
import { HiringCheckForm } from '../components/staff/hiring-check-form.tsx';
import { StaffGuard } from '../components/staff/staff-guard.tsx';
import { useActor } from '../hooks/use-actor.ts';
import '../components/staff/staff.css';

/** Principals check a candidate against the blacklist before hiring. */
export function HiringCheckPage() {
  const { t } = useTranslation();
  const actor = useActor();
  return (
    <StaffGuard need="hiringCheck">
      <div className="page page-narrow" data-testid="hiring-check-page">
        <header className="page-header">
          <h1>{t('hiring.title')}</h1>
          <p>{t('hiring.intro')}</p>
        </header>
        <HiringCheckForm kindergartenId={actor.kindergartenId ?? ''} />
        <p className="muted small">{t('hiring.privacy')}</p>
      </div>
    </StaffGuard>
  );
}
