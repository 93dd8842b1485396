import { type User, UserManager, WebStorageStateStore } from "oidc-client-ts";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { ConsoleConfig } from "../config";

export interface Session {
  user: User;
  username: string;
  name: string;
  roles: string[];
  isAgent: boolean;
  isRequester: boolean;
  /** Works on problems: agents propose and link, problem managers (and admins) run the analysis. */
  isProblemStaff: boolean;
  /** May approve requests (any platform role: the approver a request names may be a plain requester): the inbox. */
  mayApprove: boolean;
}

interface AuthContextValue {
  session: Session | null;
  signIn: () => Promise<void>;
  signOut: () => Promise<void>;
  accessToken: () => Promise<string | undefined>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export const PLATFORM_ROLES = [
  "itsm-admin",
  "itsm-agent",
  "itsm-requester",
  "itsm-change-manager",
  "itsm-cab-member",
  "itsm-problem-manager",
  "itsm-catalog-manager",
];

/** The realm roles of an access token (a JWT) that belong to the platform. */
export function rolesOf(accessToken: string): string[] {
  try {
    const payload = accessToken.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const claims = JSON.parse(atob(payload)) as { realm_access?: { roles?: string[] } };
    return (claims.realm_access?.roles ?? []).filter((r) => PLATFORM_ROLES.includes(r));
  } catch {
    return [];
  }
}

function toSession(user: User | null): Session | null {
  if (!user || user.expired) return null;
  const roles = rolesOf(user.access_token);
  const username = (user.profile.preferred_username as string | undefined) ?? user.profile.sub;
  return {
    user,
    username,
    name: (user.profile.name as string | undefined) ?? username,
    roles,
    isAgent: roles.includes("itsm-agent") || roles.includes("itsm-admin"),
    isRequester: roles.includes("itsm-requester"),
    isProblemStaff: ["itsm-agent", "itsm-problem-manager", "itsm-admin"].some((r) => roles.includes(r)),
    mayApprove: roles.length > 0,
  };
}

export function createUserManager(config: ConsoleConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: `${config.keycloakUrl}/realms/${config.realm}`,
    client_id: config.clientId,
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: "code",
    scope: "openid profile",
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

export function AuthProvider({ manager, children }: { manager: UserManager; children: ReactNode }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  useEffect(() => {
    let active = true;
    const load = (user: User | null) => {
      if (active) setSession(toSession(user));
    };
    const start = async () => {
      if (window.location.pathname === "/auth/callback") {
        try {
          const user = await manager.signinRedirectCallback();
          const target = (user.state as string | undefined) ?? "/";
          window.history.replaceState(null, "", target);
          load(user);
          return;
        } catch {
          window.history.replaceState(null, "", "/");
        }
      }
      load(await manager.getUser());
    };
    void start();
    manager.events.addUserLoaded(load);
    const unloaded = () => load(null);
    manager.events.addUserUnloaded(unloaded);
    manager.events.addSilentRenewError(unloaded);
    return () => {
      active = false;
      manager.events.removeUserLoaded(load);
      manager.events.removeUserUnloaded(unloaded);
      manager.events.removeSilentRenewError(unloaded);
    };
  }, [manager]);

  const value = useMemo<AuthContextValue>(
    () => ({
      session: session ?? null,
      signIn: () =>
        manager.signinRedirect({
          state: window.location.pathname + window.location.search,
          ui_locales: document.documentElement.lang,
        }),
      signOut: () => manager.signoutRedirect(),
      accessToken: async () => {
        const user = await manager.getUser();
        if (user?.expired) {
          try {
            return (await manager.signinSilent())?.access_token;
          } catch {
            return undefined;
          }
        }
        return user?.access_token;
      },
    }),
    [manager, session],
  );

  if (session === undefined) return null;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth outside AuthProvider");
  return value;
}

export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error("no session");
  return session;
}
