import {
  gatewaySettingsUpdate,
  type GatewaySettings,
  type GatewayTransport,
} from '@gardenwatch/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../hooks/use-form.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Field } from '../ui/field.tsx';
import { useSaveGatewaySettings } from './gateway-queries.ts';

/** The connection to the police platform; the password is write-only. */
export function GatewaySettingsForm({ settings }: { settings: GatewaySettings }) {
  const { t } = useTranslation();
  const save = useSaveGatewaySettings();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    upperId: settings.upperId,
    upperDomain: settings.upperDomain,
    upperHost: settings.upperHost,
    upperPort: String(settings.upperPort),
    transport: settings.transport,
    deviceId: settings.deviceId,
    localPort: String(settings.localPort),
    password: '',
    enabled: settings.enabled,
  });
  const { values, errors, set } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body = form.check(gatewaySettingsUpdate, {
      ...values,
      upperPort: Number(values.upperPort),
      localPort: Number(values.localPort),
      password: values.password === '' ? undefined : values.password,
    });
    if (!body) return;
    save.mutate(body, {
      onSuccess: () => {
        set('password', '');
        setSaved(true);
      },
    });
  };

  const text = (key: 'upperId' | 'upperDomain' | 'upperHost' | 'deviceId', hint?: string) => (
    <Field label={t(`gateway.${key}`)} hint={hint} error={errors[key]}>
      <input name={key} value={values[key]} onChange={(e) => set(key, e.target.value)} />
    </Field>
  );
  const port = (key: 'upperPort' | 'localPort') => (
    <Field label={t(`gateway.${key}`)} error={errors[key]}>
      <input
        name={key}
        inputMode="numeric"
        value={values[key]}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  );

  return (
    <form className="form-card" onSubmit={submit} noValidate aria-label={t('gateway.settings')}>
      <h2>{t('gateway.settings')}</h2>
      <div className="form-grid">
        {text('upperId', t('gateway.idHint'))}
        {text('upperDomain')}
        {text('upperHost')}
        {port('upperPort')}
        <Field label={t('gateway.transport')} error={errors.transport}>
          <select
            name="transport"
            value={values.transport}
            onChange={(e) => set('transport', e.target.value as GatewayTransport)}
          >
            {/* Protocol names read the same in every language. */}
            <option value="udp">{'UDP'}</option>
            <option value="tcp">{'TCP'}</option>
          </select>
        </Field>
        {text('deviceId', t('gateway.deviceIdHint'))}
        {port('localPort')}
        <Field
          label={t('gateway.password')}
          hint={settings.hasPassword ? t('gateway.passwordKept') : t('gateway.passwordRequired')}
          error={errors.password}
        >
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => set('password', e.target.value)}
          />
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            name="enabled"
            checked={values.enabled}
            onChange={(e) => set('enabled', e.target.checked)}
          />
          {t('gateway.enabled')}
        </label>
      </div>
      <ErrorMessage error={save.error} />
      {saved && (
        <p className="alert alert-ok" role="status">
          {t('gateway.saved')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
