import { describe, expect, it } from "vitest";
import { priorityOf } from "./priority";

describe("impact × urgency", () => {
  it("gives the platform's 3×3 matrix", () => {
    const grid = [1, 2, 3].map((i) => [1, 2, 3].map((u) => priorityOf(i as 1 | 2 | 3, u as 1 | 2 | 3)));
    expect(grid).toEqual([
      ["P1", "P2", "P3"],
      ["P2", "P3", "P4"],
      ["P3", "P4", "P5"],
    ]);
  });
});
