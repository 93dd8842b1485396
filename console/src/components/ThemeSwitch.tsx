import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { changeTheme, storedTheme, THEME_STORAGE_KEY, THEMES, type Theme } from "../lib/theme";

export function ThemeSwitch() {
  const { t } = useTranslation();
  const id = useId();
  const [theme, setTheme] = useState<Theme>(() => storedTheme(localStorage.getItem(THEME_STORAGE_KEY)));
  return (
    <span className="language-switch">
      <label htmlFor={id}>{t("theme.label")}</label>
      <select
        id={id}
        data-testid="theme"
        value={theme}
        onChange={(e) => {
          const chosen = e.target.value as Theme;
          changeTheme(chosen);
          setTheme(chosen);
        }}
      >
        {THEMES.map((option) => (
          <option key={option} value={option}>
            {t(`theme.${option}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
