export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'zh-CN';
const STORAGE_KEY = 'gw.lang';

const isLanguage = (value: string | null): value is Language =>
  value !== null && (languages as readonly string[]).includes(value);

/** Maps one browser language tag (`zh-Hans-CN`, `en-GB`) to a console language, if any. */
export function matchLanguage(tag: string): Language | null {
  const lower = tag.toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return null;
}

/** The first of the browser's preferred languages that the console speaks. */
export function languageFromPreferences(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const match = matchLanguage(tag);
    if (match !== null) return match;
  }
  return defaultLanguage;
}

/** The remembered choice, else the browser's preference. */
export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(saved)) return saved;

  return languageFromPreferences(
    navigator.languages.length > 0 ? navigator.languages : [navigator.language],
  );
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}
