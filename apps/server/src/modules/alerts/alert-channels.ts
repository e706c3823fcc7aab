import { createHmac } from 'node:crypto';
import type { AlertKind, AlertRule, AlertSeverity } from '@gardenwatch/contracts';

/** Who is asked to act: a role at the alert's kindergarten or district, or the police. */
export type Recipient = 'security_officer' | 'principal' | 'district_reviewer' | 'police';

/** What a channel is told: ids and codes only, never names, faces or notes. */
export interface AlertNotification {
  alertId: string;
  kind: AlertKind;
  rule: AlertRule;
  severity: AlertSeverity;
  cameraId: string | null;
  kindergartenId: string;
  districtId: string;
  at: string;
  recipient: Recipient;
  /** Why now: the alert was raised, or nobody acknowledged it in time. */
  reason: 'raised' | 'escalated';
}

export interface DeliveryResult {
  ok: boolean;
  attempts: number;
  detail: string | null;
}

/** A way of telling people of an alert (a messaging gateway, web push, ...). */
export interface NotificationChannel {
  readonly name: string;
  send(notification: AlertNotification): Promise<DeliveryResult>;
}

export interface WebhookOptions {
  url: string;
  /** Key of the HMAC-SHA256 signature the receiver checks. */
  secret: string;
  attempts?: number;
  /** Wait before each retry; the last value repeats. */
  retryDelaysMs?: number[];
  timeoutMs?: number;
}

export const SIGNATURE_HEADER = 'x-gardenwatch-signature';
export const TIMESTAMP_HEADER = 'x-gardenwatch-timestamp';

/** `sha256=<hex>` over `<timestamp>.<body>`, so that a replayed body with a new time fails. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * POSTs each notification as JSON to an SMS or messaging gateway, signed with HMAC. Network
 * errors, time-outs and 5xx/408/429 answers are retried; other 4xx answers are final.
 */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook';

  constructor(private readonly options: WebhookOptions) {}

  async send(notification: AlertNotification): Promise<DeliveryResult> {
    const { attempts = 3, retryDelaysMs = [1000, 4000], timeoutMs = 5000 } = this.options;
    const body = JSON.stringify(notification);
    let detail: string | null = null;

    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await sleep(retryDelaysMs[attempt - 2] ?? retryDelaysMs.at(-1) ?? 0);
      const outcome = await this.post(body, timeoutMs);
      if (outcome.ok) return { ok: true, attempts: attempt, detail: null };
      detail = outcome.detail;
      if (!outcome.retry) return { ok: false, attempts: attempt, detail };
    }
    return { ok: false, attempts, detail };
  }

  private async post(body: string, timeoutMs: number) {
    const timestamp = new Date().toISOString();
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signWebhook(this.options.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      if (response.ok) return { ok: true, retry: false, detail: null };
      return { ok: false, retry: retryable(response.status), detail: `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, retry: true, detail: error instanceof Error ? error.name : 'error' };
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// LIMITATION: no web push channel: it needs VAPID keys, a service worker and the browser's push
// service reachable from the server. A console that is open hears alerts over the WebSocket
// with a sound; people away from the console are reached through the webhook channel only.
