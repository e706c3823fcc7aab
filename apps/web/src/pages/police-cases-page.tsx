import type { PoliceCase } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CaseForm } from '../components/police-cases/case-form.tsx';
import {
  useCloseCase,
  useDecideArea,
  usePoliceCases,
} from '../components/police-cases/police-case-queries.ts';
import { Badge } from '../components/ui/badge.tsx';
import { ErrorMessage } from '../components/ui/error-message.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useActor } from '../hooks/use-actor.ts';
import { useKindergartenPage } from '../hooks/use-kindergarten-page.ts';
import { useOrgNames } from '../hooks/use-org-names.ts';
import { cityTimeZone, formatDateTime } from '../lib/time.ts';
import '../components/police-cases/police-cases.css';

const tone = { open: 'ok', approved: 'ok', pending: 'warn', rejected: 'bad' } as const;

function CaseCard({ item, reviewer }: { item: PoliceCase; reviewer: boolean }) {
  const { t } = useTranslation();
  const { nameOf } = useOrgNames();
  const page = useKindergartenPage(item.kindergartenId);
  const decide = useDecideArea();
  const close = useCloseCase();
  const names = new Map(
    (page.data?.buildings ?? [])
      .flatMap((b) => b.floors.flatMap((f) => f.areas))
      .map((a) => [a.id, a.name]),
  );
  const when = (iso: string) => formatDateTime(iso, cityTimeZone);
  return (
    <article className="card" data-testid="police-case">
      <header className="page-header">
        <h2>{t('policeCases.caseTitle', { number: item.caseNumber })}</h2>
        <p className="muted">
          {nameOf(item.kindergartenId)} · {when(item.from)} – {when(item.to)}
        </p>
      </header>
      <p>{item.reason}</p>
      <ul className="case-areas">
        {item.areas.map((area) => (
          <li key={area.areaId} data-testid="case-area">
            {names.get(area.areaId) ?? area.areaId}{' '}
            <Badge tone={tone[area.status]}>{t(`policeCases.status.${area.status}`)}</Badge>{' '}
            {area.isKey && <span className="muted small">{t('policeCases.keyArea')}</span>}{' '}
            {!reviewer && (area.status === 'open' || area.status === 'approved') && (
              <Link to={`/video/areas/${area.areaId}/playback`}>{t('policeCases.watch')}</Link>
            )}
            {reviewer && area.status === 'pending' && (
              <>
                <button
                  type="button"
                  className="button"
                  onClick={() => decide.mutate({ id: item.id, areaId: area.areaId, approve: true })}
                >
                  {t('policeCases.approve')}
                </button>{' '}
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() =>
                    decide.mutate({ id: item.id, areaId: area.areaId, approve: false })
                  }
                >
                  {t('policeCases.refuse')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {!reviewer && (
        <button type="button" className="button button-quiet" onClick={() => close.mutate(item.id)}>
          {t('policeCases.close')}
        </button>
      )}
      <ErrorMessage error={decide.error ?? close.error} />
    </article>
  );
}

/**
 * Police cases: an officer registers a case and watches what it opens; a district reviewer
 * approves or refuses the areas that are not key areas. Every sight under a case is audited.
 */
export function PoliceCasesPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const cases = usePoliceCases();
  const reviewer = actor.role === 'district_reviewer';
  return (
    <div className="page" data-testid="police-cases-page">
      <header className="page-header">
        <h1>{t('policeCases.title')}</h1>
        <p className="muted">
          {reviewer ? t('policeCases.reviewerIntro') : t('policeCases.intro')}
        </p>
      </header>
      {actor.role === 'police' && <CaseForm />}
      <QueryState query={cases}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('policeCases.none')}</p>
          ) : (
            <>
              {data.items.map((item) => (
                <CaseCard key={item.id} item={item} reviewer={reviewer} />
              ))}
            </>
          )
        }
      </QueryState>
    </div>
  );
}
