import { describe, expect, it } from 'vitest';
import { runSequence, scoreRules } from './harness.ts';
import { behaviourSequences, lookAlikeSequences } from './sequences.ts';

describe('behaviour rules on constructed sequences', () => {
  const behaviours = behaviourSequences();
  const lookAlikes = lookAlikeSequences();

  it.each(behaviours.map((s) => [s.name, s] as const))('raises %s', (_, sequence) => {
    const outcome = runSequence(sequence);
    expect(outcome.fired).toEqual(sequence.expected);
  });

  it.each(lookAlikes.map((s) => [s.name, s] as const))('stays silent on %s', (_, sequence) => {
    expect(runSequence(sequence).fired).toEqual([]);
  });

  it('covers every rule with a behaviour and scores them all', () => {
    const scores = scoreRules([...behaviours, ...lookAlikes].map((s) => runSequence(s)));
    for (const score of scores) {
      expect(score.truePositives, score.rule).toBeGreaterThan(0);
      expect(score.recall, score.rule).toBe(1);
      expect(score.precision, score.rule).toBe(1);
    }
  });

  it('counts false positives and negatives', () => {
    const scores = scoreRules([
      { name: 'a', expected: ['striking'], fired: [] },
      { name: 'b', expected: [], fired: ['striking'] },
      { name: 'c', expected: ['striking'], fired: ['striking'] },
    ]);
    expect(scores.find((s) => s.rule === 'striking')).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 0.5,
      recall: 0.5,
    });
    expect(scores.find((s) => s.rule === 'fighting')?.precision).toBeUndefined();
  });
});
