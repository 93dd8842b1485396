import { describe, expect, it } from "vitest";
import { activity, presenceEvent, setEditing, subscribeActivity, summarize } from "./presence";

const view = {
  recordType: "incident",
  recordNumber: "INC0001001",
  present: [
    {
      user: "implementer",
      displayName: "Ian Implementer",
      activity: "editing" as const,
      since: "2026-12-08T09:00:00Z",
    },
    { user: "pm", displayName: "Pat", activity: "viewing" as const, since: "2026-12-08T09:01:00Z" },
    { user: "agent", displayName: "Agent", activity: "editing" as const, since: "2026-12-08T09:02:00Z" },
  ],
};

describe("presence", () => {
  it("reads presence events and ignores the others", () => {
    expect(presenceEvent({ event: "presence", data: JSON.stringify(view) })?.present).toHaveLength(3);
    expect(presenceEvent({ event: "message", data: JSON.stringify(view) })).toBeNull();
    expect(presenceEvent({ event: "presence", data: "{" })).toBeNull();
  });

  it("splits the others into editing and viewing, leaving out oneself", () => {
    const { editing, viewing } = summarize(view, "agent");
    expect(editing.map((p) => p.user)).toEqual(["implementer"]);
    expect(viewing.map((p) => p.user)).toEqual(["pm"]);
    expect(summarize(undefined, "agent")).toEqual({ editing: [], viewing: [] });
  });

  it("is editing while any editor holds unsent text", () => {
    let changes = 0;
    const stop = subscribeActivity(() => changes++);
    expect(activity()).toBe("viewing");
    setEditing("composer", true);
    setEditing("form", true);
    setEditing("composer", false);
    expect(activity()).toBe("editing");
    setEditing("form", false);
    setEditing("form", false);
    expect(activity()).toBe("viewing");
    expect(changes).toBe(4);
    stop();
  });
});
