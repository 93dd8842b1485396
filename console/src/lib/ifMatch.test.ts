import { describe, expect, it } from "vitest";
import { changedFields, editWithIfMatch } from "./ifMatch";
import { ApiError } from "./problem";

describe("edits with If-Match", () => {
  it("sends the record's ETag and returns the saved version", async () => {
    const sent: string[] = [];
    const outcome = await editWithIfMatch(
      'W/"3"',
      async (ifMatch) => {
        sent.push(ifMatch);
        return { data: { v: 4 }, etag: 'W/"4"' };
      },
      async () => {
        throw new Error("no reload expected");
      },
    );
    expect(sent).toEqual(['W/"3"']);
    expect(outcome).toEqual({ kind: "saved", record: { data: { v: 4 }, etag: 'W/"4"' } });
  });

  it("on 412 reloads and returns the current version instead of failing", async () => {
    const outcome = await editWithIfMatch(
      'W/"3"',
      async () => {
        throw new ApiError(412, { type: "https://itsm.dev/problems/stale-version", status: 412 });
      },
      async () => ({ data: { v: 5 }, etag: 'W/"5"' }),
    );
    expect(outcome).toEqual({ kind: "stale", current: { data: { v: 5 }, etag: 'W/"5"' } });
  });

  it("passes other errors on", async () => {
    const failure = new ApiError(400, { status: 400 });
    await expect(
      editWithIfMatch(
        "x",
        async () => {
          throw failure;
        },
        async () => ({ data: {}, etag: "" }),
      ),
    ).rejects.toBe(failure);
  });

  it("names the fields that changed meanwhile", () => {
    const before = { a: 1, b: "x", c: [1] };
    const after = { a: 1, b: "y", c: [1, 2] };
    expect(changedFields(before, after, ["a", "b", "c"])).toEqual(["b", "c"]);
  });
});
