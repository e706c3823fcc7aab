import { can } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { GatewaySettingsForm } from '../components/gateway/gateway-settings-form.tsx';
import { useGatewaySettings, useGatewayState } from '../components/gateway/gateway-queries.ts';
import { GatewayStatus } from '../components/gateway/gateway-status.tsx';
import { NotAllowed } from '../components/ui/not-allowed.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useActor } from '../hooks/use-actor.ts';

function Gateway() {
  const { t } = useTranslation();
  const settings = useGatewaySettings();
  const state = useGatewayState();
  return (
    <div className="page" data-testid="gateway-page">
      <header className="page-header">
        <h1>{t('gateway.title')}</h1>
        <p className="muted">{t('gateway.intro')}</p>
      </header>
      <QueryState query={state}>{(data) => <GatewayStatus state={data} />}</QueryState>
      <QueryState query={settings}>
        {(data) => <GatewaySettingsForm key={data.updatedAt ?? 'new'} settings={data} />}
      </QueryState>
    </div>
  );
}

/** The GB/T 28181 connection to the police platform: city administrators only. */
export function GatewayPage() {
  const actor = useActor();
  return can(actor, 'gateway.manage', { kind: 'city' }) ? <Gateway /> : <NotAllowed />;
}
