import { describe, expect, it } from "vitest";
import { deleteView, readViews, saveView, storageKey } from "./savedViews";

function memory() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

describe("saved views", () => {
  it("saves the filters without the page, replaces by name, and deletes", () => {
    const s = memory();
    saveView(s, "agent", "P1 open", { view: "open", priority: "P1", page: 3, q: "" });
    expect(readViews(s, "agent")).toEqual([{ name: "P1 open", search: { view: "open", priority: "P1" } }]);
    saveView(s, "agent", "P1 open", { view: "open", priority: "P2" });
    expect(readViews(s, "agent")).toHaveLength(1);
    expect(readViews(s, "agent")[0].search.priority).toBe("P2");
    expect(deleteView(s, "agent", "P1 open")).toEqual([]);
  });
  it("keeps each user's views apart and survives garbage", () => {
    const s = memory();
    saveView(s, "agent", "mine", { view: "mine" });
    expect(readViews(s, "other")).toEqual([]);
    s.setItem(storageKey("broken"), "{not json");
    expect(readViews(s, "broken")).toEqual([]);
  });
});
