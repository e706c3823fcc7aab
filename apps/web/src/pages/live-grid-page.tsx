import type { Camera } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../components/ui/query-state.tsx';
import { LivePlayer } from '../components/video/live-player.tsx';
import { videoAccessOf } from '../components/video/video-access.ts';
import { useCameras } from '../components/video/video-queries.ts';
import { VideoRefusal } from '../components/video/video-refusal.tsx';
import { useActor } from '../hooks/use-actor.ts';
import { useKindergartenPage } from '../hooks/use-kindergarten-page.ts';
import { useOrgNames } from '../hooks/use-org-names.ts';
import '../components/video/video.css';

const layouts = [1, 4, 9, 16] as const;

function LiveGrid({ cameras }: { cameras: Camera[] }) {
  const { t } = useTranslation();
  const { nameOf } = useOrgNames();
  const [params, setParams] = useSearchParams();
  const layout = layouts.find((n) => String(n) === params.get('layout')) ?? 4;
  const kindergartens = [...new Set(cameras.map((c) => c.kindergartenId))];
  const chosen = params.get('kindergarten') ?? kindergartens[0] ?? '';
  const choose = (name: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(name, value);
      return next;
    });
  const inKindergarten = cameras.filter((c) => c.kindergartenId === chosen);
  const areas = useAreaChoices(chosen, inKindergarten);
  const area = areas.find((a) => a.id === params.get('area'))?.id ?? '';
  const shown = inKindergarten.filter((c) => !area || c.areaId === area).slice(0, layout);
  return (
    <>
      <div className="page-actions">
        {kindergartens.length > 1 && (
          <label className="field">
            <span>{t('video.kindergarten')}</span>
            <select value={chosen} onChange={(e) => choose('kindergarten', e.target.value)}>
              {kindergartens.map((id) => (
                <option key={id} value={id}>
                  {nameOf(id)}
                </option>
              ))}
            </select>
          </label>
        )}
        {areas.length > 1 && (
          <label className="field">
            <span>{t('video.area')}</span>
            <select value={area} onChange={(e) => choose('area', e.target.value)}>
              <option value="">{t('video.allAreas')}</option>
              {areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {area && (
          <Link className="button" to={`/video/areas/${area}/playback`}>
            {t('video.areaPlayback')}
          </Link>
        )}
        <div className="layout-switch" role="group" aria-label={t('video.layout')}>
          {layouts.map((n) => (
            <button
              key={n}
              type="button"
              className="button button-quiet"
              aria-pressed={layout === n}
              onClick={() => choose('layout', String(n))}
            >
              {t('video.layoutOf', { count: n })}
            </button>
          ))}
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('video.noCameras')}</p>
      ) : (
        <div className="video-grid" style={{ ['--cols' as string]: Math.sqrt(layout) }}>
          {shown.map((camera) => (
            <div className="video-tile" key={camera.id}>
              <LivePlayer cameraId={camera.id} stream="sub" label={camera.name} />
              <div className="video-tile-bar">
                <Link to={`/video/cameras/${camera.id}`}>{camera.name}</Link>
                <Link to={`/video/cameras/${camera.id}/playback`}>{t('video.playback')}</Link>
              </div>
            </div>
          ))}
        </div>
      )}
    </>
  );
}

/** The areas of a kindergarten that have cameras, by name, for the grid's area filter. */
function useAreaChoices(kindergartenId: string, cameras: Camera[]) {
  const page = useKindergartenPage(kindergartenId);
  const filmed = new Set(cameras.map((c) => c.areaId));
  return (page.data?.buildings ?? [])
    .flatMap((b) => b.floors.flatMap((f) => f.areas))
    .filter((a) => filmed.has(a.id))
    .map((a) => ({ id: a.id, name: a.name }));
}

/** Live grid of a kindergarten's or an area's cameras (sub streams), 1, 4, 9 or 16 at a time. */
export function LiveGridPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const cameras = useCameras();
  if (!videoAccessOf(actor).live) return <VideoRefusal what="live" />;
  return (
    <div className="page" data-testid="live-grid-page">
      <header className="page-header">
        <h1>{t('video.liveTitle')}</h1>
        <p className="muted">{t('video.liveIntro')}</p>
      </header>
      <QueryState query={cameras}>
        {(data) => <LiveGrid cameras={data.items.filter((c) => c.archivedAt === null)} />}
      </QueryState>
    </div>
  );
}
