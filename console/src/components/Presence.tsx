import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useContext, useEffect, useId, useRef, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { useAuth, useSession } from "../auth/auth";
import { AppContext } from "../context";
import {
  activity,
  HEARTBEAT_MS,
  type PresenceView,
  presenceKey,
  presencePath,
  type RecordType,
  setEditing,
  subscribeActivity,
  summarize,
  TAB_SESSION,
} from "../lib/presence";
import { ApiError } from "../lib/problem";

/** Marks this tab as editing the open record while `active` (an editor holds unsent text). */
export function useEditing(active: boolean): void {
  const editor = useId();
  useEffect(() => {
    setEditing(editor, active);
    return () => setEditing(editor, false);
  }, [editor, active]);
}

/**
 * Who else has the record open, live, and a warning when one of them is writing on it. Sends this tab's
 * heartbeats while mounted (staff only: requesters take no part) and leaves when unmounted or closed.
 */
export function PresenceBar({
  recordType,
  recordNumber = "",
}: {
  recordType: RecordType;
  recordNumber: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const { accessToken } = useAuth();
  const app = useContext(AppContext);
  const queryClient = useQueryClient();
  const staff = session.roles.some((role) => role !== "itsm-requester") && recordNumber !== "";
  const current = useSyncExternalStore(subscribeActivity, activity);
  const key = presenceKey(recordType, recordNumber);
  const url = `${app?.config.gatewayUrl}${presencePath(recordType, recordNumber)}`;

  // The latest token, kept so that leaving can send its DELETE synchronously while the page unloads.
  const latestToken = useRef<string | undefined>(undefined);
  const call = async (method: "GET" | "PUT"): Promise<PresenceView> => {
    const token = await accessToken();
    latestToken.current = token;
    const response = await fetch(url, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(method === "PUT" ? { "Content-Type": "application/json" } : {}),
      },
      body: method === "PUT" ? JSON.stringify({ activity: activity(), session: TAB_SESSION }) : undefined,
    });
    if (!response.ok) throw new ApiError(response.status, { status: response.status });
    return (await response.json()) as PresenceView;
  };

  const view = useQuery({
    queryKey: key,
    queryFn: () => call("GET"),
    enabled: staff,
    refetchOnWindowFocus: false,
  });

  // A heartbeat at once, on each change between viewing and editing, and every 15 s; leaving on unmount or close.
  // biome-ignore lint/correctness/useExhaustiveDependencies: call and key follow url, recordType and recordNumber
  useEffect(() => {
    if (!staff) return;
    const beat = () =>
      void call("PUT")
        .then((fresh) => queryClient.setQueryData(key, fresh))
        .catch(() => undefined);
    beat();
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    return () => window.clearInterval(timer);
  }, [staff, url, current]);

  useEffect(() => {
    if (!staff) return;
    // keepalive only while the page unloads (the request may outlive it); otherwise an ordinary request
    const leave = (keepalive: boolean) =>
      void fetch(`${url}?session=${TAB_SESSION}`, {
        method: "DELETE",
        keepalive,
        headers: latestToken.current ? { Authorization: `Bearer ${latestToken.current}` } : {},
      }).catch(() => undefined);
    const unloading = () => leave(true);
    window.addEventListener("pagehide", unloading);
    return () => {
      window.removeEventListener("pagehide", unloading);
      leave(false);
    };
  }, [staff, url]);

  if (!staff) return null;
  const { editing, viewing } = summarize(view.data, session.username);
  const names = (people: { displayName: string }[]) =>
    new Intl.ListFormat(i18n.language, { type: "conjunction" }).format(people.map((p) => p.displayName));
  return (
    <section className="presence" aria-label={t("presence.region")} data-testid="presence">
      <div aria-live="polite" aria-atomic="true">
        {editing.length > 0 && (
          <p className="presence-warning" data-testid="presence-warning">
            <span aria-hidden="true">⚠ </span>
            {t("presence.editing", { names: names(editing) })}
          </p>
        )}
        {editing.length + viewing.length > 0 && (
          <p className="presence-others" data-testid="presence-others">
            {t("presence.others")}{" "}
            {[...editing, ...viewing].map((p) => (
              <span key={p.user} className={`presence-person ${p.activity}`} data-user={p.user}>
                {p.displayName} <small>({t(`presence.activity.${p.activity}`)})</small>
              </span>
            ))}
          </p>
        )}
      </div>
    </section>
  );
}
