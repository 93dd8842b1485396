import { describe, expect, it } from "vitest";
import { countdown, formatDuration } from "./sla";

const now = Date.parse("2026-03-10T10:00:00Z");
const min = 60_000;

describe("durations", () => {
  it("shows the two largest units", () => {
    expect(formatDuration(125 * min, "en")).toBe("2 hr 5 min");
    expect(formatDuration((2 * 1440 + 180) * min, "en")).toBe("2 days 3 hr");
    expect(formatDuration(59_000, "en")).toBe("0 min");
    expect(formatDuration(60 * min, "en")).toBe("1 hr");
  });
  it("is localised", () => {
    expect(formatDuration(125 * min, "ko")).toBe("2시간 5분");
  });
});

describe("SLA countdown", () => {
  it("is on track with time left", () => {
    const c = countdown(new Date(now + 90 * min).toISOString(), now, "en");
    expect(c).toEqual({ tone: "ok", text: "1 hr 30 min", overdue: false });
  });
  it("is at risk when the server says so or little of the target is left", () => {
    expect(countdown(new Date(now + 90 * min).toISOString(), now, "en", { atRisk: true }).tone).toBe(
      "at-risk",
    );
    const start = new Date(now - 10 * 60 * min).toISOString();
    expect(countdown(new Date(now + 30 * min).toISOString(), now, "en", { start }).tone).toBe("at-risk");
  });
  it("is breached past due, counting the overdue time", () => {
    const c = countdown(new Date(now - 15 * min).toISOString(), now, "en");
    expect(c).toEqual({ tone: "breached", text: "15 min", overdue: true });
  });
  it("is breached when the server says so", () => {
    expect(countdown(new Date(now + 5 * min).toISOString(), now, "en", { breached: true }).tone).toBe(
      "breached",
    );
  });
  it("has nothing without a due time", () => {
    expect(countdown(undefined, now, "en").tone).toBe("none");
  });
});
