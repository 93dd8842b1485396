import { describe, expect, it } from "vitest";
import { approvalStatus } from "./requests";

describe("approvalStatus", () => {
  it("needs no approval under rule NONE", () => {
    expect(approvalStatus({ approvalRule: "NONE", state: "APPROVED" })).toBe("notRequired");
  });
  it("waits while the request awaits approval", () => {
    expect(approvalStatus({ approvalRule: "MANAGER", state: "AWAITING_APPROVAL" })).toBe("pending");
  });
  it("is approved once the request moved on, rejected when rejected", () => {
    expect(approvalStatus({ approvalRule: "MANAGER", state: "FULFILLED", decidedBy: "agent" })).toBe(
      "approved",
    );
    expect(approvalStatus({ approvalRule: "MANAGER", state: "REJECTED", decidedBy: "agent" })).toBe(
      "rejected",
    );
  });
  it("was never decided on a request cancelled while waiting", () => {
    expect(approvalStatus({ approvalRule: "CATALOG_MANAGER", state: "CANCELLED" })).toBe("undecided");
  });
});
