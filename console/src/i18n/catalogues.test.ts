import { describe, expect, it } from "vitest";
import {
  HOLD_REASONS,
  INCIDENT_STATES,
  PROBLEM_STATES,
  REQUEST_STATES,
  RESOLUTION_CODES,
} from "../api/enums";
import { PROBLEM_TYPES } from "../lib/problem";
import { en } from "./en";
import { initialLanguage } from "./index";
import { ko } from "./ko";

function flatten(value: unknown, prefix = ""): Record<string, unknown> {
  if (typeof value !== "object" || value === null) return { [prefix]: value };
  return Object.assign(
    {},
    ...Object.entries(value).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)),
  );
}

describe("translation catalogues", () => {
  const enKeys = flatten(en);
  const koKeys = flatten(ko);

  it("ko and en have exactly the same keys", () => {
    expect(Object.keys(koKeys).sort()).toEqual(Object.keys(enKeys).sort());
  });

  it("no value is empty and every value is a string", () => {
    for (const [key, value] of [...Object.entries(enKeys), ...Object.entries(koKeys)]) {
      expect(typeof value, key).toBe("string");
      expect((value as string).trim(), key).not.toBe("");
    }
  });

  it("ko and en use the same interpolation variables", () => {
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(enKeys)) expect(vars(koKeys[key]), key).toEqual(vars(enKeys[key]));
  });

  it("the Korean catalogue is Korean", () => {
    const hangul = Object.values(koKeys).filter((v) => /[\uac00-\ud7a3]/.test(String(v)));
    expect(hangul.length / Object.keys(koKeys).length).toBeGreaterThan(0.9);
  });

  it("every value the API offers has a name in both languages", () => {
    const groups: [string, readonly string[]][] = [
      ["state", INCIDENT_STATES],
      ["holdReason", HOLD_REASONS],
      ["resolutionCode", RESOLUTION_CODES],
      ["requestState", REQUEST_STATES],
      ["problemState", PROBLEM_STATES],
    ];
    for (const [group, values] of groups) {
      for (const value of values) {
        expect(enKeys[`${group}.${value}`], `en ${group}.${value}`).toBeTruthy();
        expect(koKeys[`${group}.${value}`], `ko ${group}.${value}`).toBeTruthy();
      }
    }
  });

  it("every problem type of the catalogue has a message", () => {
    for (const type of [...PROBLEM_TYPES, "network", "unknown"]) {
      expect(enKeys[`problems.${type}`], type).toBeTruthy();
      expect(koKeys[`problems.${type}`], type).toBeTruthy();
    }
  });
});

describe("initial language", () => {
  it("keeps the persisted choice", () => {
    expect(initialLanguage("en", ["ko-KR"])).toBe("en");
    expect(initialLanguage("ko", ["en-US"])).toBe("ko");
  });
  it("is Korean when the browser prefers it", () => {
    expect(initialLanguage(null, ["ko-KR", "en-US"])).toBe("ko");
  });
  it("takes the first supported preference, else English", () => {
    expect(initialLanguage(null, ["de-DE", "en-GB", "ko"])).toBe("en");
    expect(initialLanguage(null, ["fr"])).toBe("en");
  });
});
