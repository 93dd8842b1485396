/** problem+json (RFC 9457) errors of the API, mapped by their `type` to translated messages. */
export const PROBLEM_BASE = "https://itsm.dev/problems/";

export const PROBLEM_TYPES = [
  "bad-request",
  "validation",
  "unauthorized",
  "forbidden",
  "not-found",
  "method-not-allowed",
  "not-acceptable",
  "illegal-move",
  "conflict",
  "stale-version",
  "payload-too-large",
  "unsupported-media-type",
  "unprocessable",
  "requirements-unmet",
  "rate-limited",
  "internal-error",
  "bad-gateway",
  "service-unavailable",
  "database-unavailable",
  "gateway-timeout",
] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

export interface FieldError {
  field: string;
  /** In English, for integrators; shown only when the code is not one the console translates. */
  message: string;
  /** Stable code (required, too_long, ...) translated by `fieldErrorMessage`, with its params. */
  code?: string;
  params?: Record<string, unknown>;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

/** The catalogue key of a problem: its `type` without the base; unknown types fall back by status. */
export function problemKey(problem: Problem | undefined, status: number): ProblemType | "unknown" {
  const type = problem?.type ?? "";
  const short = type.startsWith(PROBLEM_BASE) ? type.slice(PROBLEM_BASE.length) : type;
  if ((PROBLEM_TYPES as readonly string[]).includes(short)) return short as ProblemType;
  const byStatus: Record<number, ProblemType> = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    409: "conflict",
    412: "stale-version",
    422: "unprocessable",
    429: "rate-limited",
    500: "internal-error",
    502: "bad-gateway",
    503: "service-unavailable",
    504: "gateway-timeout",
  };
  return byStatus[status] ?? "unknown";
}

/** The translated message of an error: `problems.<key>` of the catalogue, then the server's detail. */
export function problemMessage(
  error: unknown,
  t: (key: string) => string,
): { message: string; detail?: string; errors: FieldError[] } {
  if (error instanceof ApiError) {
    return {
      message: t(`problems.${problemKey(error.problem, error.status)}`),
      detail: error.problem.detail,
      errors: Array.isArray(error.problem.errors) ? error.problem.errors : [],
    };
  }
  return { message: t("problems.network"), errors: [] };
}
