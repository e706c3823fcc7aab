import type { Role, UserScope } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import type { OrgOption } from '../../hooks/use-org-names.ts';
import { Field } from '../ui/field.tsx';

interface ScopeFieldsProps {
  role: Role;
  scope: UserScope;
  districts: OrgOption[];
  kindergartens: OrgOption[];
  error?: string | undefined;
  onChange: (scope: UserScope) => void;
}

const kindergartenRoles: Role[] = ['principal', 'security_officer', 'parent'];

/** The scope a role needs: none, a district, a kindergarten, or kindergartens to maintain. */
export function ScopeFields({
  role,
  scope,
  districts,
  kindergartens,
  error,
  onChange,
}: ScopeFieldsProps) {
  const { t } = useTranslation();
  if (kindergartenRoles.includes(role)) {
    return (
      <Field label={t('users.kindergarten')} error={error}>
        <select
          name="kindergartenId"
          value={scope.kindergartenId ?? ''}
          onChange={(e) =>
            onChange({ kindergartenId: e.target.value === '' ? null : e.target.value })
          }
        >
          <option value="">{t('users.chooseKindergarten')}</option>
          {kindergartens.map((kg) => (
            <option key={kg.id} value={kg.id}>
              {kg.name}
            </option>
          ))}
        </select>
      </Field>
    );
  }
  if (role === 'maintainer') {
    const chosen = new Set(scope.maintainedKindergartenIds ?? []);
    const toggle = (id: string, on: boolean) => {
      if (on) chosen.add(id);
      else chosen.delete(id);
      onChange({ maintainedKindergartenIds: [...chosen] });
    };
    return (
      <fieldset className="field checks">
        <legend>{t('users.maintained')}</legend>
        {kindergartens.map((kg) => (
          <label key={kg.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.has(kg.id)}
              onChange={(e) => toggle(kg.id, e.target.checked)}
            />
            {kg.name}
          </label>
        ))}
        {error && <span className="field-error">{error}</span>}
      </fieldset>
    );
  }
  if (role === 'district_reviewer' || role === 'police') {
    return (
      <Field label={t('users.district')} error={error}>
        <select
          name="districtId"
          value={scope.districtId ?? ''}
          onChange={(e) => onChange({ districtId: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">
            {role === 'police' ? t('users.wholeCity') : t('users.chooseDistrict')}
          </option>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
    );
  }
  return null;
}
