import type { QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { presenceEvent, presenceKey } from "./presence";
import { readStream, type SseEvent } from "./sse";

/** The query caches a platform event makes stale. */
export function staleKeys(event: SseEvent): string[][] {
  let type = "";
  try {
    type = (JSON.parse(event.data) as { type?: string }).type ?? "";
  } catch {
    return [];
  }
  if (type.startsWith("itsm.incident.")) return [["incidents"], ["incident"]];
  if (type.startsWith("itsm.problem.")) return [["problems"], ["problem"]];
  if (type.startsWith("itsm.catalog.request")) return [["requests"]];
  if (type.startsWith("itsm.catalog.")) return [["catalog"]];
  return [];
}

/** Reads the gateway's stream while signed in and invalidates the affected caches; returns whether it is open. */
export function useLiveUpdates(
  url: string,
  token: () => Promise<string | undefined>,
  queryClient: QueryClient,
  enabled: boolean,
): boolean {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    void readStream({
      url,
      token,
      signal: controller.signal,
      onStatus: (status) => setOpen(status === "open"),
      onEvent: (event) => {
        const presence = presenceEvent(event);
        if (presence) {
          queryClient.setQueryData(presenceKey(presence.recordType, presence.recordNumber), presence);
          return;
        }
        for (const key of staleKeys(event)) void queryClient.invalidateQueries({ queryKey: key });
      },
    });
    return () => controller.abort();
  }, [url, token, queryClient, enabled]);
  return open;
}
