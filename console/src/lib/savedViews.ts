/**
 * Saved queue views: a name and the queue's search (view, filters, sort). Kept in the browser's localStorage,
 * per user, until the API stores them (a separate API step).
 */
export interface SavedView {
  name: string;
  search: Record<string, string | number | undefined>;
}

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const storageKey = (username: string) => `itsm.console.savedViews.${username}`;

export function readViews(storage: StorageLike, username: string): SavedView[] {
  try {
    const parsed = JSON.parse(storage.getItem(storageKey(username)) ?? "[]");
    return Array.isArray(parsed)
      ? parsed.filter((v) => typeof v?.name === "string" && v.search && typeof v.search === "object")
      : [];
  } catch {
    return [];
  }
}

/** Adds or replaces (by name) a view; the page is not part of a view. Returns the new list. */
export function saveView(
  storage: StorageLike,
  username: string,
  name: string,
  search: SavedView["search"],
): SavedView[] {
  const clean = Object.fromEntries(
    Object.entries(search).filter(([k, v]) => k !== "page" && v !== undefined && v !== ""),
  );
  const views = [...readViews(storage, username).filter((v) => v.name !== name), { name, search: clean }];
  storage.setItem(storageKey(username), JSON.stringify(views));
  return views;
}

export function deleteView(storage: StorageLike, username: string, name: string): SavedView[] {
  const views = readViews(storage, username).filter((v) => v.name !== name);
  storage.setItem(storageKey(username), JSON.stringify(views));
  return views;
}
