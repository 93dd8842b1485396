import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** Dates in the user's locale and time zone (the browser's), through Intl. */
export function formatDateTime(value: string | undefined | null, locale: string): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

export function useFormat() {
  const { i18n } = useTranslation();
  return {
    dateTime: (value: string | undefined | null) => formatDateTime(value, i18n.language),
    locale: i18n.language,
  };
}

/** The current time, ticking every `ms` so countdowns move. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
