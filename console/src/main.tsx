import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { App } from "./App";
import { createUserManager } from "./auth/auth";
import { loadConfig } from "./config";
import { setupI18n } from "./i18n";
import { initTheme } from "./lib/theme";
import "./styles.css";

initTheme();
const i18n = setupI18n();
const root = createRoot(document.getElementById("root") as HTMLElement);

loadConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <App config={config} manager={createUserManager(config)} />
        </I18nextProvider>
      </StrictMode>,
    ),
  () => root.render(<p role="alert">{i18n.t("app.configError")}</p>),
);
