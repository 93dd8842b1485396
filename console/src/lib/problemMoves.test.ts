import { describe, expect, it } from "vitest";
import { moveForm } from "./problemMoves";

describe("moveForm", () => {
  it("asks nothing of a move that needs nothing", () => {
    expect(moveForm({ action: "assess", requiredFields: [] }, undefined).asks).toBe(false);
  });

  it("records a missing root cause on the problem before starting the fix", () => {
    const form = moveForm({ action: "start-fix", requiredFields: ["rootCause"] }, undefined);
    expect(form.asks).toBe(true);
    expect(form.problemFields).toEqual([{ name: "rootCause", required: true }]);
    expect(form.bodyFields).toEqual([]);
  });

  it("puts a cancel's reason in the body", () => {
    expect(moveForm({ action: "cancel", requiredFields: ["reason"] }, undefined).bodyFields).toEqual([
      { name: "reason", required: true },
    ]);
  });

  it("asks for the fields of the chosen resolution code", () => {
    const move = {
      action: "resolve",
      resolutionCodes: ["RISK_ACCEPTED", "DUPLICATE"],
      requiredFields: ["resolutionCode"],
      requiredFieldsByCode: { RISK_ACCEPTED: ["resolutionNotes"], DUPLICATE: ["duplicateOf"] },
    };
    expect(moveForm(move, undefined).bodyFields).toEqual([
      { name: "resolutionCode", required: true },
      { name: "resolutionNotes", required: false },
    ]);
    expect(moveForm(move, "RISK_ACCEPTED").bodyFields).toEqual([
      { name: "resolutionCode", required: true },
      { name: "resolutionNotes", required: true },
    ]);
    expect(moveForm(move, "DUPLICATE").bodyFields).toEqual([
      { name: "resolutionCode", required: true },
      { name: "duplicateOf", required: true },
      { name: "resolutionNotes", required: false },
    ]);
  });
});
