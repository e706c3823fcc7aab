import type { AreaCoverageView, DoriLevelName } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';

const rank = (level: DoriLevelName | null) =>
  level === null ? -1 : ['detect', 'observe', 'recognise', 'identify'].indexOf(level);

export const percent = (share: number | null) =>
  share === null ? '—' : `${(Math.floor(share * 1000) / 10).toFixed(1)}%`;

/** Per area: the share covered at its required level, and the level reached everywhere. */
export function AreaCoverageTable({
  areas,
}: {
  areas: Omit<AreaCoverageView, 'cameraIds' | 'shareByLevel' | 'coveredM2'>[];
}) {
  const { t } = useTranslation();
  return (
    <table className="table" data-testid="area-coverage">
      <thead>
        <tr>
          <th>{t('coverage.area')}</th>
          <th>{t('coverage.required')}</th>
          <th>{t('coverage.reached')}</th>
          <th className="num">{t('coverage.share')}</th>
        </tr>
      </thead>
      <tbody>
        {areas.map((a) => (
          <tr
            key={a.areaId}
            className={rank(a.reachedLevel) < rank(a.requiredLevel) ? 'short' : ''}
          >
            <td>
              {a.name}
              {a.isKey && <span className="badge">{t('coverage.key')}</span>}
            </td>
            <td>{t(`coverage.level.${a.requiredLevel}`)}</td>
            <td>{a.reachedLevel ? t(`coverage.level.${a.reachedLevel}`) : t('coverage.none')}</td>
            <td className="num">{percent(a.coveredShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
