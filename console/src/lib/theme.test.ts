import { describe, expect, it } from "vitest";
import { applyTheme, storedTheme } from "./theme";

describe("theme", () => {
  it("follows the system unless light or dark was chosen", () => {
    expect(storedTheme(null)).toBe("system");
    expect(storedTheme("sepia")).toBe("system");
    expect(storedTheme("light")).toBe("light");
    expect(storedTheme("dark")).toBe("dark");
  });

  it("marks the document with a chosen theme and clears the mark to follow the system", () => {
    const root = { dataset: {} as DOMStringMap };
    applyTheme("dark", root);
    expect(root.dataset.theme).toBe("dark");
    applyTheme("light", root);
    expect(root.dataset.theme).toBe("light");
    applyTheme("system", root);
    expect(root.dataset.theme).toBeUndefined();
  });
});
