import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams, useRouter } from "@tanstack/react-router";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Api, type Incident, must, versioned } from "../api/client";
import { HOLD_REASONS, RESOLUTION_CODES } from "../api/enums";
import { useSession } from "../auth/auth";
import { useCommands, useShortcuts } from "../components/Commands";
import { ErrorBox, Loading, PriorityBadge, SlaCountdown, StateBadge } from "../components/common";
import { TemplatePicker } from "../components/Groups";
import { PresenceBar, useEditing } from "../components/Presence";
import { useApi } from "../context";
import { useFormat, useNow } from "../lib/format";
import { changedFields, editWithIfMatch, type Versioned } from "../lib/ifMatch";
import { LEVELS, type Level, priorityOf } from "../lib/priority";
import { ApiError } from "../lib/problem";
import { formatDuration } from "../lib/sla";
import type { TemplateValues } from "../lib/templates";

const EDITABLE = ["shortDescription", "description", "impact", "urgency", "category", "subcategory"] as const;
type Draft = Partial<Record<(typeof EDITABLE)[number], string | number>>;

async function readIncident(api: Api, id: string): Promise<Versioned<Incident>> {
  return versioned(await api.GET("/api/v1/incidents/{id}", { params: { path: { id } } }));
}

export function IncidentScreen() {
  const { id } = useParams({ from: "/incidents/$id" });
  const api = useApi();
  const { t } = useTranslation();
  const session = useSession();
  const incident = useQuery({ queryKey: ["incident", id], queryFn: () => readIncident(api, id) });
  const router = useRouter();
  const navigate = useNavigate();
  const write = (kind: "comments" | "work-notes") => {
    document.querySelector<HTMLInputElement>(`input[data-kind="${kind}"]`)?.click();
    document.querySelector<HTMLTextAreaElement>('[data-testid="conversation-body"]')?.focus();
  };
  useShortcuts([
    { key: "c", run: () => write("comments") },
    { key: "w", run: () => session.isAgent && write("work-notes") },
    { key: "e", run: () => document.querySelector<HTMLButtonElement>('[data-testid="edit"]')?.click() },
    {
      key: "Escape",
      run: () =>
        window.history.length > 1
          ? router.history.back()
          : void navigate(
              session.isAgent ? { to: "/queue", search: { view: "mine" } } : { to: "/my/incidents" },
            ),
    },
  ]);

  if (incident.isPending) return <Loading />;
  if (incident.error) return <ErrorBox error={incident.error} />;
  const record = incident.data;
  const data = record.data;
  return (
    <article aria-labelledby="incident-title" className="incident">
      {session.isAgent && (
        <p>
          <Link to="/queue" search={{ view: "mine" }}>
            ← {t("incident.back")}
          </Link>
        </p>
      )}
      <h1 id="incident-title">
        <span data-testid="incident-number">{data.number}</span> {data.shortDescription}
      </h1>
      <p className="badges">
        <PriorityBadge priority={data.priority} /> <StateBadge state={data.state} />{" "}
        {data.holdReason && <span className="badge">{t(`holdReason.${data.holdReason}`)}</span>}
        {data.major && <span className="badge major">{t("incident.field.major")}</span>}
      </p>
      <PresenceBar recordType="incident" recordNumber={data.number} />
      {data.workaround && (
        <aside className="workaround" aria-labelledby="workaround-title">
          <h2 id="workaround-title">{t("incident.workaround")}</h2>
          <p>{data.workaround}</p>
        </aside>
      )}
      <div className="columns">
        <div>
          <Details record={record} id={id} canEdit={session.isAgent} />
          <Actions record={record} id={id} />
          <Conversation
            id={id}
            isAgent={session.isAgent}
            values={{ caller: data.caller, number: data.number, agent: session.name }}
          />
          <Timeline id={id} isAgent={session.isAgent} />
        </div>
        <div>
          <SlaPanel id={id} incident={data} />
          <Links incident={data} />
          {session.isAgent && <KnownErrorSearch incident={data} />}
        </div>
      </div>
    </article>
  );
}

function Details({ record, id, canEdit }: { record: Versioned<Incident>; id: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { dateTime } = useFormat();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [base, setBase] = useState<Versioned<Incident> | null>(null);
  const [stale, setStale] = useState<{ current: Versioned<Incident>; changed: string[] } | null>(null);
  const [saved, setSaved] = useState(false);
  useEditing(draft !== null);
  const data = record.data;

  const save = useMutation({
    mutationFn: async ({ from, changes }: { from: Versioned<Incident>; changes: Draft }) =>
      editWithIfMatch(
        from.etag,
        async (ifMatch) =>
          versioned<Incident>(
            await api.PATCH("/api/v1/incidents/{id}", {
              params: { path: { id }, header: { "If-Match": ifMatch } as never },
              headers: { "If-Match": ifMatch },
              body: changes as never,
            }),
          ),
        () => readIncident(api, id),
      ),
    onSuccess: (outcome, { from }) => {
      if (outcome.kind === "saved") {
        queryClient.setQueryData(["incident", id], outcome.record);
        void queryClient.invalidateQueries({ queryKey: ["incidents"] });
        void queryClient.invalidateQueries({ queryKey: ["incident", id] });
        setDraft(null);
        setStale(null);
        setSaved(true);
      } else {
        queryClient.setQueryData(["incident", id], outcome.current);
        const changed = changedFields(from.data, outcome.current.data, [
          ...EDITABLE,
          "state",
          "assignee",
          "priority",
        ] as (keyof Incident)[]) as string[];
        setStale({ current: outcome.current, changed });
      }
    },
  });

  const startEdit = () => {
    setSaved(false);
    setBase(record);
    setDraft(Object.fromEntries(EDITABLE.map((f) => [f, data[f] ?? ""])) as Draft);
  };
  const changes = (d: Draft, from: Incident): Draft =>
    Object.fromEntries(
      Object.entries(d).filter(([k, v]) => v !== ((from as Record<string, unknown>)[k] ?? "")),
    ) as Draft;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft && base) save.mutate({ from: base, changes: changes(draft, base.data) });
  };
  const reapply = () => {
    if (!stale || !draft || !base) return;
    const mine = changes(draft, base.data);
    setBase(stale.current);
    setStale(null);
    save.mutate({ from: stale.current, changes: mine });
  };

  const fields: [string, React.ReactNode][] = [
    ["caller", data.caller],
    ["assignmentGroup", data.assignmentGroup],
    ["assignee", data.assignee ?? t("queue.unassigned")],
    ["impact", data.impact ? t(`level.impact${data.impact}`) : ""],
    ["urgency", data.urgency ? t(`level.urgency${data.urgency}`) : ""],
    ["category", data.category],
    ["subcategory", data.subcategory],
    ["reportCount", data.reportCount],
    ["createdAt", dateTime(data.createdAt)],
    ["updatedAt", dateTime(data.updatedAt)],
    ["resolvedAt", dateTime(data.resolvedAt)],
    [
      "resolutionCode",
      data.resolutionCode ? t(`resolutionCode.${data.resolutionCode}`, data.resolutionCode) : "",
    ],
    ["resolutionNotes", data.resolutionNotes],
  ];

  return (
    <section aria-labelledby="details-title" className="card">
      <h2 id="details-title">{t("incident.details")}</h2>
      {stale && (
        <div role="alert" className="warning" data-testid="stale">
          <h3>{t("incident.staleTitle")}</h3>
          <p>
            {t("incident.staleText", {
              fields: stale.changed.length
                ? stale.changed.map((f) => t(`incident.field.${f}`)).join(", ")
                : t("incident.staleNone"),
            })}
          </p>
          <button type="button" className="primary" onClick={reapply}>
            {t("incident.reloadReapply")}
          </button>{" "}
          <button
            type="button"
            onClick={() => {
              setStale(null);
              setDraft(null);
            }}
          >
            {t("incident.discardMine")}
          </button>
        </div>
      )}
      {saved && !draft && (
        <p role="status" className="ok">
          {t("incident.saved")}
        </p>
      )}
      {draft ? (
        <form onSubmit={submit} className="form" data-testid="edit-form">
          <TextField
            label={t("incident.field.shortDescription")}
            value={String(draft.shortDescription ?? "")}
            onChange={(v) => setDraft({ ...draft, shortDescription: v })}
            required
            maxLength={160}
          />
          <TextField
            label={t("incident.field.description")}
            value={String(draft.description ?? "")}
            multiline
            onChange={(v) => setDraft({ ...draft, description: v })}
            maxLength={4000}
          />
          <LevelPicker
            kind="impact"
            value={Number(draft.impact) as Level}
            onChange={(v) => setDraft({ ...draft, impact: v })}
          />
          <LevelPicker
            kind="urgency"
            value={Number(draft.urgency) as Level}
            onChange={(v) => setDraft({ ...draft, urgency: v })}
          />
          <TextField
            label={t("incident.field.category")}
            value={String(draft.category ?? "")}
            onChange={(v) => setDraft({ ...draft, category: v })}
            maxLength={80}
          />
          <ErrorBox error={save.error} />
          <div className="buttons">
            <button type="submit" className="primary" disabled={save.isPending || !!stale}>
              {t("incident.save")}
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(null);
                setStale(null);
              }}
            >
              {t("incident.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <>
          <dl className="fields">
            {fields
              .filter(([, v]) => v !== undefined && v !== null && v !== "")
              .map(([k, v]) => (
                <div key={k}>
                  <dt>{t(`incident.field.${k}`)}</dt>
                  <dd data-field={k}>{v}</dd>
                </div>
              ))}
          </dl>
          {data.description && <p className="description">{data.description}</p>}
          {canEdit && (
            <button type="button" onClick={startEdit} data-testid="edit">
              {t("incident.edit")}
            </button>
          )}
        </>
      )}
    </section>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
  name?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea
          id={id}
          name={props.name}
          value={props.value}
          required={props.required}
          maxLength={props.maxLength}
          rows={4}
          onChange={(e) => props.onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          name={props.name}
          value={props.value}
          required={props.required}
          maxLength={props.maxLength}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </div>
  );
}

export function LevelPicker({
  kind,
  value,
  onChange,
}: {
  kind: "impact" | "urgency";
  value: Level;
  onChange: (v: Level) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t(`incident.field.${kind}`)}</label>
      <select id={id} name={kind} value={value} onChange={(e) => onChange(Number(e.target.value) as Level)}>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`level.${kind}${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PriorityPreview({ impact, urgency }: { impact: Level; urgency: Level }) {
  const { t } = useTranslation();
  return (
    <p className="priority-preview" aria-live="polite" data-testid="priority-preview">
      {t("newIncident.priorityPreview")}: <PriorityBadge priority={priorityOf(impact, urgency)} />
    </p>
  );
}

function Actions({ record, id }: { record: Versioned<Incident>; id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const next = useQuery({
    queryKey: ["incident", id, "next-states", record.data.version],
    queryFn: async () =>
      must(await api.GET("/api/v1/incidents/{id}/next-states", { params: { path: { id } } })),
  });
  const act = useMutation({
    mutationFn: async ({ action, body }: { action: string; body?: Record<string, string> }) => {
      const call = api.POST as unknown as (
        path: string,
        init: { params: { path: { id: string } }; headers: Record<string, string>; body?: unknown },
      ) => Promise<{ data?: Incident; response: Response }>;
      return versioned<Incident>(
        await call(`/api/v1/incidents/{id}/${action}`, {
          params: { path: { id } },
          headers: { "If-Match": record.etag },
          body,
        }),
      );
    },
    onSuccess: (result) => {
      queryClient.setQueryData(["incident", id], result);
      void queryClient.invalidateQueries({ queryKey: ["incident"] });
      void queryClient.invalidateQueries({ queryKey: ["incidents"] });
      setOpen(null);
      setValues({});
    },
    onError: (error) => {
      // someone changed the incident meanwhile: show the current record (and its moves) to act on
      if (error instanceof ApiError && error.status === 412) {
        void queryClient.invalidateQueries({ queryKey: ["incident", id] });
      }
    },
  });
  const moves = next.data?.moves ?? [];
  const canAssign =
    session.isAgent &&
    record.data.assignee !== session.username &&
    !["CLOSED", "CANCELLED"].includes(record.data.state ?? "");
  // a move chosen in the command palette: its form opens with the focus on its first field
  const [focusForm, setFocusForm] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusForm && open) {
      formRef.current?.querySelector<HTMLElement>("select, textarea, input")?.focus();
      setFocusForm(false);
    }
  }, [focusForm, open]);
  useCommands([
    ...(canAssign
      ? [
          {
            id: "assign-me",
            label: t("incident.assignToMe"),
            run: () => act.mutate({ action: "assign", body: { assignee: session.username } }),
          },
        ]
      : []),
    ...moves.map((move) => ({
      id: `move-${move.action}`,
      label: t(`incident.action.${move.action}`),
      run: () => {
        if (moveFields(move).length) {
          setOpen(move.action ?? null);
          setFocusForm(true);
        } else act.mutate({ action: move.action ?? "" });
      },
    })),
  ]);

  return (
    <section
      aria-labelledby="actions-title"
      className="card"
      data-testid="actions"
      aria-busy={next.isPending}
    >
      <h2 id="actions-title">{t("incident.actions")}</h2>
      <ErrorBox error={next.error ?? act.error} />
      <div className="buttons">
        {canAssign && (
          <button
            type="button"
            disabled={act.isPending}
            onClick={() => act.mutate({ action: "assign", body: { assignee: session.username } })}
          >
            {t("incident.assignToMe")}
          </button>
        )}
        {moves.map((move) => {
          const action = move.action ?? "";
          const fields = moveFields(move);
          return (
            <button
              key={action}
              type="button"
              aria-expanded={fields.length ? open === action : undefined}
              disabled={act.isPending}
              data-action={action}
              onClick={() =>
                fields.length ? setOpen(open === action ? null : action) : act.mutate({ action })
              }
            >
              {t(`incident.action.${action}`)}
            </button>
          );
        })}
        {next.isSuccess && moves.length === 0 && !canAssign && <p>{t("incident.noActions")}</p>}
      </div>
      {moves
        .filter((m) => m.action === open)
        .map((move) => {
          const fields = moveFields(move);
          return (
            <form
              key={move.action}
              ref={formRef}
              className="form action-form"
              data-testid={`action-form-${move.action}`}
              onSubmit={(e) => {
                e.preventDefault();
                const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
                act.mutate({ action: move.action ?? "", body });
              }}
            >
              {fields.map(({ name, required }) => (
                <MoveField
                  key={name}
                  field={name}
                  action={move.action ?? ""}
                  required={required}
                  value={values[name] ?? ""}
                  onChange={(v) => setValues({ ...values, [name]: v })}
                />
              ))}
              <button type="submit" className="primary" disabled={act.isPending}>
                {t("incident.confirm")}: {t(`incident.action.${move.action}`)}
              </button>
            </form>
          );
        })}
    </section>
  );
}

/**
 * The body fields of a move: `requires` are required, `optional` not. A field the server qualifies with a
 * condition in its name ("comment (to the caller, when …)") is asked for, and left to the server to enforce.
 */
function moveFields(move: {
  requires?: string[];
  optional?: string[];
}): { name: string; required: boolean }[] {
  const fields = new Map<string, boolean>();
  for (const [list, required] of [
    [move.requires ?? [], true],
    [move.optional ?? [], false],
  ] as const) {
    for (const field of list) {
      const name = field.match(/^\w+/)?.[0];
      if (name && !fields.has(name)) fields.set(name, required && !field.includes("("));
    }
  }
  return [...fields].map(([name, required]) => ({ name, required }));
}

function MoveField({
  field,
  action,
  required,
  value,
  onChange,
}: {
  field: string;
  action: string;
  required: boolean;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const choices =
    field === "holdReason" || (action === "hold" && field === "reason")
      ? HOLD_REASONS.map((c) => [c, t(`holdReason.${c}`)])
      : field === "resolutionCode"
        ? RESOLUTION_CODES.map((c) => [c, t(`resolutionCode.${c}`)])
        : null;
  const label = t(
    field === "holdReason"
      ? "incident.field.holdReason"
      : field === "reason"
        ? "incident.reason"
        : field === "comment"
          ? "incident.comment"
          : `incident.field.${field}`,
  );
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {choices ? (
        <select
          id={id}
          name={field}
          required={required}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="" />
          {choices.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      ) : (
        <textarea
          id={id}
          name={field}
          required={required}
          value={value}
          rows={3}
          maxLength={4000}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}

function Conversation({ id, isAgent, values }: { id: string; isAgent: boolean; values: TemplateValues }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<"comments" | "work-notes">("comments");
  const [body, setBody] = useState("");
  const [posted, setPosted] = useState(false);
  useEditing(body.trim() !== "");
  const bodyId = useId();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const post = useMutation({
    mutationFn: async () => {
      const path =
        kind === "comments" ? "/api/v1/incidents/{id}/comments" : "/api/v1/incidents/{id}/work-notes";
      await api.POST(path, { params: { path: { id } }, body: { body } });
    },
    // a comment may change the incident (its version, the response SLA): wait for the fresh record, so that
    // the next action sends the current ETag
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["incident", id] });
      setBody("");
      setPosted(true);
    },
  });
  return (
    <section aria-labelledby="conv-title" className="card">
      <h2 id="conv-title">{t("incident.conversation")}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setPosted(false);
          post.mutate();
        }}
      >
        {isAgent && (
          <fieldset className="radios">
            <legend>{t("incident.kind")}</legend>
            <label>
              <input
                type="radio"
                name="kind"
                data-kind="comments"
                checked={kind === "comments"}
                onChange={() => setKind("comments")}
              />
              {t("incident.addComment")}
            </label>
            <label>
              <input
                type="radio"
                name="kind"
                data-kind="work-notes"
                checked={kind === "work-notes"}
                onChange={() => setKind("work-notes")}
              />
              {t("incident.addWorkNote")}
            </label>
          </fieldset>
        )}
        {isAgent && <TemplatePicker target={bodyRef} values={values} onInsert={setBody} />}
        <label htmlFor={bodyId}>{t("incident.body")}</label>
        <textarea
          id={bodyId}
          ref={bodyRef}
          data-testid="conversation-body"
          required
          value={body}
          rows={3}
          maxLength={4000}
          onChange={(e) => setBody(e.target.value)}
        />
        <ErrorBox error={post.error} />
        <button type="submit" className="primary" disabled={post.isPending}>
          {t("incident.post")}
        </button>
        {posted && (
          <span role="status" className="ok">
            {" "}
            {t("incident.posted")}
          </span>
        )}
      </form>
    </section>
  );
}

interface TimelineItem {
  at: string;
  key: string;
  kind: "comment" | "work-note" | "change";
  who: string;
  text: string;
}

function Timeline({ id, isAgent }: { id: string; isAgent: boolean }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { dateTime } = useFormat();
  const params = { params: { path: { id } } };
  const comments = useQuery({
    queryKey: ["incident", id, "comments"],
    queryFn: async () => must(await api.GET("/api/v1/incidents/{id}/comments", params)),
  });
  const notes = useQuery({
    queryKey: ["incident", id, "work-notes"],
    enabled: isAgent,
    queryFn: async () => must(await api.GET("/api/v1/incidents/{id}/work-notes", params)),
  });
  const history = useQuery({
    queryKey: ["incident", id, "history"],
    queryFn: async () => must(await api.GET("/api/v1/incidents/{id}/history", params)),
  });
  const items: TimelineItem[] = [
    ...(comments.data ?? []).map((c) => ({
      at: c.createdAt ?? "",
      key: `c${c.id}`,
      kind: "comment" as const,
      who: c.author ?? "",
      text: c.body ?? "",
    })),
    ...(notes.data ?? []).map((c) => ({
      at: c.createdAt ?? "",
      key: `n${c.id}`,
      kind: "work-note" as const,
      who: c.author ?? "",
      text: c.body ?? "",
    })),
    ...(history.data ?? []).map((h, i) => ({
      at: h.at ?? "",
      key: `h${i}`,
      kind: "change" as const,
      who: h.actor ?? "",
      text: `${h.field ?? ""}\u0000${h.from ?? ""}\u0000${h.to ?? ""}`,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  // history names the record's fields; a field the catalogue does not know yet is shown by its API name
  const fieldLabel = (f: string) => (i18n.exists(`incident.field.${f}`) ? t(`incident.field.${f}`) : f);
  const value = (field: string, v: string) =>
    v && ["state", "holdReason", "resolutionCode"].includes(field) && i18n.exists(`${field}.${v}`)
      ? t(`${field}.${v}`)
      : v || "—";
  return (
    <section
      aria-labelledby="timeline-title"
      className="card"
      data-testid="timeline-section"
      aria-busy={comments.isPending || history.isPending || (isAgent && notes.isPending)}
    >
      <h2 id="timeline-title">{t("incident.timeline")}</h2>
      <ErrorBox error={comments.error ?? notes.error ?? history.error} />
      {items.length === 0 ? (
        <p>{t("incident.timelineEmpty")}</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {items.map((item) => {
            const [field, from, to] = item.text.split("\u0000");
            return (
              <li key={item.key} className={`tl-${item.kind}`}>
                <p className="meta">
                  <time dateTime={item.at}>{dateTime(item.at)}</time>{" "}
                  {item.kind === "comment" && t("incident.commentBy", { author: item.who })}
                  {item.kind === "work-note" && (
                    <>
                      {t("incident.workNoteBy", { author: item.who })}{" "}
                      <span className="badge internal">{t("incident.internal")}</span>
                    </>
                  )}
                  {item.kind === "change" &&
                    t("incident.changeBy", { actor: item.who, field: fieldLabel(field) })}
                </p>
                <p className="body">
                  {item.kind === "change"
                    ? t("incident.changeFromTo", { from: value(field, from), to: value(field, to) })
                    : item.text}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function SlaPanel({ id, incident }: { id: string; incident: Incident }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { dateTime } = useFormat();
  const now = useNow();
  const sla = useQuery({
    queryKey: ["incident", id, "sla", incident.version],
    queryFn: async () => must(await api.GET("/api/v1/incidents/{id}/sla", { params: { path: { id } } })),
  });
  const data = sla.data;
  const calendar = data?.calendar;
  return (
    <section aria-labelledby="sla-title" className="card" data-testid="sla-panel" aria-busy={sla.isPending}>
      <h2 id="sla-title">{t("sla.title")}</h2>
      <p>
        <SlaCountdown incident={incident} now={now} />
      </p>
      <ErrorBox error={sla.error} />
      {data && (
        <>
          <p>
            {t("sla.source")}: {t(`sla.source${data.targetSource ?? "DEFAULT"}`)}
          </p>
          {calendar && (
            <p>
              {t("sla.calendar")}:{" "}
              {calendar.kind === "ALWAYS"
                ? t("sla.calendarAlways")
                : t("sla.calendarHours", {
                    days: (calendar.workingDays ?? []).join(", "),
                    start: String(calendar.start ?? ""),
                    end: String(calendar.end ?? ""),
                    zone: calendar.timeZone,
                  })}
            </p>
          )}
          {(["response", "resolution"] as const).map((which) => {
            const clock = data[which];
            if (!clock) return null;
            return (
              <div key={which} className="clock">
                <h3>
                  {t(`sla.${which}`)}{" "}
                  {clock.state && (
                    <span className={`badge sla-state-${clock.state.toLowerCase()}`}>
                      {t(`sla.state.${clock.state}`)}
                    </span>
                  )}
                </h3>
                <dl className="fields">
                  {clock.targetMinutes != null && (
                    <div>
                      <dt>{t("sla.target")}</dt>
                      <dd>{t("sla.targetMinutes", { count: clock.targetMinutes })}</dd>
                    </div>
                  )}
                  {clock.startedAt && (
                    <div>
                      <dt>{t("sla.started")}</dt>
                      <dd>{dateTime(clock.startedAt)}</dd>
                    </div>
                  )}
                  {clock.dueAt && (
                    <div>
                      <dt>{t("sla.due")}</dt>
                      <dd>{dateTime(clock.dueAt)}</dd>
                    </div>
                  )}
                  {clock.stoppedAt && (
                    <div>
                      <dt>{t("sla.stopped")}</dt>
                      <dd>{dateTime(clock.stoppedAt)}</dd>
                    </div>
                  )}
                  {clock.elapsedMinutes != null && (
                    <div>
                      <dt>{t("sla.elapsed")}</dt>
                      <dd>
                        {formatDuration(clock.elapsedMinutes * 60_000, i18n.language)} (
                        {Math.round(clock.elapsedPercent ?? 0)}%)
                      </dd>
                    </div>
                  )}
                  {!!clock.pausedMinutes && (
                    <div>
                      <dt>{t("sla.paused")}</dt>
                      <dd>{formatDuration(clock.pausedMinutes * 60_000, i18n.language)}</dd>
                    </div>
                  )}
                </dl>
                {(clock.intervals ?? []).length > 0 && (
                  <ul className="intervals" aria-label={t("sla.intervals")}>
                    {(clock.intervals ?? []).map((iv) => (
                      <li key={`${iv.kind}${iv.from}`}>
                        {iv.kind === "PAUSED" ? t("sla.pausedInterval") : t("sla.running")}:{" "}
                        {dateTime(iv.from)} – {iv.to ? dateTime(iv.to) : t("sla.ongoing")}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}

function Links({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const api = useApi();
  const service = useQuery({
    queryKey: ["catalog", "service", incident.serviceId],
    enabled: !!incident.serviceId,
    queryFn: async () =>
      must(
        await api.GET("/api/v1/catalog/services/{id}", {
          params: { path: { id: incident.serviceId ?? "" } },
        }),
      ),
  });
  const rows: [string, React.ReactNode][] = [];
  if (incident.serviceId) rows.push([t("incident.field.service"), service.data?.name ?? incident.serviceId]);
  if (incident.problemNumber)
    rows.push([t("incident.problem"), <ProblemLink key="prb" number={incident.problemNumber} />]);
  if (incident.causedByChange) rows.push([t("incident.causedByChange"), incident.causedByChange]);
  if (incident.possibleCauseChange)
    rows.push([t("incident.possibleCauseChange"), incident.possibleCauseChange]);
  if (incident.parentId)
    rows.push([
      t("incident.parent"),
      <Link key="p" to="/incidents/$id" params={{ id: incident.parentId }}>
        {incident.parentId}
      </Link>,
    ]);
  return (
    <section aria-labelledby="links-title" className="card">
      <h2 id="links-title">{t("incident.links")}</h2>
      {rows.length === 0 ? (
        <p>{t("incident.noLinks")}</p>
      ) : (
        <dl className="fields">
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** The linked problem by its number (the incident holds no problem id): a link when the caller may see it. */
function ProblemLink({ number }: { number: string }) {
  const api = useApi();
  const session = useSession();
  const found = useQuery({
    queryKey: ["problems", "by-number", number],
    enabled: session.isProblemStaff,
    queryFn: async () =>
      must(await api.GET("/api/v1/problems", { params: { query: { q: number, size: "5" } } })),
  });
  const problem = found.data?.items?.find((p) => p.number === number);
  if (!problem?.id) return <>{number}</>;
  return (
    <Link to="/problems/$id" params={{ id: problem.id }}>
      {number}
    </Link>
  );
}

/** Search the known errors and link this incident to one's problem; its workaround then comes onto the incident. */
function KnownErrorSearch({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [q, setQ] = useState<string | null>(null);
  const inputId = useId();
  const results = useQuery({
    queryKey: ["problems", "known-errors", q],
    enabled: q !== null,
    queryFn: async () =>
      must(await api.GET("/api/v1/known-errors", { params: { query: { q: q || undefined, size: "10" } } })),
  });
  const link = useMutation({
    mutationFn: async ({ problemId }: { problemId: string; problemNumber: string }) =>
      api.POST("/api/v1/problems/{id}/incidents", {
        params: { path: { id: problemId } },
        body: { incidentNumber: incident.number ?? "" },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["incident", incident.id] });
      void queryClient.invalidateQueries({ queryKey: ["problems"] });
    },
  });
  const items = results.data?.items ?? [];
  return (
    <section aria-labelledby="ke-search-title" className="card" data-testid="known-error-search">
      <h2 id="ke-search-title">{t("incident.knownErrors")}</h2>
      <form
        className="inline-form"
        aria-label={t("incident.knownErrors")}
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
        }}
      >
        <label htmlFor={inputId}>{t("incident.searchKnownErrors")}</label>
        <input id={inputId} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t("queue.search")}</button>
      </form>
      <ErrorBox error={results.error ?? link.error} />
      {link.isSuccess && link.variables && (
        <p role="status" className="ok">
          {t("incident.linkedToProblem", { number: link.variables.problemNumber })}
        </p>
      )}
      {q !== null && !results.isPending && items.length === 0 && <p>{t("incident.noKnownErrors")}</p>}
      {items.length > 0 && (
        <ul className="plain known-errors" data-testid="known-error-results">
          {items.map((ke) => {
            const linked = incident.problemNumber === ke.problemNumber;
            return (
              <li key={ke.id} data-problem={ke.problemNumber}>
                <p>
                  <strong>{ke.problemNumber}</strong> {ke.symptom}
                </p>
                <p className="muted">
                  {t("incident.workaroundShort")}: {ke.workaround}
                </p>
                {linked ? (
                  <span className="badge">{t("incident.linked")}</span>
                ) : (
                  <button
                    type="button"
                    className="small"
                    disabled={link.isPending}
                    onClick={() =>
                      link.mutate({ problemId: ke.problemId ?? "", problemNumber: ke.problemNumber ?? "" })
                    }
                  >
                    {t("incident.linkToProblem", { number: ke.problemNumber })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
