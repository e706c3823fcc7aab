import { useTranslation } from 'react-i18next';
import type { DraftCamera } from './plan-draft.ts';

type NumberField = 'direction' | 'fov' | 'range' | 'resolutionX' | 'mountHeight' | 'x' | 'y';
const fields: NumberField[] = ['x', 'y', 'direction', 'fov', 'range', 'resolutionX', 'mountHeight'];

/** The selected camera's numbers; each change is one undo step. */
export function CameraPanel(props: {
  camera: DraftCamera;
  onChange: (patch: Partial<DraftCamera>) => void;
}) {
  const { t } = useTranslation();
  const { camera, onChange } = props;
  return (
    <fieldset className="camera-panel" data-testid="camera-panel">
      <legend>{t('coverage.camera.title')}</legend>
      <label>
        {t('coverage.camera.name')}
        <input value={camera.name} onChange={(e) => onChange({ name: e.target.value })} />
      </label>
      <label>
        {t('coverage.camera.type')}
        <select
          value={camera.type}
          onChange={(e) => {
            const type = e.target.value === 'fisheye' ? 'fisheye' : 'fixed';
            onChange({ type, fov: type === 'fisheye' ? 360 : 90 });
          }}
        >
          <option value="fixed">{t('coverage.camera.fixed')}</option>
          <option value="fisheye">{t('coverage.camera.fisheye')}</option>
        </select>
      </label>
      {fields.map((field) => (
        <label key={field}>
          {t(`coverage.camera.${field}`)}
          <input
            type="number"
            step="any"
            name={field}
            value={Math.round(camera[field] * 100) / 100}
            disabled={field === 'fov' && camera.type === 'fisheye'}
            onChange={(e) => {
              const value = Number(e.target.value);
              if (Number.isFinite(value)) onChange({ [field]: value });
            }}
          />
        </label>
      ))}
    </fieldset>
  );
}
