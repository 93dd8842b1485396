import { describe, expect, it } from "vitest";
import { fillTemplate, insertAt } from "./templates";

describe("response templates", () => {
  it("fills caller, number and agent, spaces inside the braces allowed", () => {
    expect(
      fillTemplate("Hello {{caller}}, {{ number }} is done. — {{agent}}", {
        caller: "requester",
        number: "INC0000042",
        agent: "Agent Kim",
      }),
    ).toBe("Hello requester, INC0000042 is done. — Agent Kim");
  });
  it("leaves unknown placeholders and missing values as written", () => {
    expect(fillTemplate("{{caller}} {{ticket}} {{agent}}", { agent: "a" })).toBe("{{caller}} {{ticket}} a");
  });
  it("inserts at the cursor, replacing a selection", () => {
    expect(insertAt("Hello world", "dear ", 6, 6)).toEqual({ text: "Hello dear world", cursor: 11 });
    expect(insertAt("Hello world", "there", 6, 11)).toEqual({ text: "Hello there", cursor: 11 });
  });
});
