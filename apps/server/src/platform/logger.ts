import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Log lines carry a fields object and a fixed event name. Personal data is never logged:
 * bodies, cookies and authorisation headers are not serialised, and the redact list is a
 * second line of defence for fields that might slip through.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'gardenwatch' },
    redact: {
      paths: [
        'password',
        '*.password',
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        'identityNumber',
        '*.identityNumber',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method?: string; url?: string; id?: string }) => ({
        method: req.method,
        url: req.url?.split('?')[0],
        id: req.id,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
