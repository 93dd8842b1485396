import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Api,
  type KnownError,
  must,
  type ProblemRecord as Problem,
  type ProblemMove,
  versioned,
} from "../api/client";
import { PROBLEM_STATES } from "../api/enums";
import { ErrorBox, Loading, PriorityBadge, StateBadge } from "../components/common";
import { PresenceBar, useEditing } from "../components/Presence";
import { useApi } from "../context";
import { useFormat } from "../lib/format";
import type { Versioned } from "../lib/ifMatch";
import { ApiError } from "../lib/problem";
import { moveForm } from "../lib/problemMoves";
import { TextField } from "./Incident";

export interface ProblemSearch {
  view: "all" | "knownErrors";
  state?: string;
  priority?: string;
  q?: string;
  page?: number;
}

const PRIORITIES = ["P1", "P2", "P3", "P4", "P5"];
const SIZE = 25;

export function ProblemsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const search = useSearch({ from: "/problems" });
  const navigate = useNavigate({ from: "/problems" });
  const { dateTime } = useFormat();
  const [text, setText] = useState(search.q ?? "");
  const ids = { state: useId(), priority: useId(), q: useId() };
  const page = search.page ?? 1;
  const query = {
    state: search.state,
    priority: search.priority,
    q: search.q,
    knownError: search.view === "knownErrors" ? "true" : undefined,
    sort: "-updatedAt",
    page: String(page - 1),
    size: String(SIZE),
  };
  const problems = useQuery({
    queryKey: ["problems", "list", query],
    queryFn: async () => must(await api.GET("/api/v1/problems", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<ProblemSearch>) =>
    void navigate({ search: (prev: ProblemSearch) => ({ ...prev, page: undefined, ...patch }) });
  const total = problems.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / SIZE));
  const items = problems.data?.items ?? [];

  return (
    <section aria-labelledby="problems-title">
      <h1 id="problems-title">{t("problem.listTitle")}</h1>
      <nav aria-label={t("problem.views")} className="tabs">
        {(["all", "knownErrors"] as const).map((view) => (
          <Link
            key={view}
            to="/problems"
            search={{ view }}
            aria-current={search.view === view ? "page" : undefined}
            data-testid={`view-${view}`}
          >
            {t(`problem.view.${view}`)}
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
          {PROBLEM_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`problemState.${s}`)}
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
        <label htmlFor={ids.q}>{t("queue.search")}</label>
        <input
          id={ids.q}
          type="search"
          value={text}
          placeholder={t("problem.searchPlaceholder")}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{t("queue.search")}</button>
      </form>
      <ErrorBox error={problems.error} />
      {problems.isPending ? (
        <Loading />
      ) : (
        <>
          <p className="total" data-testid="total" aria-live="polite">
            {t("problem.total", { count: total })}
          </p>
          {items.length === 0 ? (
            <p className="empty">{t("problem.empty")}</p>
          ) : (
            <table className="list" data-testid="problem-table">
              <thead>
                <tr>
                  <th scope="col">{t("queue.col.number")}</th>
                  <th scope="col">{t("queue.col.priority")}</th>
                  <th scope="col">{t("queue.col.state")}</th>
                  <th scope="col">{t("problem.field.statement")}</th>
                  <th scope="col">{t("problem.col.incidents")}</th>
                  <th scope="col">{t("queue.col.assignee")}</th>
                  <th scope="col">{t("queue.col.updated")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id} data-number={p.number}>
                    <td>
                      <Link to="/problems/$id" params={{ id: p.id ?? "" }}>
                        {p.number}
                      </Link>
                    </td>
                    <td>
                      <PriorityBadge priority={p.priority} />
                    </td>
                    <td>
                      <StateBadge state={p.state} kind="problemState" />{" "}
                      {p.knownError && <span className="badge known-error">{t("problem.knownError")}</span>}
                    </td>
                    <td>{p.statement}</td>
                    <td>{p.incidentCount ?? 0}</td>
                    <td>{p.assignee ?? <em>{t("queue.unassigned")}</em>}</td>
                    <td>{dateTime(p.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
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

async function readProblem(api: Api, id: string): Promise<Versioned<Problem>> {
  return versioned(await api.GET("/api/v1/problems/{id}", { params: { path: { id } } }));
}

export function ProblemScreen() {
  const { id } = useParams({ from: "/problems/$id" });
  const api = useApi();
  const { t } = useTranslation();
  const problem = useQuery({ queryKey: ["problem", id], queryFn: () => readProblem(api, id) });
  if (problem.isPending) return <Loading />;
  if (problem.error) return <ErrorBox error={problem.error} />;
  const record = problem.data;
  const data = record.data;
  const allowed = data.allowedActions ?? [];
  return (
    <article aria-labelledby="problem-title" className="incident">
      <p>
        <Link to="/problems" search={{ view: "all" }}>
          ← {t("problem.back")}
        </Link>
      </p>
      <h1 id="problem-title">
        <span data-testid="problem-number">{data.number}</span> {data.statement}
      </h1>
      <p className="badges">
        <PriorityBadge priority={data.priority} /> <StateBadge state={data.state} kind="problemState" />{" "}
        {data.knownError && <span className="badge known-error">{t("problem.knownError")}</span>}
      </p>
      <PresenceBar recordType="problem" recordNumber={data.number} />
      <div className="columns">
        <div>
          <ProblemDetails data={data} />
          <ProblemMoves record={record} id={id} />
          {allowed.includes("update") && <Analysis record={record} id={id} />}
        </div>
        <div>
          <KnownErrorPanel problem={data} id={id} canPublish={allowed.includes("publish-known-error")} />
          <LinkedIncidents id={id} allowed={allowed} />
        </div>
      </div>
    </article>
  );
}

function ProblemDetails({ data }: { data: Problem }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const fields: [string, React.ReactNode][] = [
    ["assignmentGroup", data.assignmentGroup],
    ["assignee", data.assignee],
    ["impact", data.impact ? t(`level.impact${data.impact}`) : ""],
    ["urgency", data.urgency ? t(`level.urgency${data.urgency}`) : ""],
    ["category", data.category],
    ["source", data.source ? t(`problem.source.${data.source}`) : ""],
    ["rootCause", data.rootCause],
    ["rootCauseIdentifiedAt", dateTime(data.rootCauseIdentifiedAt)],
    ["workaround", data.workaround],
    ["fixDescription", data.fixDescription],
    ["fixChangeNumber", data.fixChangeNumber],
    ["resolutionCode", data.resolutionCode ? t(`problemResolution.${data.resolutionCode}`) : ""],
    ["resolutionNotes", data.resolutionNotes],
    ["duplicateOf", data.duplicateOf],
    ["createdBy", data.createdBy],
    ["createdAt", dateTime(data.createdAt)],
    ["updatedAt", dateTime(data.updatedAt)],
    ["resolvedAt", dateTime(data.resolvedAt)],
  ];
  return (
    <section aria-labelledby="problem-details-title" className="card">
      <h2 id="problem-details-title">{t("incident.details")}</h2>
      <dl className="fields">
        {fields
          .filter(([, v]) => v !== undefined && v !== null && v !== "")
          .map(([k, v]) => (
            <div key={k}>
              <dt>{t(`problem.field.${k}`)}</dt>
              <dd data-field={k}>{v}</dd>
            </div>
          ))}
      </dl>
      {data.description && <p className="description">{data.description}</p>}
    </section>
  );
}

/** Root cause, workaround and fix: the fields the analysis records (PATCH with If-Match). */
function Analysis({ record, id }: { record: Versioned<Problem>; id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const data = record.data;
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  useEditing(draft !== null);
  const save = useMutation({
    mutationFn: async (changes: Record<string, string>) =>
      versioned<Problem>(
        await api.PATCH("/api/v1/problems/{id}", {
          params: { path: { id } },
          headers: { "If-Match": record.etag },
          body: changes,
        }),
      ),
    onSuccess: (result) => {
      queryClient.setQueryData(["problem", id], result);
      void queryClient.invalidateQueries({ queryKey: ["problem", id] });
      void queryClient.invalidateQueries({ queryKey: ["problems"] });
      setDraft(null);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412)
        void queryClient.invalidateQueries({ queryKey: ["problem", id] });
    },
  });
  const fields = ["rootCause", "workaround", "fixDescription"] as const;
  return (
    <section aria-labelledby="analysis-title" className="card">
      <h2 id="analysis-title">{t("problem.analysis")}</h2>
      {draft ? (
        <form
          className="form"
          data-testid="analysis-form"
          onSubmit={(e) => {
            e.preventDefault();
            const changes = Object.fromEntries(
              Object.entries(draft).filter(([k, v]) => v !== (data[k as (typeof fields)[number]] ?? "")),
            );
            save.mutate(changes);
          }}
        >
          {fields.map((f) => (
            <TextField
              key={f}
              label={t(`problem.field.${f}`)}
              value={draft[f] ?? ""}
              multiline
              maxLength={4000}
              onChange={(v) => setDraft({ ...draft, [f]: v })}
            />
          ))}
          <ErrorBox error={save.error} />
          <div className="buttons">
            <button type="submit" className="primary" disabled={save.isPending}>
              {t("incident.save")}
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              {t("incident.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => setDraft(Object.fromEntries(fields.map((f) => [f, data[f] ?? ""])))}
        >
          {t("problem.editAnalysis")}
        </button>
      )}
    </section>
  );
}

function ProblemMoves({ record, id }: { record: Versioned<Problem>; id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const next = useQuery({
    queryKey: ["problem", id, "next-states", record.data.version],
    queryFn: async () =>
      must(await api.GET("/api/v1/problems/{id}/next-states", { params: { path: { id } } })),
  });
  const act = useMutation({
    mutationFn: async ({ move, values }: { move: ProblemMove; values: Record<string, string> }) => {
      const form = moveForm(move, values.resolutionCode);
      let etag = record.etag;
      // what the move needs on the problem itself (the root cause before the fix) is recorded first
      const onProblem = Object.fromEntries(
        form.problemFields.map((f) => [f.name, values[f.name] ?? ""]).filter(([, v]) => v !== ""),
      );
      if (Object.keys(onProblem).length > 0) {
        const patched = versioned<Problem>(
          await api.PATCH("/api/v1/problems/{id}", {
            params: { path: { id } },
            headers: { "If-Match": etag },
            body: onProblem,
          }),
        );
        etag = patched.etag;
      }
      const body = Object.fromEntries(
        form.bodyFields.map((f) => [f.name, values[f.name] ?? ""]).filter(([, v]) => v !== ""),
      );
      const call = api.POST as unknown as (
        path: string,
        init: { params: { path: { id: string } }; headers: Record<string, string>; body?: unknown },
      ) => Promise<{ data?: Problem; response: Response }>;
      return versioned<Problem>(
        await call(`/api/v1/problems/{id}/${move.action}`, {
          params: { path: { id } },
          headers: { "If-Match": etag },
          body: form.bodyFields.length ? body : undefined,
        }),
      );
    },
    onSuccess: (result) => {
      queryClient.setQueryData(["problem", id], result);
      void queryClient.invalidateQueries({ queryKey: ["problem", id] });
      void queryClient.invalidateQueries({ queryKey: ["problems"] });
      setOpen(null);
      setValues({});
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412)
        void queryClient.invalidateQueries({ queryKey: ["problem", id] });
    },
  });
  const moves = next.data?.moves ?? [];
  const current = moves.find((m) => m.action === open);
  const form = current ? moveForm(current, values.resolutionCode) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (current) act.mutate({ move: current, values });
  };

  return (
    <section
      aria-labelledby="problem-actions-title"
      className="card"
      data-testid="actions"
      aria-busy={next.isPending}
    >
      <h2 id="problem-actions-title">{t("incident.actions")}</h2>
      <ErrorBox error={next.error ?? act.error} />
      <div className="buttons">
        {moves.map((move) => {
          const action = move.action ?? "";
          const needs = moveForm(move, undefined).asks;
          return (
            <button
              key={action}
              type="button"
              aria-expanded={needs ? open === action : undefined}
              disabled={act.isPending}
              data-action={action}
              onClick={() => {
                act.reset();
                if (needs) {
                  setValues({ rootCause: record.data.rootCause ?? "" });
                  setOpen(open === action ? null : action);
                } else act.mutate({ move, values: {} });
              }}
            >
              {t(`problem.action.${action}`)}
              {move.target && <span className="visually-hidden"> → {t(`problemState.${move.target}`)}</span>}
            </button>
          );
        })}
        {next.isSuccess && moves.length === 0 && <p>{t("incident.noActions")}</p>}
      </div>
      {current && form && (
        <form className="form action-form" data-testid={`action-form-${current.action}`} onSubmit={submit}>
          {form.codes.length > 0 && (
            <ChoiceField
              label={t("problem.field.resolutionCode")}
              name="resolutionCode"
              value={values.resolutionCode ?? ""}
              choices={form.codes.map((c) => [c, t(`problemResolution.${c}`)])}
              onChange={(v) => setValues({ ...values, resolutionCode: v })}
            />
          )}
          {[...form.problemFields, ...form.bodyFields]
            .filter((f) => f.name !== "resolutionCode")
            .map((f) => (
              <TextField
                key={f.name}
                label={`${t(`problem.field.${f.name}`)}${f.required ? ` (${t("problem.required")})` : ""}`}
                name={f.name}
                value={values[f.name] ?? ""}
                multiline={f.name !== "duplicateOf"}
                required={f.required}
                maxLength={4000}
                onChange={(v) => setValues({ ...values, [f.name]: v })}
              />
            ))}
          <button type="submit" className="primary" disabled={act.isPending}>
            {t("incident.confirm")}: {t(`problem.action.${current.action}`)}
          </button>
        </form>
      )}
    </section>
  );
}

function ChoiceField(props: {
  label: string;
  name: string;
  value: string;
  choices: string[][];
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        required
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="" />
        {props.choices.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

function KnownErrorPanel({ problem, id, canPublish }: { problem: Problem; id: string; canPublish: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { dateTime } = useFormat();
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const knownError = useQuery({
    queryKey: ["problem", id, "known-error", problem.version],
    enabled: !!problem.knownError,
    queryFn: async () =>
      must(await api.GET("/api/v1/problems/{id}/known-error", { params: { path: { id } } })) as KnownError,
  });
  const publish = useMutation({
    mutationFn: async (body: Record<string, string>) =>
      must(
        await api.POST("/api/v1/problems/{id}/known-error", {
          params: { path: { id } },
          body: body as { symptom: string; workaround: string },
        }),
      ),
    onSuccess: () => {
      setDraft(null);
      void queryClient.invalidateQueries({ queryKey: ["problem", id] });
      void queryClient.invalidateQueries({ queryKey: ["problems"] });
    },
  });
  const ke = knownError.data;
  return (
    <section aria-labelledby="known-error-title" className="card" data-testid="known-error">
      <h2 id="known-error-title">{t("problem.knownError")}</h2>
      <ErrorBox error={knownError.error} />
      {ke ? (
        <>
          <dl className="fields">
            <div>
              <dt>{t("problem.field.symptom")}</dt>
              <dd>{ke.symptom}</dd>
            </div>
            {ke.rootCause && (
              <div>
                <dt>{t("problem.field.rootCause")}</dt>
                <dd>{ke.rootCause}</dd>
              </div>
            )}
            <div>
              <dt>{t("problem.field.publishedAt")}</dt>
              <dd>
                {dateTime(ke.publishedAt)} · {ke.publishedBy}
              </dd>
            </div>
          </dl>
          <aside className="workaround" aria-labelledby="ke-workaround-title">
            <h3 id="ke-workaround-title">{t("problem.field.workaround")}</h3>
            <p data-testid="ke-workaround">{ke.workaround}</p>
          </aside>
        </>
      ) : (
        !problem.knownError && <p>{t("problem.noKnownError")}</p>
      )}
      {canPublish &&
        (draft ? (
          <form
            className="form"
            data-testid="publish-form"
            onSubmit={(e) => {
              e.preventDefault();
              publish.mutate(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== "")));
            }}
          >
            <TextField
              label={t("problem.field.symptom")}
              value={draft.symptom}
              required
              maxLength={4000}
              multiline
              onChange={(v) => setDraft({ ...draft, symptom: v })}
            />
            <TextField
              label={t("problem.field.rootCause")}
              value={draft.rootCause}
              maxLength={4000}
              multiline
              onChange={(v) => setDraft({ ...draft, rootCause: v })}
            />
            <TextField
              label={t("problem.field.workaround")}
              value={draft.workaround}
              required
              maxLength={4000}
              multiline
              onChange={(v) => setDraft({ ...draft, workaround: v })}
            />
            <ErrorBox error={publish.error} />
            <div className="buttons">
              <button type="submit" className="primary" disabled={publish.isPending}>
                {t("problem.publish")}
              </button>
              <button type="button" onClick={() => setDraft(null)}>
                {t("incident.cancel")}
              </button>
            </div>
          </form>
        ) : (
          <button
            type="button"
            onClick={() => {
              publish.reset();
              setDraft({
                symptom: ke?.symptom ?? problem.statement ?? "",
                rootCause: ke?.rootCause ?? problem.rootCause ?? "",
                workaround: ke?.workaround ?? problem.workaround ?? "",
              });
            }}
          >
            {problem.knownError ? t("problem.republish") : t("problem.publishKnownError")}
          </button>
        ))}
    </section>
  );
}

function LinkedIncidents({ id, allowed }: { id: string; allowed: string[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { dateTime } = useFormat();
  const [number, setNumber] = useState("");
  const inputId = useId();
  const linked = useQuery({
    queryKey: ["problem", id, "incidents"],
    queryFn: async () => must(await api.GET("/api/v1/problems/{id}/incidents", { params: { path: { id } } })),
  });
  // linking changes the problem's version: the record (and its ETag, which the next move sends as If-Match)
  // is read again before the linked list shows the change, so a move made right after is not refused with 412
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ["problem", id], exact: true });
    await Promise.all([
      queryClient.invalidateQueries({
        queryKey: ["problem", id],
        predicate: (q) => q.queryKey.length > 2,
      }),
      queryClient.invalidateQueries({ queryKey: ["problems"] }),
    ]);
  };
  const link = useMutation({
    mutationFn: async (incidentNumber: string) =>
      api.POST("/api/v1/problems/{id}/incidents", {
        params: { path: { id } },
        body: { incidentNumber },
      }),
    onSuccess: async () => {
      setNumber("");
      await done();
    },
  });
  const unlink = useMutation({
    mutationFn: async (incidentNumber: string) =>
      api.DELETE("/api/v1/problems/{id}/incidents/{incidentNumber}", {
        params: { path: { id, incidentNumber } },
      }),
    onSuccess: done,
  });
  const items = linked.data ?? [];
  return (
    <section aria-labelledby="linked-title" className="card" data-testid="linked-incidents">
      <h2 id="linked-title">{t("problem.linkedIncidents")}</h2>
      <ErrorBox error={linked.error ?? link.error ?? unlink.error} />
      {items.length === 0 ? (
        <p>{t("problem.noLinkedIncidents")}</p>
      ) : (
        <ul className="plain">
          {items.map((i) => (
            <li key={i.incidentNumber} data-number={i.incidentNumber}>
              <strong>
                {i.incidentId ? (
                  <Link to="/incidents/$id" params={{ id: i.incidentId }}>
                    {i.incidentNumber}
                  </Link>
                ) : (
                  i.incidentNumber
                )}
              </strong>{" "}
              {i.state && <StateBadge state={i.state} />}{" "}
              <span className="muted">
                {i.linkedBy} · {dateTime(i.linkedAt)}
              </span>{" "}
              {allowed.includes("unlink-incident") && (
                <button
                  type="button"
                  className="small"
                  disabled={unlink.isPending}
                  onClick={() => unlink.mutate(i.incidentNumber ?? "")}
                >
                  {t("problem.unlink")}
                  <span className="visually-hidden"> {i.incidentNumber}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {allowed.includes("link-incident") && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (number.trim()) link.mutate(number.trim().toUpperCase());
          }}
        >
          <label htmlFor={inputId}>{t("problem.incidentNumber")}</label>
          <input
            id={inputId}
            value={number}
            required
            pattern="[A-Za-z]{3}[0-9]+"
            placeholder="INC0001001"
            onChange={(e) => setNumber(e.target.value)}
          />
          <button type="submit" disabled={link.isPending}>
            {t("problem.link")}
          </button>
        </form>
      )}
    </section>
  );
}
