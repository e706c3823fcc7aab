import { describe, expect, it } from 'vitest';
import { languageFromPreferences, matchLanguage } from './language.ts';

describe('console language from the browser preference', () => {
  it('maps every Chinese tag to zh-CN and every English tag to en', () => {
    expect(matchLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(matchLanguage('zh')).toBe('zh-CN');
    expect(matchLanguage('en-GB')).toBe('en');
    expect(matchLanguage('fr-FR')).toBeNull();
  });

  it('takes the first preferred language the console speaks', () => {
    expect(languageFromPreferences(['fr-FR', 'en-US', 'zh-CN'])).toBe('en');
    expect(languageFromPreferences(['zh-TW', 'en'])).toBe('zh-CN');
  });

  it('falls back to Chinese when none is spoken', () => {
    expect(languageFromPreferences(['de', 'fr'])).toBe('zh-CN');
    expect(languageFromPreferences([])).toBe('zh-CN');
  });
});
