import type { ServiceRequest } from "../api/client";

/** Where the request's approval stands, from its rule and state. */
export function approvalStatus(
  request: Pick<ServiceRequest, "approvalRule" | "state" | "decidedBy">,
): "notRequired" | "pending" | "undecided" | "approved" | "rejected" {
  if (request.state === "REJECTED") return "rejected";
  if (request.state === "AWAITING_APPROVAL" || request.state === "SUBMITTED") {
    return request.approvalRule === "NONE" ? "notRequired" : "pending";
  }
  if (request.approvalRule === "NONE" || !request.approvalRule) return "notRequired";
  if (request.state === "CANCELLED" && !request.decidedBy) return "undecided";
  return "approved";
}
