import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { RESOLUTION_CODES } from "../api/enums";
import { useApi } from "../context";
import { applyToEach, type BulkResult, type BulkTarget, ifMatchOf, summarise } from "../lib/bulk";
import { LEVELS, type Level, priorityOf } from "../lib/priority";
import { PriorityBadge } from "./common";

export interface Bulk {
  action: string | null;
  results: BulkResult[];
  total: number;
  running: boolean;
  run: (action: string, targets: BulkTarget[], call: (t: BulkTarget) => Promise<unknown>) => Promise<void>;
  clear: () => void;
}

/** A bulk action's state: which action, the results so far (one per record, as they come). */
export function useBulk(onFinished?: (results: BulkResult[]) => void): Bulk {
  const queryClient = useQueryClient();
  const [action, setAction] = useState<string | null>(null);
  const [results, setResults] = useState<BulkResult[]>([]);
  const [total, setTotal] = useState(0);
  const [running, setRunning] = useState(false);
  return {
    action,
    results,
    total,
    running,
    run: async (name, targets, call) => {
      setAction(name);
      setResults([]);
      setTotal(targets.length);
      setRunning(true);
      try {
        onFinished?.(await applyToEach(targets, call, (r) => setResults((prev) => [...prev, r])));
      } finally {
        setRunning(false);
        void queryClient.invalidateQueries({ queryKey: ["incidents"] });
        void queryClient.invalidateQueries({ queryKey: ["incident"] });
      }
    },
    clear: () => {
      setAction(null);
      setResults([]);
    },
  };
}

/** The bulk actions on the queue's selection, each applied per record with If-Match of the version shown. */
export function BulkActions({
  targets,
  bulk,
  onAssignToMe,
}: {
  targets: BulkTarget[];
  bulk: Bulk;
  onAssignToMe: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [assignee, setAssignee] = useState("");
  const [impact, setImpact] = useState<Level>(3);
  const [urgency, setUrgency] = useState<Level>(3);
  const [code, setCode] = useState("");
  const [notes, setNotes] = useState("");
  const ids = { assignee: useId(), impact: useId(), urgency: useId(), code: useId(), notes: useId() };
  const call = (path: string, target: BulkTarget, method: "POST" | "PATCH", body: unknown) =>
    (api[method] as unknown as (p: string, init: unknown) => Promise<unknown>)(path, {
      params: { path: { id: target.id } },
      headers: { "If-Match": ifMatchOf(target.version) },
      body,
    });

  return (
    <section aria-labelledby="bulk-title" className="card bulk" data-testid="bulk-actions">
      <h2 id="bulk-title">{t("bulk.title", { count: targets.length })}</h2>
      <div className="bulk-grid">
        <div>
          <h3>{t("bulk.assign")}</h3>
          <button type="button" disabled={bulk.running} onClick={onAssignToMe}>
            {t("incident.assignToMe")}
          </button>
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              void bulk.run("assign", targets, (target) =>
                call("/api/v1/incidents/{id}/assign", target, "POST", { assignee: assignee.trim() }),
              );
            }}
          >
            <label htmlFor={ids.assignee}>{t("bulk.assignee")}</label>
            <input
              id={ids.assignee}
              value={assignee}
              required
              maxLength={100}
              autoComplete="off"
              onChange={(e) => setAssignee(e.target.value)}
            />
            <button type="submit" disabled={bulk.running}>
              {t("bulk.assignTo")}
            </button>
          </form>
        </div>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void bulk.run("priority", targets, (target) =>
              call("/api/v1/incidents/{id}", target, "PATCH", { impact, urgency }),
            );
          }}
        >
          <h3>{t("bulk.priority")}</h3>
          <label htmlFor={ids.impact}>{t("incident.field.impact")}</label>
          <select id={ids.impact} value={impact} onChange={(e) => setImpact(Number(e.target.value) as Level)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.impact${l}`)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.urgency}>{t("incident.field.urgency")}</label>
          <select
            id={ids.urgency}
            value={urgency}
            onChange={(e) => setUrgency(Number(e.target.value) as Level)}
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.urgency${l}`)}
              </option>
            ))}
          </select>
          <p>
            {t("newIncident.priorityPreview")}: <PriorityBadge priority={priorityOf(impact, urgency)} />
          </p>
          <button type="submit" disabled={bulk.running}>
            {t("bulk.applyPriority")}
          </button>
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void bulk.run("resolve", targets, (target) =>
              call("/api/v1/incidents/{id}/resolve", target, "POST", {
                resolutionCode: code,
                resolutionNotes: notes,
              }),
            );
          }}
        >
          <h3>{t("bulk.resolve")}</h3>
          <label htmlFor={ids.code}>{t("incident.field.resolutionCode")}</label>
          <select id={ids.code} value={code} required onChange={(e) => setCode(e.target.value)}>
            <option value="" />
            {RESOLUTION_CODES.map((c) => (
              <option key={c} value={c}>
                {t(`resolutionCode.${c}`)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.notes}>{t("incident.field.resolutionNotes")}</label>
          <textarea
            id={ids.notes}
            value={notes}
            required
            rows={2}
            maxLength={4000}
            onChange={(e) => setNotes(e.target.value)}
          />
          <button type="submit" disabled={bulk.running}>
            {t("bulk.applyResolve")}
          </button>
        </form>
      </div>
    </section>
  );
}

/** The per-record results of the last bulk action: done, or refused with the translated problem. */
export function BulkResults({ bulk, onDismiss }: { bulk: Bulk; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (!bulk.action) return null;
  const { done, refused } = summarise(bulk.results);
  return (
    <section
      aria-labelledby="bulk-results-title"
      className="card bulk-results"
      data-testid="bulk-results"
      aria-busy={bulk.running}
    >
      <h2 id="bulk-results-title">
        {t("bulk.resultsTitle", { action: t(`bulk.actionName.${bulk.action}`) })}
      </h2>
      <p role="status" data-testid="bulk-summary">
        {bulk.running
          ? t("bulk.progress", { done: bulk.results.length, total: bulk.total })
          : t("bulk.summary", { done, refused })}
      </p>
      <ul>
        {bulk.results.map((r) => (
          <li key={r.id} data-number={r.number} data-status={r.status} className={`bulk-${r.status}`}>
            <Link to="/incidents/$id" params={{ id: r.id }}>
              {r.number}
            </Link>
            {": "}
            {r.status === "done" ? (
              <strong>{t("bulk.done")}</strong>
            ) : (
              <>
                <strong>{t("bulk.refused")}</strong> {t(`problems.${r.problem}`)}
                {r.detail && <span className="detail"> ({r.detail})</span>}
              </>
            )}
          </li>
        ))}
      </ul>
      {!bulk.running && (
        <button type="button" onClick={onDismiss}>
          {t("bulk.dismiss")}
        </button>
      )}
    </section>
  );
}
