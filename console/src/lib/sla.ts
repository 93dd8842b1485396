/** SLA countdowns: how long until a due time (or how long since it passed), in the user's locale. */
export type SlaTone = "ok" | "at-risk" | "breached" | "none";

export interface Countdown {
  tone: SlaTone;
  /** e.g. "2 h 5 min" — the absolute remaining (or overdue) time */
  text: string;
  overdue: boolean;
}

/** Splits a duration in ms into the two largest units, formatted with Intl in the given locale. */
export function formatDuration(ms: number, locale: string): string {
  const abs = Math.abs(ms);
  const minutes = Math.floor(abs / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (value: number, u: "day" | "hour" | "minute") =>
    new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: "short" }).format(value);
  if (days > 0) return hours > 0 ? `${unit(days, "day")} ${unit(hours, "hour")}` : unit(days, "day");
  if (hours > 0) return mins > 0 ? `${unit(hours, "hour")} ${unit(mins, "minute")}` : unit(hours, "hour");
  return unit(mins, "minute");
}

/**
 * The countdown to `due` at `now`. At risk when less than `atRiskShare` of the target (start → due) is left,
 * or when the server already says so; breached once past due or when the server says so.
 */
export function countdown(
  due: string | null | undefined,
  now: number,
  locale: string,
  opts: { start?: string | null; breached?: boolean; atRisk?: boolean; atRiskShare?: number } = {},
): Countdown {
  if (!due) return { tone: "none", text: "", overdue: false };
  const dueAt = Date.parse(due);
  const left = dueAt - now;
  const overdue = left < 0;
  let tone: SlaTone = "ok";
  if (overdue || opts.breached) tone = "breached";
  else if (opts.atRisk) tone = "at-risk";
  else if (opts.start) {
    const total = dueAt - Date.parse(opts.start);
    if (total > 0 && left / total < (opts.atRiskShare ?? 0.25)) tone = "at-risk";
  }
  return { tone, text: formatDuration(left, locale), overdue };
}
