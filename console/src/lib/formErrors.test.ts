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

  it("shows each error in the words given for it", () => {
    expect(
      toErrorTree(
        [
          {
            field: "fields.reason",
            message: "must be at least 5 characters long",
            code: "too_short",
            params: { min: 5 },
          },
        ],
        (e) => `${e.code}:${String(e.params?.min)}`,
      ),
    ).toEqual({ reason: { __errors: ["too_short:5"] } });
  });
});
