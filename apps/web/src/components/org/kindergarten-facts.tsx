import type { KindergartenPage } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/time.ts';

export function KindergartenFacts({ page }: { page: KindergartenPage }) {
  const { t, i18n } = useTranslation();
  const kg = page.kindergarten;
  const areas = page.buildings.flatMap((b) => b.floors.flatMap((f) => f.areas));
  const keyAreas = areas.filter((a) => a.isKey).length;
  const facts: Array<[string, string, string]> = [
    ['type', t('kindergarten.type'), t(`kindergartenTypes.${kg.type}`)],
    ['children', t('kindergarten.children'), kg.childrenCount.toLocaleString(i18n.language)],
    ['size-grade', t('kindergarten.sizeGrade'), t(`sizeGrades.${kg.sizeGrade}`)],
    ['address', t('kindergarten.address'), kg.address],
    ['district', t('kindergarten.district'), page.district.name],
    [
      'areas',
      t('kindergarten.areaCount'),
      t('layout.areaSummary', { areas: areas.length, key: keyAreas }),
    ],
    ['timezone', t('kindergarten.timezone'), kg.timezone],
    ['updated', t('kindergarten.updatedAt'), formatDateTime(kg.updatedAt, kg.timezone)],
  ];

  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t('kindergarten.facts')}</h2>
      <dl className="facts">
        {facts.map(([id, label, value]) => (
          <div key={id} className="fact" data-testid={`fact-${id}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
