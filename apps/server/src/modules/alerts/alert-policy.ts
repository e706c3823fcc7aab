import type { AlertKind, AlertRule, AlertSeverity, EscalationLevel } from '@gardenwatch/contracts';
import { escalationLevels } from '@gardenwatch/contracts';

interface RulePolicy {
  kind: AlertKind;
  /** Severity when the rule itself does not call the hit severe. */
  severity: AlertSeverity;
}

/** What each rule's hit is as an alert. A rule that calls its hit severe makes it severe. */
export const RULE_POLICY: Record<AlertRule, RulePolicy> = {
  striking: { kind: 'abuse', severity: 'high' },
  'push-or-drag': { kind: 'abuse', severity: 'high' },
  'rough-lifting': { kind: 'abuse', severity: 'high' },
  'child-fall': { kind: 'fall', severity: 'high' },
  'child-alone': { kind: 'other', severity: 'medium' },
  fighting: { kind: 'other', severity: 'high' },
  'zone-intrusion': { kind: 'intrusion', severity: 'medium' },
  'gate-loitering': { kind: 'intrusion', severity: 'low' },
  'blacklisted-face': { kind: 'blacklist_sighting', severity: 'severe' },
  'unknown-adult': { kind: 'intrusion', severity: 'medium' },
};

export function levelName(level: number): EscalationLevel {
  return (
    escalationLevels[Math.min(Math.max(level, 0), escalationLevels.length - 1)] ??
    'security_officer'
  );
}

export const TOP_LEVEL = escalationLevels.length - 1;

/** Severe alerts in key areas go to the police at once, beside the kindergarten's chain. */
export const goesToPolice = (severity: AlertSeverity, isKeyArea: boolean): boolean =>
  severity === 'severe' && isKeyArea;
