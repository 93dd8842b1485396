import { useId } from "react";
import { useTranslation } from "react-i18next";
import { changeLanguage, type Language } from "../i18n";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <span className="language-switch">
      <label htmlFor={id}>{t("app.language")}</label>
      <select
        id={id}
        data-testid="language"
        value={i18n.language}
        onChange={(e) => void changeLanguage(e.target.value as Language)}
      >
        <option value="ko" lang="ko">
          한국어
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
    </span>
  );
}
