import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import relativeTime from 'dayjs/plugin/relativeTime';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../services/api';
import { CATALOGUES } from './catalogue';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const STORAGE_KEY = 'biobridge.locale';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const DAYJS_LOCALE: Record<Language, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage may be unavailable (private mode); fall through to the default
  }
  return 'zh-CN';
}

function applySideEffects(lang: string): void {
  const language: Language = isLanguage(lang) ? lang : 'zh-CN';
  setApiLanguage(language);
  dayjs.locale(DAYJS_LOCALE[language]);
  document.documentElement.lang = language;
}

const lng = initialLanguage();
applySideEffects(lng);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: CATALOGUES['zh-CN'] }, 'zh-TW': { translation: CATALOGUES['zh-TW'] }, en: { translation: CATALOGUES.en } },
  lng,
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (lang) => {
  applySideEffects(lang);
  try {
    if (isLanguage(lang)) localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore storage failures
  }
});

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

export default i18n;
