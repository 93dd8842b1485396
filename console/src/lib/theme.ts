// Dark mode: the system setting decides (prefers-color-scheme) unless the user picked light or dark, which is kept
// in this browser. styles.css reads the choice from <html data-theme>; its colours are light-dark() pairs.
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_STORAGE_KEY = "itsm.theme";

/** The persisted choice; nothing, or anything unknown, follows the system setting. */
export function storedTheme(stored: string | null): Theme {
  return stored === "light" || stored === "dark" ? stored : "system";
}

/** Sets the document's theme: "system" removes the attribute and leaves the colours to the system setting. */
export function applyTheme(theme: Theme, root: { dataset: DOMStringMap }) {
  if (theme === "system") {
    delete root.dataset.theme;
  } else {
    root.dataset.theme = theme;
  }
}

/** Before the first render, so a chosen theme never flashes the other one. */
export function initTheme(): Theme {
  const theme = storedTheme(localStorage.getItem(THEME_STORAGE_KEY));
  applyTheme(theme, document.documentElement);
  return theme;
}

export function changeTheme(theme: Theme) {
  localStorage.setItem(THEME_STORAGE_KEY, theme);
  applyTheme(theme, document.documentElement);
}
