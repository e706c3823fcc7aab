import {
  alertRaisedEventSchema,
  alertSubjects,
  type AlertKind,
  type AlertRaisedEvent,
} from '@gardenwatch/contracts';
import type { Bus } from '../../platform/bus.ts';
import type { Logger } from '../../platform/logger.ts';

export interface SevereAlert {
  /** The camera that saw it; the alarm names its channel when the camera is shared. */
  cameraId?: string | null;
  /** 1 (most severe) to 4. */
  priority: 1 | 2 | 3 | 4;
  /** Alarm type within video alarms (method 5); 2 when not given. */
  type?: number;
  at: Date;
  description: string;
}

/**
 * How each kind of alert reads on the police platform. Types are those of video alarms
 * (method 5) in GB/T 28181-2016 annex A.2.5: 2 moving-target detection, 6 intrusion detection,
 * 11 video anomaly. Descriptions are in Chinese, the police platform's language, and name the
 * kind only: no person, no free text from the alert.
 */
const ALARMS: Record<AlertKind, { type: number; description: string }> = {
  abuse: { type: 2, description: '疑似成人伤害儿童行为' },
  fall: { type: 2, description: '儿童跌倒' },
  blacklist_sighting: { type: 2, description: '发现禁止从业人员' },
  intrusion: { type: 6, description: '区域入侵' },
  tamper: { type: 11, description: '摄像机遮挡、失焦或移位' },
  other: { type: 2, description: '严重告警' },
};

export function alarmOf(event: AlertRaisedEvent): SevereAlert {
  const alarm = ALARMS[event.kind];
  return {
    cameraId: event.cameraId,
    priority: 1,
    type: alarm.type,
    at: new Date(event.at),
    description: alarm.description,
  };
}

/**
 * Forwards every severe alert raised on the bus to the police platform as an Alarm
 * notification (section 9.4); lesser alerts stay inside Gardenwatch.
 */
export function subscribeSevereAlerts(options: {
  bus: Bus;
  logger: Logger;
  forward: (alert: SevereAlert) => Promise<number>;
}): () => void {
  const { bus, logger } = options;
  return bus.subscribe(alertSubjects.raised, async (message) => {
    const parsed = alertRaisedEventSchema.safeParse(message.payload);
    if (!parsed.success) {
      logger.warn({ subject: message.subject }, 'gateway.alert.invalid');
      return;
    }
    const event = parsed.data;
    if (event.severity !== 'severe') return;
    // LIMITATION: an alert raised while the police platform is unreachable is not queued for
    // later; it is logged here and stays visible in Gardenwatch's own alert list.
    try {
      const status = await options.forward(alarmOf(event));
      logger.info({ alertId: event.alertId, status }, 'gateway.alert.forwarded');
    } catch (error) {
      logger.warn({ alertId: event.alertId, err: error }, 'gateway.alert.not_forwarded');
    }
  });
}
