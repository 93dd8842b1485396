import { describe, expect, it } from "vitest";
import { toErrorTree } from "./formErrors";

describe("server field errors on the form", () => {
  it("puts fields.<name> errors on their fields and others at the root", () => {
    expect(
      toErrorTree([
        { field: "fields.model", message: "must be one of 13-inch, 15-inch" },
        { field: "fields.address.city", message: "required" },
        { field: "fields.tags[1]", message: "too long" },
        { field: "itemId", message: "not published" },
      ]),
    ).toEqual({
      model: { __errors: ["must be one of 13-inch, 15-inch"] },
      address: { city: { __errors: ["required"] } },
      tags: { "1": { __errors: ["too long"] } },
      __errors: ["not published"],
    });
  });
});
