import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Incident, must } from "../api/client";
import { INCIDENT_STATES } from "../api/enums";
import { useSession } from "../auth/auth";
import { BulkActions, BulkResults, useBulk } from "../components/Bulk";
import { useShortcuts } from "../components/Commands";
import { ErrorBox, Loading, PriorityBadge, SlaCountdown, StateBadge } from "../components/common";
import { SavedViewsPanel } from "../components/Groups";
import { useApi } from "../context";
import { type BulkTarget, ifMatchOf } from "../lib/bulk";
import { useFormat, useNow } from "../lib/format";
import { QUEUE_VIEWS, type QueueSearch, viewQuery } from "../lib/savedViews";
import { step } from "../lib/shortcuts";

export { QUEUE_VIEWS, type QueueSearch } from "../lib/savedViews";

const PRIORITIES = ["P1", "P2", "P3", "P4", "P5"];
const SORTS = ["-updatedAt", "updatedAt", "slaDue", "priority", "-createdAt", "number"];
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
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [active, setActive] = useState(-1);
  const searchBox = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  // the records a bulk action changed leave the selection; the refused ones stay selected, to act on again
  const bulk = useBulk((results) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const r of results) if (r.status === "done") next.delete(r.id);
      return next;
    }),
  );

  const base = viewQuery(search.view, session.username, search.state);
  const query = {
    state: search.state,
    priority: search.priority,
    q: search.q,
    sort: search.sort ?? base.defaultSort,
    page: String(page - 1),
    size: String(SIZE),
    assignee: search.assignee ?? base.assignee,
    assignmentGroup: base.assignmentGroup,
    open: base.open,
    slaAtRisk: base.slaAtRisk,
    major: base.major,
  };
  const incidents = useQuery({
    queryKey: ["incidents", "queue", query],
    queryFn: async () => must(await api.GET("/api/v1/incidents", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const rows = incidents.data?.items ?? [];

  // a new list (another view, page or filter) starts without a selection or an active row
  const listKey = JSON.stringify(query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the list's query changes
  useEffect(() => {
    setSelected(new Set());
    setActive(-1);
  }, [listKey]);
  useEffect(() => {
    setText(search.q ?? "");
  }, [search.q]);

  const set = (patch: Partial<QueueSearch>) =>
    void navigate({ search: (prev: QueueSearch) => ({ ...prev, page: undefined, ...patch }) });
  const total = incidents.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / SIZE));

  const targets = (list: Incident[]): BulkTarget[] =>
    list.map((i) => ({ id: i.id ?? "", number: i.number ?? "", version: i.version ?? 0 }));
  const selection = targets(rows.filter((r) => selected.has(r.id ?? "")));
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const focusRow = (index: number) => {
    setActive(index);
    tableRef.current?.querySelectorAll<HTMLAnchorElement>("tbody tr a.row-link")[index]?.focus();
  };
  const assignToMe = (list: BulkTarget[]) =>
    bulk.run("assignToMe", list, (target) =>
      api.POST("/api/v1/incidents/{id}/assign", {
        params: { path: { id: target.id } },
        headers: { "If-Match": ifMatchOf(target.version) },
        body: { assignee: session.username },
      } as never),
    );

  useShortcuts([
    { key: "j", run: () => focusRow(step(active, 1, rows.length)) },
    { key: "ArrowDown", run: () => focusRow(step(active, 1, rows.length)) },
    { key: "k", run: () => focusRow(step(active, -1, rows.length)) },
    { key: "ArrowUp", run: () => focusRow(step(active, -1, rows.length)) },
    { key: "x", run: () => rows[active]?.id && toggle(rows[active].id) },
    { key: "/", run: () => searchBox.current?.focus() },
    {
      key: "a",
      run: () => {
        const row = rows[active];
        if (row) void assignToMe(targets([row]));
      },
    },
    {
      key: "Enter",
      when: () => !!tableRef.current?.contains(document.activeElement),
      run: () => {
        const id = rows[active]?.id;
        if (id) void navigate({ to: "/incidents/$id", params: { id } });
      },
    },
  ]);

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
            {view === "groups" ? t("groups.view") : t(`queue.view.${view}`)}
          </Link>
        ))}
      </nav>
      <SavedViewsPanel search={search} />
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
          <option value="">{search.view === "all" ? t("queue.any") : t("queue.anyOpen")}</option>
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
          ref={searchBox}
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
            {selection.length > 0 && <> · {t("bulk.selected", { count: selection.length })}</>}
          </p>
          {selection.length > 0 && (
            <BulkActions targets={selection} bulk={bulk} onAssignToMe={() => void assignToMe(selection)} />
          )}
          <BulkResults bulk={bulk} onDismiss={bulk.clear} />
          <div ref={tableRef}>
            <IncidentTable
              incidents={rows}
              now={now}
              dateTime={dateTime}
              withAssignee
              selection={{
                selected,
                toggle,
                toggleAll: (on) => setSelected(on ? new Set(rows.map((r) => r.id ?? "")) : new Set()),
              }}
              active={active}
              onFocusRow={setActive}
            />
          </div>
          <nav className="pager" aria-label={t("queue.pageOf", { page, pages })}>
            <button type="button" disabled={page <= 1} onClick={() => set({ page: page - 1 })}>
              {t("queue.previous")}
            </button>
            <span>{t("queue.pageOf", { page, pages })}</span>
            <button type="button" disabled={page >= pages} onClick={() => set({ page: page + 1 })}>
              {t("queue.next")}
            </button>
          </nav>
          <p className="hint">{t("keys.hint")}</p>
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
  selection,
  active = -1,
  onFocusRow,
}: {
  incidents: Incident[];
  now: number;
  dateTime: (v?: string) => string;
  withAssignee?: boolean;
  selection?: {
    selected: Set<string>;
    toggle: (id: string) => void;
    toggleAll: (on: boolean) => void;
  };
  active?: number;
  onFocusRow?: (index: number) => void;
}) {
  const { t } = useTranslation();
  if (incidents.length === 0) return <p className="empty">{t("queue.empty")}</p>;
  const all = selection && incidents.every((i) => selection.selected.has(i.id ?? ""));
  return (
    <table className="list" data-testid="incident-table">
      <thead>
        <tr>
          {selection && (
            <th scope="col" className="select">
              <input
                type="checkbox"
                aria-label={t("bulk.selectAll")}
                checked={!!all}
                onChange={(e) => selection.toggleAll(e.target.checked)}
              />
            </th>
          )}
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
        {incidents.map((incident, index) => (
          <tr
            key={incident.id}
            data-number={incident.number}
            className={[
              index === active ? "active" : "",
              selection?.selected.has(incident.id ?? "") ? "selected" : "",
            ].join(" ")}
          >
            {selection && (
              <td className="select">
                <input
                  type="checkbox"
                  aria-label={t("bulk.select", { number: incident.number })}
                  checked={selection.selected.has(incident.id ?? "")}
                  onChange={() => selection.toggle(incident.id ?? "")}
                />
              </td>
            )}
            <td>
              <Link
                to="/incidents/$id"
                params={{ id: incident.id ?? "" }}
                className="row-link"
                onFocus={() => onFocusRow?.(index)}
              >
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
