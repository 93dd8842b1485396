import { useTranslation } from "react-i18next";
import type { Incident } from "../api/client";
import { fieldErrorMessage } from "../lib/fieldErrors";
import { problemMessage } from "../lib/problem";
import { countdown } from "../lib/sla";

export function PriorityBadge({ priority }: { priority?: string }) {
  if (!priority) return null;
  return <span className={`badge priority-${priority.toLowerCase()}`}>{priority}</span>;
}

export function StateBadge({
  state,
  kind = "state",
}: {
  state?: string;
  kind?: "state" | "requestState" | "problemState" | "taskState";
}) {
  const { t } = useTranslation();
  if (!state) return null;
  return <span className={`badge state state-${state.toLowerCase()}`}>{t(`${kind}.${state}`)}</span>;
}

/** The countdown of the incident's running SLA clock (response until responded, then resolution). */
export function SlaCountdown({ incident, now }: { incident: Incident; now: number }) {
  const { t, i18n } = useTranslation();
  // a cancelled or closed incident has no clock to count down (its response clock may never have stopped)
  if (incident.state === "CANCELLED" || incident.state === "CLOSED") return <span>—</span>;
  const clock =
    incident.sla?.response && !incident.respondedAt && incident.sla.response.state !== "MET"
      ? incident.sla.response
      : incident.sla?.resolution;
  if (!clock?.dueAt || clock.state === "MET" || clock.state === "MISSED") {
    return clock?.state ? <span className="sla">{t(`sla.state.${clock.state}`)}</span> : <span>—</span>;
  }
  if (clock.state === "PAUSED") return <span className="sla paused">{t("sla.state.PAUSED")}</span>;
  const c = countdown(clock.dueAt, now, i18n.language, {
    breached: clock.state === "BREACHED",
    atRisk: clock.state === "AT_RISK",
  });
  const label = c.overdue ? t("sla.overdue", { time: c.text }) : t("sla.left", { time: c.text });
  return (
    <span className={`sla sla-${c.tone}`} title={t(`sla.state.${clock.state ?? "ON_TRACK"}`)}>
      {c.tone !== "ok" && <span aria-hidden="true">{c.tone === "breached" ? "✖ " : "⚠ "}</span>}
      {label}
    </span>
  );
}

export function ErrorBox({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const { message, detail, errors } = problemMessage(error, t);
  return (
    <div role="alert" className="error">
      <p>{message}</p>
      {/* with field errors the service's detail only counts them (in English): the list says it, translated */}
      {detail && errors.length === 0 && <p className="detail">{detail}</p>}
      {errors.length > 0 && (
        <ul>
          {errors.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code>: {fieldErrorMessage(e, t)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t("app.loading")}
    </p>
  );
}
