import { describe, expect, it } from "vitest";
import { rolesOf } from "../auth/auth";
import { staleKeys } from "./live";

const event = (type: string) => ({ event: "message", data: JSON.stringify({ specversion: "1.0", type }) });

describe("live updates", () => {
  it("an incident event makes incident lists and records stale", () => {
    expect(staleKeys(event("itsm.incident.updated.v1"))).toEqual([["incidents"], ["incident"]]);
  });
  it("a request event makes requests stale, other catalog events the catalogue", () => {
    expect(staleKeys(event("itsm.catalog.request-submitted.v1"))).toEqual([["requests"]]);
    // task events refresh the task queue, the inbox and the request's page (all keyed under "requests")
    expect(staleKeys(event("itsm.catalog.request-task-started.v1"))).toEqual([["requests"]]);
    expect(staleKeys(event("itsm.problem.known-error-published.v1"))).toEqual([["problems"], ["problem"]]);
    expect(staleKeys(event("itsm.catalog.item-published.v1"))).toEqual([["catalog"]]);
  });
  it("ignores what it cannot read", () => {
    expect(staleKeys({ event: "message", data: "not json" })).toEqual([]);
    expect(staleKeys(event("itsm.change.created.v1"))).toEqual([]);
  });
});

describe("roles", () => {
  it("reads the platform's realm roles from the access token", () => {
    const payload = btoa(
      JSON.stringify({ realm_access: { roles: ["offline_access", "itsm-agent", "itsm-admin"] } }),
    )
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    expect(rolesOf(`h.${payload}.s`)).toEqual(["itsm-agent", "itsm-admin"]);
    expect(rolesOf("garbage")).toEqual([]);
  });
});
