import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { ko } from "../i18n/ko";
import { FIELD_ERROR_CODES, fieldErrorMessage } from "./fieldErrors";

const i18n = i18next.createInstance();
const missing: string[] = [];

beforeAll(async () => {
  await i18n.init({
    lng: "ko",
    fallbackLng: false,
    resources: { en: { translation: en }, ko: { translation: ko } },
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => missing.push(key),
  });
});

describe("field errors in the user's language", () => {
  const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options) as string;

  it("translates each code with its params", async () => {
    await i18n.changeLanguage("ko");
    expect(
      fieldErrorMessage(
        { field: "name", message: "size must be between 0 and 120", code: "too_long", params: { max: 120 } },
        t,
      ),
    ).toBe("너무 깁니다 (최대 120).");
    expect(
      fieldErrorMessage(
        {
          field: "fields.model",
          message: "does not have a value in the enumeration",
          code: "enum",
          params: { allowed: ["13-inch", "15-inch"] },
        },
        t,
      ),
    ).toBe("다음 중 하나여야 합니다: 13-inch, 15-inch.");
    expect(
      fieldErrorMessage(
        { field: "hours", message: "expected number", code: "type", params: { expected: "integer" } },
        t,
      ),
    ).toBe("값의 종류가 맞지 않습니다 (필요: 정수).");
    expect(
      fieldErrorMessage(
        { field: "itemId", message: "'x' is not a valid UUID", code: "format", params: { format: "uuid" } },
        t,
      ),
    ).toBe("올바른 식별자(UUID) 형식이 아닙니다.");
    await i18n.changeLanguage("en");
    expect(
      fieldErrorMessage(
        {
          field: "fields.reason",
          message: "must be at least 5 characters long",
          code: "too_short",
          params: { min: 5 },
        },
        t,
      ),
    ).toBe("Too short (minimum 5).");
    expect(fieldErrorMessage({ field: "colour", message: "unknown field", code: "unknown_field" }, t)).toBe(
      "Not a field this form knows.",
    );
    // an unknown kind or format is shown as the server names it
    expect(
      fieldErrorMessage({ field: "at", message: "bad", code: "format", params: { format: "ipv4" } }, t),
    ).toBe("Not a valid ipv4.");
  });

  it("shows the server's message for a code it does not know, or none", () => {
    expect(
      fieldErrorMessage(
        {
          field: "fields.step",
          message: "must be a multiple of 5",
          code: "multipleOf",
          params: { multipleOf: 5 },
        },
        t,
      ),
    ).toBe("must be a multiple of 5");
    expect(fieldErrorMessage({ field: "impact", message: "must be 1-3" }, t)).toBe("must be 1-3");
  });

  it("has a message for every code in both languages", async () => {
    for (const language of ["en", "ko"]) {
      await i18n.changeLanguage(language);
      for (const code of FIELD_ERROR_CODES)
        fieldErrorMessage(
          {
            field: "x",
            message: "server",
            code,
            params: { max: 1, min: 1, allowed: ["a"], expected: "string", format: "uuid" },
          },
          t,
        );
    }
    expect(missing).toEqual([]);
  });
});
