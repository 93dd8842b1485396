import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { must } from "../api/client";
import { INCIDENT_STATES } from "../api/enums";
import { useSession } from "../auth/auth";
import { ErrorBox, Loading, PriorityBadge, SlaCountdown, StateBadge } from "../components/common";
import { useApi } from "../context";
import { useFormat, useNow } from "../lib/format";

export const QUEUE_VIEWS = ["mine", "all", "breached", "major"] as const;
export interface QueueSearch {
  view: (typeof QUEUE_VIEWS)[number];
  state?: string;
  priority?: string;
  q?: string;
  sort?: string;
  page?: number;
}

const PRIORITIES = ["P1", "P2", "P3", "P4", "P5"];
const SORTS = ["-updatedAt", "updatedAt", "priority", "-createdAt", "number"];
const SIZE = 50;

export function QueueScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const search = useSearch({ from: "/queue" });
  const navigate = useNavigate({ from: "/queue" });
  const { dateTime } = useFormat();
  const now = useNow();
  const [text, setText] = useState(search.q ?? "");
  const ids = { state: useId(), priority: useId(), q: useId(), sort: useId() };
  const page = search.page ?? 1;

  const query = {
    state: search.state,
    priority: search.priority,
    q: search.q,
    sort: search.sort ?? "-updatedAt",
    page: String(page - 1),
    size: String(SIZE),
    assignee: search.view === "mine" ? session.username : undefined,
    breached: search.view === "breached" ? "true" : undefined,
    major: search.view === "major" ? "true" : undefined,
  };
  const incidents = useQuery({
    queryKey: ["incidents", "queue", query],
    queryFn: async () => must(await api.GET("/api/v1/incidents", { params: { query } })),
    placeholderData: keepPreviousData,
  });

  const set = (patch: Partial<QueueSearch>) =>
    void navigate({ search: (prev: QueueSearch) => ({ ...prev, page: undefined, ...patch }) });
  const total = incidents.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / SIZE));

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t("queue.title")}</h1>
      <nav aria-label={t("queue.views")} className="tabs">
        {QUEUE_VIEWS.map((view) => (
          <Link
            key={view}
            to="/queue"
            search={{ view }}
            aria-current={search.view === view ? "page" : undefined}
            data-testid={`view-${view}`}
          >
            {t(`queue.view.${view}`)}
          </Link>
        ))}
      </nav>
      <form
        className="filters"
        aria-label={t("queue.filters")}
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: text || undefined });
        }}
      >
        <label htmlFor={ids.state}>{t("queue.stateFilter")}</label>
        <select
          id={ids.state}
          value={search.state ?? ""}
          onChange={(e) => set({ state: e.target.value || undefined })}
        >
          <option value="">{t("queue.any")}</option>
          {INCIDENT_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`state.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.priority}>{t("queue.priorityFilter")}</label>
        <select
          id={ids.priority}
          value={search.priority ?? ""}
          onChange={(e) => set({ priority: e.target.value || undefined })}
        >
          <option value="">{t("queue.any")}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <label htmlFor={ids.sort}>{t("queue.sort")}</label>
        <select id={ids.sort} value={query.sort} onChange={(e) => set({ sort: e.target.value })}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`queue.sortOption.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.q}>{t("queue.search")}</label>
        <input
          id={ids.q}
          type="search"
          value={text}
          placeholder={t("queue.searchPlaceholder")}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{t("queue.search")}</button>
      </form>
      <ErrorBox error={incidents.error} />
      {incidents.isPending ? (
        <Loading />
      ) : (
        <>
          <p className="total" data-testid="total" aria-live="polite">
            {t("queue.total", { count: total })}
          </p>
          <IncidentTable incidents={incidents.data?.items ?? []} now={now} dateTime={dateTime} withAssignee />
          <nav className="pager" aria-label={t("queue.pageOf", { page, pages })}>
            <button type="button" disabled={page <= 1} onClick={() => set({ page: page - 1 })}>
              {t("queue.previous")}
            </button>
            <span>{t("queue.pageOf", { page, pages })}</span>
            <button type="button" disabled={page >= pages} onClick={() => set({ page: page + 1 })}>
              {t("queue.next")}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

export function IncidentTable({
  incidents,
  now,
  dateTime,
  withAssignee,
}: {
  incidents: import("../api/client").Incident[];
  now: number;
  dateTime: (v?: string) => string;
  withAssignee?: boolean;
}) {
  const { t } = useTranslation();
  if (incidents.length === 0) return <p className="empty">{t("queue.empty")}</p>;
  return (
    <table className="list" data-testid="incident-table">
      <thead>
        <tr>
          <th scope="col">{t("queue.col.number")}</th>
          <th scope="col">{t("queue.col.priority")}</th>
          <th scope="col">{t("queue.col.state")}</th>
          <th scope="col">{t("queue.col.shortDescription")}</th>
          <th scope="col">{t("queue.col.sla")}</th>
          {withAssignee && <th scope="col">{t("queue.col.assignee")}</th>}
          <th scope="col">{t("queue.col.updated")}</th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((incident) => (
          <tr key={incident.id} data-number={incident.number}>
            <td>
              <Link to="/incidents/$id" params={{ id: incident.id ?? "" }}>
                {incident.number}
              </Link>
            </td>
            <td>
              <PriorityBadge priority={incident.priority} />
            </td>
            <td>
              <StateBadge state={incident.state} />
            </td>
            <td>{incident.shortDescription}</td>
            <td>
              <SlaCountdown incident={incident} now={now} />
            </td>
            {withAssignee && <td>{incident.assignee ?? <em>{t("queue.unassigned")}</em>}</td>}
            <td>{dateTime(incident.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
