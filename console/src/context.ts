import { createContext, useContext } from "react";
import type { Api } from "./api/client";
import type { ConsoleConfig } from "./config";

export interface AppContextValue {
  api: Api;
  config: ConsoleConfig;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApi(): Api {
  const value = useContext(AppContext);
  if (!value) throw new Error("useApi outside AppContext");
  return value.api;
}
