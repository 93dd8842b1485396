/**
 * Saved queue views, stored by the API (`/api/v1/saved-views`): a name and the incident list filters, private or
 * shared with one of the owner's assignment groups. The queue's search (a view tab, state, priority, text, sort)
 * becomes list filters when saved and comes back from them when opened. Views the console used to keep in
 * localStorage (`itsm.console.savedViews.<user>`) are imported once, then removed from the browser.
 */
import { ApiError } from "./problem";

export const QUEUE_VIEWS = ["mine", "groups", "unassigned", "breaching", "major", "open", "all"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export interface QueueSearch {
  view: QueueView;
  state?: string;
  priority?: string;
  q?: string;
  sort?: string;
  /** another user's assigned incidents (a view shared by a colleague whose "assigned to me" it was) */
  assignee?: string;
  page?: number;
}

export type Filters = Record<string, string>;

/** The API's filters of a queue tab: the work queues show open incidents only (unless a state is chosen). */
export function viewQuery(view: QueueView, username: string, state?: string) {
  return {
    open: state || view === "all" ? undefined : true,
    assignee: view === "mine" ? username : view === "unassigned" ? "none" : undefined,
    assignmentGroup: view === "groups" ? "mine" : undefined,
    slaAtRisk: view === "breaching" ? true : undefined,
    major: view === "major" ? "true" : undefined,
    defaultSort: view === "breaching" ? "slaDue" : "-updatedAt",
  };
}

/** The list filters a queue search saves (the page is not part of a view). */
export function toFilters(search: Partial<QueueSearch>, username: string): Filters {
  const base = viewQuery(search.view ?? "all", username, search.state);
  const filters: Record<string, string | boolean | undefined> = {
    open: base.open,
    assignee: search.assignee ?? base.assignee,
    assignmentGroup: base.assignmentGroup,
    slaAtRisk: base.slaAtRisk,
    major: base.major,
    state: search.state,
    priority: search.priority,
    q: search.q,
    sort: search.sort && search.sort !== base.defaultSort ? search.sort : undefined,
  };
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  );
}

/** The queue search that shows a saved view's filters. */
export function fromFilters(filters: Filters, username: string): QueueSearch {
  const { assignee, assignmentGroup, slaAtRisk, major, open } = filters;
  const view: QueueView =
    assignmentGroup === "mine"
      ? "groups"
      : assignee === "none"
        ? "unassigned"
        : assignee === username
          ? "mine"
          : slaAtRisk === "true"
            ? "breaching"
            : major === "true"
              ? "major"
              : open === "true" || filters.state
                ? "open"
                : "all";
  const search: QueueSearch = { view };
  if (assignee && assignee !== "none" && assignee !== username) search.assignee = assignee;
  for (const key of ["state", "priority", "q", "sort"] as const) if (filters[key]) search[key] = filters[key];
  return search;
}

interface StorageLike {
  getItem(key: string): string | null;
  removeItem(key: string): void;
}

export interface LocalView {
  name: string;
  search: Partial<QueueSearch>;
}

export const storageKey = (username: string) => `itsm.console.savedViews.${username}`;

/** The views an older console kept in this browser (garbage reads as none). */
export function readLocalViews(storage: StorageLike, username: string): LocalView[] {
  try {
    const parsed = JSON.parse(storage.getItem(storageKey(username)) ?? "[]");
    return Array.isArray(parsed)
      ? parsed.filter((v) => typeof v?.name === "string" && v.search && typeof v.search === "object")
      : [];
  } catch {
    return [];
  }
}

/**
 * Saves each view kept in this browser through `save`, then removes them from the browser. A view the API
 * refuses as a duplicate (409) or as invalid (400) is dropped; any other failure keeps them all for the next
 * sign-in. Returns how many were imported.
 */
export async function importLocalViews(
  storage: StorageLike,
  username: string,
  save: (name: string, filters: Filters) => Promise<unknown>,
): Promise<number> {
  const views = readLocalViews(storage, username);
  if (storage.getItem(storageKey(username)) === null) return 0;
  let imported = 0;
  for (const view of views) {
    try {
      await save(view.name.slice(0, 60), toFilters(view.search, username));
      imported++;
    } catch (error) {
      if (!(error instanceof ApiError && (error.status === 409 || error.status === 400))) return imported;
    }
  }
  storage.removeItem(storageKey(username));
  return imported;
}
