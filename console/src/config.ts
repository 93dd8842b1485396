/** Runtime configuration, read from /config.json of the console's origin (never baked into the bundle). */
export interface ConsoleConfig {
  gatewayUrl: string;
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch("/config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  const config = (await response.json()) as ConsoleConfig;
  for (const key of ["gatewayUrl", "keycloakUrl", "realm", "clientId"] as const) {
    if (typeof config[key] !== "string" || config[key] === "") throw new Error(`config.json lacks ${key}`);
  }
  return config;
}
