import type { SseEvent } from "./sse";

/**
 * Presence on a record (`/api/v1/presence/{recordType}/{recordNumber}` at the gateway): who else has it open, and
 * whether they are writing on it. This tab says it is there with a heartbeat every 15 s (the gateway forgets an
 * entry 45 s after its latest one), `editing` while one of its editors holds unsent text, and leaves on closing.
 */
export type RecordType = "incident" | "problem" | "request";
export type Activity = "viewing" | "editing";

export interface PresentUser {
  user: string;
  displayName: string;
  activity: Activity;
  since: string;
}

export interface PresenceView {
  recordType: string;
  recordNumber: string;
  present: PresentUser[];
}

export const HEARTBEAT_MS = 15_000;

/** Tells this tab's heartbeats apart from the same user's other tabs. */
export const TAB_SESSION = `tab-${Math.random().toString(36).slice(2, 12)}`;

export function presenceKey(recordType: string, recordNumber: string): string[] {
  return ["presence", recordType, recordNumber];
}

export function presencePath(recordType: string, recordNumber: string): string {
  return `/api/v1/presence/${encodeURIComponent(recordType)}/${encodeURIComponent(recordNumber)}`;
}

/** A `presence` event of the stream, or null for any other event. */
export function presenceEvent(event: SseEvent): PresenceView | null {
  if (event.event !== "presence") return null;
  try {
    const view = JSON.parse(event.data) as PresenceView;
    return typeof view.recordType === "string" && Array.isArray(view.present) ? view : null;
  } catch {
    return null;
  }
}

/** Those writing on the record (the collision warning) apart from those only viewing it. */
export function summarize(view: PresenceView | undefined, self: string) {
  const others = (view?.present ?? []).filter((p) => p.user !== self);
  return {
    editing: others.filter((p) => p.activity === "editing"),
    viewing: others.filter((p) => p.activity !== "editing"),
  };
}

// The editors of the open record holding unsent text; one record is open per tab.
const editors = new Set<string>();
const listeners = new Set<() => void>();

/** An editor (a composer, an edit form) holds unsent text, or no longer does. */
export function setEditing(editor: string, active: boolean): void {
  const had = editors.has(editor);
  if (active === had) return;
  if (active) editors.add(editor);
  else editors.delete(editor);
  for (const listener of listeners) listener();
}

export function activity(): Activity {
  return editors.size > 0 ? "editing" : "viewing";
}

export function subscribeActivity(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
