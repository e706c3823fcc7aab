import { BehaviourMonitor, type MonitorOptions } from '../behaviour/behaviour-monitor.ts';
import { RULE_NAMES, type RuleName, type SceneFrame, type Zone } from '../behaviour/scene.ts';

export interface EvaluatedSequence {
  name: string;
  frames: readonly SceneFrame[];
  expected: readonly RuleName[];
  zones?: readonly Zone[];
  open?: boolean;
  night?: boolean;
}

export interface SequenceOutcome {
  name: string;
  expected: RuleName[];
  fired: RuleName[];
}

export interface RuleScore {
  rule: RuleName;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Undefined when the rule never fired. */
  precision: number | undefined;
  /** Undefined when no sequence expected the rule. */
  recall: number | undefined;
}

/** Runs one labelled sequence through a fresh monitor and lists the rules that fired. */
export function runSequence(
  sequence: EvaluatedSequence,
  options: Partial<MonitorOptions> = {},
): SequenceOutcome {
  const monitor = new BehaviourMonitor(
    {
      zones: sequence.zones ?? [],
      isOpen: () => sequence.open ?? true,
      isNight: () => sequence.night ?? false,
    },
    options,
  );
  const fired = new Set<RuleName>();
  for (const frame of sequence.frames) for (const hit of monitor.push(frame)) fired.add(hit.rule);
  return { name: sequence.name, expected: [...sequence.expected], fired: [...fired] };
}

/**
 * Precision and recall per rule over sequences: a rule firing on a sequence that expects it is
 * a true positive, firing on one that does not a false positive, staying silent on one that
 * expects it a false negative.
 */
export function scoreRules(outcomes: readonly SequenceOutcome[]): RuleScore[] {
  return RULE_NAMES.map((rule) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const o of outcomes) {
      const expected = o.expected.includes(rule);
      const fired = o.fired.includes(rule);
      if (expected && fired) tp++;
      else if (fired) fp++;
      else if (expected) fn++;
    }
    return {
      rule,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: tp + fp > 0 ? tp / (tp + fp) : undefined,
      recall: tp + fn > 0 ? tp / (tp + fn) : undefined,
    };
  });
}
