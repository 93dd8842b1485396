import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { ko } from "./ko";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalogue = Widen<typeof en>;

export const LANGUAGES = ["ko", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "itsm.language";

/** The persisted choice, else Korean when the browser prefers it, else English. */
export function initialLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (stored === "ko" || stored === "en") return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "ko" || base === "en") return base;
  }
  return "en";
}

declare global {
  interface Window {
    __missingI18nKeys?: string[];
  }
}

export function setupI18n() {
  const language = initialLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages ?? []);
  document.documentElement.lang = language;
  window.__missingI18nKeys = [];
  i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ko: { translation: ko } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (lngs, _ns, key) => {
      const entry = `${lngs.join(",")}:${key}`;
      window.__missingI18nKeys?.push(entry);
      console.error(`missing translation ${entry}`);
    },
    returnNull: false,
  });
  return i18next;
}

export function changeLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  return i18next.changeLanguage(language);
}
