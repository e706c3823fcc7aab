import {
  can,
  programmeStages,
  type ProgrammeProgress,
  type StageCounts,
} from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProgress } from '../components/coverage/coverage-queries.ts';
import { NotAllowed } from '../components/ui/not-allowed.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useActor } from '../hooks/use-actor.ts';
import '../components/coverage/coverage.css';

const columns = ['notStarted', ...programmeStages] as const;

function StageBar({ counts }: { counts: StageCounts }) {
  const { t } = useTranslation();
  return (
    <div className="stage-bar" aria-hidden="true">
      {columns.map((stage) =>
        counts[stage] > 0 ? (
          <span
            key={stage}
            className={`stage stage-${stage}`}
            style={{ flexGrow: counts[stage] }}
            title={t(`programme.stage.${stage}`)}
          />
        ) : null,
      )}
    </div>
  );
}

function Progress({ progress, byDistrict }: { progress: ProgrammeProgress; byDistrict: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="programme-page">
      <header className="page-header">
        <h1>{t('programme.title')}</h1>
        <p className="muted">
          {t('programme.accepted', {
            accepted: progress.counts.accepted,
            total: progress.counts.total,
          })}
        </p>
      </header>
      <StageBar counts={progress.counts} />
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{byDistrict ? t('programme.district') : t('compliance.kindergarten')}</th>
              {columns.map((c) => (
                <th key={c} className="num">
                  {t(`programme.stage.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {progress.groups.map((g) => (
              <tr key={g.id}>
                <td>
                  <Link
                    to={
                      byDistrict
                        ? `/districts/${g.id}/compliance`
                        : `/kindergartens/${g.id}/programme`
                    }
                  >
                    {g.name}
                  </Link>
                </td>
                {columns.map((c) => (
                  <td key={c} className="num">
                    {g.counts[c] || ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Construction progress: per district for the city, per kindergarten for a district. */
export function ProgrammePage() {
  const actor = useActor();
  const cityWide = can(actor, 'report.read_district', { kind: 'city' });
  const districtId = cityWide ? null : actor.districtId;
  const query = useProgress(districtId);
  if (!cityWide && !districtId) return <NotAllowed />;
  return (
    <QueryState query={query}>{(p) => <Progress progress={p} byDistrict={cityWide} />}</QueryState>
  );
}
