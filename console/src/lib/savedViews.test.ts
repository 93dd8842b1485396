import { describe, expect, it } from "vitest";
import { ApiError } from "./problem";
import { fromFilters, importLocalViews, storageKey, toFilters } from "./savedViews";

function memory(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    removeItem: (k: string) => void map.delete(k),
  };
}

describe("saved views", () => {
  it("turns each queue tab into list filters and back", () => {
    for (const view of ["mine", "groups", "unassigned", "breaching", "major", "open", "all"] as const) {
      const filters = toFilters({ view, priority: "P1" }, "agent");
      expect(fromFilters(filters, "agent")).toEqual({ view, priority: "P1" });
    }
    expect(toFilters({ view: "groups", page: 3 }, "agent")).toEqual({
      open: "true",
      assignmentGroup: "mine",
    });
    expect(toFilters({ view: "breaching", sort: "slaDue" }, "agent")).toEqual({
      open: "true",
      slaAtRisk: "true",
    });
    expect(toFilters({ view: "all", state: "ON_HOLD", q: "mail", sort: "priority" }, "agent")).toEqual({
      state: "ON_HOLD",
      q: "mail",
      sort: "priority",
    });
  });
  it("keeps a colleague's assigned-to-me as their assignee", () => {
    const filters = toFilters({ view: "mine" }, "kim");
    expect(fromFilters(filters, "lee")).toEqual({ view: "open", assignee: "kim" });
    expect(toFilters(fromFilters(filters, "lee"), "lee")).toEqual(filters);
  });
  it("imports the browser's views once, then removes them", async () => {
    const s = memory({
      [storageKey("agent")]: JSON.stringify([
        { name: "P1 open", search: { view: "open", priority: "P1" } },
        { name: "dup", search: { view: "mine" } },
      ]),
    });
    const saved: [string, Record<string, string>][] = [];
    const count = await importLocalViews(s, "agent", async (name, filters) => {
      if (name === "dup") throw new ApiError(409, { status: 409 });
      saved.push([name, filters]);
    });
    expect(count).toBe(1);
    expect(saved).toEqual([["P1 open", { open: "true", priority: "P1" }]]);
    expect(s.map.has(storageKey("agent"))).toBe(false);
    expect(await importLocalViews(s, "agent", async () => undefined)).toBe(0);
  });
  it("keeps the browser's views when the API cannot be reached", async () => {
    const s = memory({ [storageKey("agent")]: JSON.stringify([{ name: "a", search: { view: "all" } }]) });
    await importLocalViews(s, "agent", async () => {
      throw new TypeError("network");
    });
    expect(s.map.has(storageKey("agent"))).toBe(true);
  });
});
