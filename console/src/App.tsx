import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import type { UserManager } from "oidc-client-ts";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { createApi } from "./api/client";
import { AuthProvider, useAuth } from "./auth/auth";
import { LanguageSwitch } from "./components/LanguageSwitch";
import type { ConsoleConfig } from "./config";
import { AppContext } from "./context";
import { ApiError } from "./lib/problem";
import { createAppRouter } from "./router";

export function App({ config, manager }: { config: ConsoleConfig; manager: UserManager }) {
  return (
    <AuthProvider manager={manager}>
      <Gate config={config} />
    </AuthProvider>
  );
}

function Gate({ config }: { config: ConsoleConfig }) {
  const { session, signIn, accessToken } = useAuth();
  const { t } = useTranslation();
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 15_000,
            retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
          },
        },
      }),
  );
  const api = useMemo(() => createApi(config.gatewayUrl, accessToken), [config.gatewayUrl, accessToken]);
  const router = useMemo(() => createAppRouter(queryClient), [queryClient]);

  if (!session) {
    return (
      <main className="signed-out" id="main">
        <h1>{t("app.signedOutTitle")}</h1>
        <p>{t("app.signedOutText")}</p>
        <button type="button" className="primary" onClick={() => void signIn()}>
          {t("app.signIn")}
        </button>
        <LanguageSwitch />
      </main>
    );
  }
  return (
    <QueryClientProvider client={queryClient}>
      <AppContext.Provider value={{ api, config }}>
        <RouterProvider router={router} />
      </AppContext.Provider>
    </QueryClientProvider>
  );
}
