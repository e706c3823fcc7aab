import type { ImportReport as Report } from '@gardenwatch/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ImportReport } from '../components/staff/import-report.tsx';
import { KindergartenPicker } from '../components/staff/kindergarten-picker.tsx';
import { uploadRoster, type ImportMode } from '../components/staff/roster-upload.ts';
import { StaffGuard } from '../components/staff/staff-guard.tsx';
import { staffKeys } from '../components/staff/staff-queries.ts';
import { ErrorMessage } from '../components/ui/error-message.tsx';
import { Field } from '../components/ui/field.tsx';
import { useActor } from '../hooks/use-actor.ts';
import { useOrgNames } from '../hooks/use-org-names.ts';
import '../components/staff/staff.css';

type RosterFile = Blob & { name: string };

function ImportActions({
  report,
  busy,
  onImport,
}: {
  report: Report;
  busy: boolean;
  onImport: (mode: ImportMode) => void;
}) {
  const { t } = useTranslation();
  if (report.written) return null;

  const hasErrors = report.errors.length > 0;
  return (
    <div className="form-actions">
      <button
        type="button"
        className="button button-primary"
        disabled={busy || hasErrors || report.rowsValid === 0}
        onClick={() => onImport('all')}
      >
        {t('staffImport.importAll')}
      </button>
      <button
        type="button"
        className="button"
        disabled={busy || report.rowsValid === 0}
        onClick={() => onImport('valid_only')}
      >
        {t('staffImport.importValid', { count: report.rowsValid })}
      </button>
      {hasErrors && <span className="field-hint">{t('staffImport.allNeedsClean')}</span>}
    </div>
  );
}

function RosterImport({ kindergartenId }: { kindergartenId: string }) {
  const { t } = useTranslation();
  const org = useOrgNames();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<RosterFile | null>(null);
  const run = useMutation({
    mutationFn: (mode: ImportMode) => {
      if (file === null) throw new Error('no file');
      return uploadRoster({ kindergartenId, mode, file });
    },
    onSuccess: (report) =>
      report.written ? queryClient.invalidateQueries({ queryKey: staffKeys.all }) : undefined,
  });
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (file !== null) run.mutate('dry_run');
  };

  return (
    <div className="page" data-testid="staff-import-page">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to={`/staff/${kindergartenId}`}>{t('staff.title')}</Link>
        </p>
        <h1>{t('staffImport.title')}</h1>
        <p className="muted">{org.nameOf(kindergartenId)}</p>
      </header>
      <form className="card" onSubmit={check} aria-label={t('staffImport.title')}>
        <p>{t('staffImport.intro')}</p>
        <p className="muted small">{t('staffImport.columns')}</p>
        <Field label={t('staffImport.file')} hint={t('staffImport.fileHint')}>
          <input
            type="file"
            name="roster"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              run.reset();
            }}
          />
        </Field>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={file === null || run.isPending}
          >
            {run.isPending ? t('staffImport.checking') : t('staffImport.check')}
          </button>
        </div>
        <ErrorMessage error={run.error} />
      </form>
      {run.data && (
        <>
          <ImportReport report={run.data} />
          <ImportActions report={run.data} busy={run.isPending} onImport={(m) => run.mutate(m)} />
        </>
      )}
    </div>
  );
}

/** Roster upload: a dry run first, then all rows or only the valid ones. */
export function StaffImportPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const { kindergartenId = actor.kindergartenId ?? '' } = useParams();
  return (
    <StaffGuard need="readStaff">
      {kindergartenId === '' ? (
        <div className="page">
          <header className="page-header">
            <h1>{t('staffImport.title')}</h1>
          </header>
          <KindergartenPicker suffix="/import" />
        </div>
      ) : (
        <RosterImport key={kindergartenId} kindergartenId={kindergartenId} />
      )}
    </StaffGuard>
  );
}
