import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, type Language, rememberLanguage } from './language.ts';
import { en } from './locales/en.ts';
import { zhCN } from './locales/zh-CN.ts';

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export async function setupI18n(): Promise<typeof i18next> {
  const lng = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}
