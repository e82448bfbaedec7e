import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import ruRU from 'antd/locale/ru_RU';
import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { en, MessageKey, Messages } from './en';
import { ru } from './ru';

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export type Params = Record<string, string | number>;

const MESSAGES: Record<Locale, Messages> = { en, ru };
const ANTD_LOCALES = { en: enUS, ru: ruRU };
const STORAGE_KEY = 'docket.locale';

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The text of a key in the current language, with {placeholders} filled in. */
  t(key: MessageKey, params?: Params): string;
  /** For keys built at run time (error codes, permission codes): the fallback when the key is unknown. */
  tOr(key: string, fallback: string, params?: Params): string;
}

const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

function fill(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'ru') return stored;
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const i18n = useMemo<I18n>(() => {
    const messages = MESSAGES[locale];
    dayjs.locale(locale);
    document.documentElement.lang = locale;
    return {
      locale,
      setLocale,
      t: (key, params) => fill(messages[key], params),
      tOr: (key, fallback, params) => fill(Object.hasOwn(messages, key) ? messages[key as MessageKey] : fallback, params),
    };
  }, [locale, setLocale]);
  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider locale={ANTD_LOCALES[locale]}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
}
