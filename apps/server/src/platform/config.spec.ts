import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies the embedded defaults', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: undefined,
      natsUrl: undefined,
    });
    expect(config.dataDir).toMatch(/data$/);
    expect(config.workOrderAfterMs).toBe(5 * 60_000);
    expect(loadConfig({ WORK_ORDER_AFTER_MINUTES: '0.5' }).workOrderAfterMs).toBe(30_000);
  });

  it('lets command-line flags win over the environment', () => {
    expect(loadConfig({ PORT: '9000' }, { port: 9100 }).port).toBe(9100);
  });

  it.each([
    ['PORT', 'abc', /PORT: must be a whole number from 0 to 65535/],
    ['PORT', '70000', /PORT: must be a whole number from 0 to 65535/],
    ['SESSION_TTL_HOURS', '0', /SESSION_TTL_HOURS: must be at least 1/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL: must be a URL starting with postgres:/],
    ['NATS_URL', 'not a url', /NATS_URL/],
    ['SECRET_KEY', 'short', /SECRET_KEY: must be 64 hexadecimal/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['DEFAULT_TIMEZONE', 'Mars/Base', /DEFAULT_TIMEZONE: is not a known IANA time zone/],
    ['GARDENWATCH_DEMO_PASSWORD', 'short', /GARDENWATCH_DEMO_PASSWORD: must be at least 10/],
    ['ANALYSIS_CAMERAS', 'some', /ANALYSIS_CAMERAS: must be "all", "none" or camera ids/],
    ['ANALYSIS_CPU_CORES', '0', /ANALYSIS_CPU_CORES: must be at least 0.05/],
    ['ALERT_ESCALATION_MINUTES', 'soon', /ALERT_ESCALATION_MINUTES: must be a number/],
    ['ALERT_WEBHOOK_URL', 'https://gw.example/hook', /ALERT_WEBHOOK_SECRET: is required/],
    ['WORK_ORDER_AFTER_MINUTES', 'soon', /WORK_ORDER_AFTER_MINUTES: must be a number of minutes/],
    ['WORK_ORDER_AFTER_MINUTES', '0', /WORK_ORDER_AFTER_MINUTES: must be at least 0.1/],
    ['WORK_ORDER_AFTER_MINUTES', '2000', /WORK_ORDER_AFTER_MINUTES: must be at most 1440/],
  ])('names %s when it is %s', (variable, value, message) => {
    const attempt = () => loadConfig({ [variable]: value });

    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
  });

  it('reads the analysed cameras and the alert settings', () => {
    const id = '0b0e8a3c-7d3e-4b8e-9a51-2f1d3c4b5a69';
    expect(loadConfig({}).analysis.cameras).toBe('default');
    expect(loadConfig({ ANALYSIS_CAMERAS: 'none' }).analysis.cameras).toEqual([]);
    expect(loadConfig({ ANALYSIS_CAMERAS: `${id},${id}` }).analysis.cameras).toEqual([id, id]);
    const alerts = loadConfig({
      ALERT_ESCALATION_MINUTES: '0.5',
      ALERT_WEBHOOK_URL: 'https://gw.example/hook',
      ALERT_WEBHOOK_SECRET: 'sixteen-chars-at-least',
    }).alerts;
    expect(alerts).toEqual({
      escalationMs: 30_000,
      cooldownMs: 120_000,
      webhook: { url: 'https://gw.example/hook', secret: 'sixteen-chars-at-least' },
    });
  });
});
