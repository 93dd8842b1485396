import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Api, must, type RequestTask, type ServiceRequest, versioned } from "../api/client";
import { useSession } from "../auth/auth";
import { ErrorBox, Loading, StateBadge } from "../components/common";
import { PresenceBar, useEditing } from "../components/Presence";
import { useApi } from "../context";
import { useFormat } from "../lib/format";
import type { Versioned } from "../lib/ifMatch";
import { approvalStatus } from "../lib/requests";

type RequestAction = "approve" | "reject" | "cancel" | "close";

async function requestAction(api: Api, id: string, action: RequestAction, etag?: string, comment?: string) {
  const headers = etag ? { "If-Match": etag } : undefined;
  const params = { params: { path: { id } }, headers };
  if (action === "approve" || action === "reject")
    return must(
      await api.POST(`/api/v1/requests/{id}/${action}`, { ...params, body: comment ? { comment } : {} }),
    );
  return must(await api.POST(`/api/v1/requests/{id}/${action}`, params));
}

/** What the task actions need of a task: a request's task or a row of the task list. */
type WorkedTask = Pick<RequestTask, "id" | "requestId" | "allowedActions">;

async function taskAction(api: Api, task: WorkedTask, action: "start" | "complete", notes?: string) {
  const path = { id: task.requestId ?? "", taskId: task.id ?? "" };
  if (action === "start")
    return must(await api.POST("/api/v1/requests/{id}/tasks/{taskId}/start", { params: { path } }));
  return must(
    await api.POST("/api/v1/requests/{id}/tasks/{taskId}/complete", {
      params: { path },
      body: notes ? { notes } : {},
    }),
  );
}

/** The values of the item's form the requester filled in. */
function FormValues({ fields }: { fields?: Record<string, unknown> }) {
  const entries = Object.entries(fields ?? {});
  if (entries.length === 0) return null;
  return (
    <dl className="fields">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{typeof v === "object" ? JSON.stringify(v) : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Approve or reject (a reason is required to reject, and taken as the approval's comment). */
function Decision({
  request,
  etag,
  onDone,
}: {
  request: ServiceRequest;
  etag?: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);
  const commentId = useId();
  const id = request.id ?? "";
  const decide = useMutation({
    mutationFn: (action: "approve" | "reject") => requestAction(api, id, action, etag, comment.trim()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["requests"] });
      setComment("");
      onDone?.();
    },
  });
  const actions = request.allowedActions ?? [];
  if (!actions.includes("approve") && !actions.includes("reject")) return null;
  const rejectNeedsComment = (request.moves ?? []).some(
    (m) => m.action === "reject" && (m.requiredFields ?? []).includes("comment"),
  );
  return (
    <form
      className="form decision"
      data-testid={`decision-${request.number}`}
      onSubmit={(e) => e.preventDefault()}
    >
      <label htmlFor={commentId}>{t("request.reason")}</label>
      <textarea
        id={commentId}
        value={comment}
        rows={2}
        maxLength={2000}
        aria-describedby={`${commentId}-hint`}
        aria-invalid={missing || undefined}
        onChange={(e) => {
          setComment(e.target.value);
          setMissing(false);
        }}
      />
      <p id={`${commentId}-hint`} className={missing ? "error-text" : "muted"}>
        {missing ? t("request.reasonMissing") : t("request.reasonHint")}
      </p>
      <ErrorBox error={decide.error} />
      <div className="buttons">
        {actions.includes("approve") && (
          <button
            type="button"
            className="primary"
            disabled={decide.isPending}
            onClick={() => decide.mutate("approve")}
          >
            {t("request.action.approve")}
            <span className="visually-hidden"> {request.number}</span>
          </button>
        )}
        {actions.includes("reject") && (
          <button
            type="button"
            disabled={decide.isPending}
            onClick={() => {
              if (rejectNeedsComment && !comment.trim()) setMissing(true);
              else decide.mutate("reject");
            }}
          >
            {t("request.action.reject")}
            <span className="visually-hidden"> {request.number}</span>
          </button>
        )}
      </div>
    </form>
  );
}

export function ApprovalsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { dateTime } = useFormat();
  // the requests awaiting the caller's decision, whatever their roles (a manager may be a plain requester)
  const query = { sort: "submittedAt", size: "50" };
  const requests = useQuery({
    queryKey: ["requests", "approvals", query],
    queryFn: async () => must(await api.GET("/api/v1/requests/approvals", { params: { query } })),
  });
  const items = requests.data?.items ?? [];
  return (
    <section aria-labelledby="approvals-title">
      <h1 id="approvals-title">{t("request.approvalsTitle")}</h1>
      <p className="muted">{t("request.approvalsIntro")}</p>
      <ErrorBox error={requests.error} />
      {requests.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{t("request.noApprovals")}</p>
      ) : (
        <ul className="cards approvals" data-testid="approvals">
          {items.map((r) => (
            <li key={r.id} className="card" data-number={r.number}>
              <h2>
                <Link to="/requests/$id" params={{ id: r.id ?? "" }}>
                  {r.number}
                </Link>{" "}
                {r.itemName}
              </h2>
              <p>{t("request.requestedBy", { requester: r.requester, at: dateTime(r.submittedAt) })}</p>
              <FormValues fields={r.fields as Record<string, unknown> | undefined} />
              <Decision request={r} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The task queue's views: every open task, those the agent took, those nobody took yet. */
const TASK_VIEWS = {
  open: { open: "true" },
  mine: { open: "true", assignee: "me" },
  unassigned: { open: "true", assignee: "none" },
} as const;
type TaskView = keyof typeof TASK_VIEWS;

export function TasksScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { dateTime } = useFormat();
  const viewId = useId();
  const [view, setView] = useState<TaskView>("open");
  // one call for the whole queue; task and request events refresh it (keys under "requests", see lib/live.ts)
  const query = { ...TASK_VIEWS[view], sort: "dueAt", size: "100" };
  const tasks = useQuery({
    queryKey: ["requests", "task-list", query],
    queryFn: async () => must(await api.GET("/api/v1/tasks", { params: { query } })),
  });
  const rows = tasks.data?.items ?? [];
  return (
    <section aria-labelledby="tasks-title" aria-busy={tasks.isPending}>
      <h1 id="tasks-title">{t("request.tasksTitle")}</h1>
      <div className="filters">
        <label htmlFor={viewId}>{t("taskQueue.view")}</label>
        <select id={viewId} value={view} onChange={(e) => setView(e.target.value as TaskView)}>
          {(Object.keys(TASK_VIEWS) as TaskView[]).map((v) => (
            <option key={v} value={v}>
              {t(`taskQueue.views.${v}`)}
            </option>
          ))}
        </select>
        {tasks.data && (
          <span className="muted" role="status">
            {t("taskQueue.count", { count: tasks.data.total ?? rows.length })}
          </span>
        )}
      </div>
      <ErrorBox error={tasks.error} />
      {tasks.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p className="empty">{t("request.noTasks")}</p>
      ) : (
        <table className="list" data-testid="task-table">
          <thead>
            <tr>
              <th scope="col">{t("request.col.request")}</th>
              <th scope="col">{t("request.col.task")}</th>
              <th scope="col">{t("request.col.group")}</th>
              <th scope="col">{t("queue.col.state")}</th>
              <th scope="col">{t("queue.col.assignee")}</th>
              <th scope="col">{t("request.col.due")}</th>
              <th scope="col">{t("incident.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((task) => (
              <tr key={task.id} data-request={task.requestNumber}>
                <td>
                  <Link to="/requests/$id" params={{ id: task.requestId ?? "" }}>
                    {task.requestNumber}
                  </Link>{" "}
                  {task.itemName}
                  <br />
                  <span className="muted">{t("taskQueue.requester", { requester: task.requester })}</span>
                </td>
                <td>{task.title}</td>
                <td>{task.assignmentGroup}</td>
                <td>
                  <StateBadge state={task.state} kind="taskState" />
                </td>
                <td>{task.assignee ?? <em>{t("queue.unassigned")}</em>}</td>
                <td>{dateTime(task.requestDueAt)}</td>
                <td>
                  <TaskActions task={task} label={`${task.requestNumber ?? ""} ${task.title ?? ""}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Take (start) an open task, complete a started one with optional notes. */
function TaskActions({ task, label }: { task: WorkedTask; label: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [notes, setNotes] = useState("");
  useEditing(notes.trim() !== "");
  const notesId = useId();
  const act = useMutation({
    mutationFn: (action: "start" | "complete") => taskAction(api, task, action, notes.trim()),
    onSuccess: () => {
      setNotes("");
      void queryClient.invalidateQueries({ queryKey: ["requests"] });
    },
  });
  const actions = task.allowedActions ?? [];
  return (
    <div className="task-actions">
      <ErrorBox error={act.error} />
      {actions.includes("start") && (
        <button type="button" className="small" disabled={act.isPending} onClick={() => act.mutate("start")}>
          {t("request.action.take")}
          <span className="visually-hidden"> {label}</span>
        </button>
      )}
      {actions.includes("complete") && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            act.mutate("complete");
          }}
        >
          <label htmlFor={notesId} className="visually-hidden">
            {t("request.notesFor", { task: label })}
          </label>
          <input
            id={notesId}
            value={notes}
            maxLength={2000}
            placeholder={t("request.notes")}
            onChange={(e) => setNotes(e.target.value)}
          />
          <button type="submit" className="small" disabled={act.isPending}>
            {t("request.action.complete")}
            <span className="visually-hidden"> {label}</span>
          </button>
        </form>
      )}
    </div>
  );
}

async function readRequest(api: Api, id: string): Promise<Versioned<ServiceRequest>> {
  return versioned(await api.GET("/api/v1/requests/{id}", { params: { path: { id } } }));
}

export function RequestScreen() {
  const { id } = useParams({ from: "/requests/$id" });
  const { t, i18n } = useTranslation();
  const api = useApi();
  const session = useSession();
  const { dateTime } = useFormat();
  const queryClient = useQueryClient();
  const request = useQuery({ queryKey: ["requests", "detail", id], queryFn: () => readRequest(api, id) });
  const tasks = useQuery({
    queryKey: ["requests", "tasks", id],
    queryFn: async () => must(await api.GET("/api/v1/requests/{id}/tasks", { params: { path: { id } } })),
  });
  const history = useQuery({
    queryKey: ["requests", "history", id],
    queryFn: async () => must(await api.GET("/api/v1/requests/{id}/history", { params: { path: { id } } })),
  });
  const act = useMutation({
    mutationFn: (action: "cancel" | "close") => requestAction(api, id, action, request.data?.etag),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["requests"] }),
  });
  if (request.isPending) return <Loading />;
  if (request.error) return <ErrorBox error={request.error} />;
  const { data, etag } = request.data;
  const approval = approvalStatus(data);
  const fields: [string, React.ReactNode][] = [
    ["requester", data.requester],
    ["submittedAt", dateTime(data.submittedAt)],
    ["fulfilmentGroup", data.fulfilmentGroup],
    ["expectedDeliveryHours", data.expectedDeliveryHours],
    ["dueAt", dateTime(data.dueAt)],
    ["fulfilledAt", dateTime(data.fulfilledAt)],
    ["closedAt", dateTime(data.closedAt)],
  ];
  const actions = data.allowedActions ?? [];
  const historyLine = (h: { field?: string; from?: string; to?: string }) => {
    const value = (v?: string) =>
      !v ? "—" : h.field === "state" && i18n.exists(`requestState.${v}`) ? t(`requestState.${v}`) : v;
    const field = i18n.exists(`request.field.${h.field}`) ? t(`request.field.${h.field}`) : h.field;
    return `${field}: ${value(h.from)} → ${value(h.to)}`;
  };
  return (
    <article aria-labelledby="request-title" className="incident">
      <p>
        {session.isRequester ? (
          <Link to="/my/requests">← {t("request.backMine")}</Link>
        ) : (
          <Link to="/tasks">← {t("request.backTasks")}</Link>
        )}
      </p>
      <h1 id="request-title">
        <span data-testid="request-number">{data.number}</span> {data.itemName}
      </h1>
      <p className="badges">
        <StateBadge state={data.state} kind="requestState" />
      </p>
      <PresenceBar recordType="request" recordNumber={data.number} />
      <div className="columns">
        <div>
          <section aria-labelledby="request-details-title" className="card">
            <h2 id="request-details-title">{t("incident.details")}</h2>
            <dl className="fields">
              {fields
                .filter(([, v]) => v !== undefined && v !== null && v !== "")
                .map(([k, v]) => (
                  <div key={k}>
                    <dt>{t(`request.field.${k}`)}</dt>
                    <dd data-field={k}>{v}</dd>
                  </div>
                ))}
            </dl>
            <h3>{t("request.formValues")}</h3>
            <FormValues fields={data.fields as Record<string, unknown> | undefined} />
            {(actions.includes("cancel") || actions.includes("close")) && (
              <div className="buttons">
                <ErrorBox error={act.error} />
                {actions.includes("cancel") && (
                  <button type="button" disabled={act.isPending} onClick={() => act.mutate("cancel")}>
                    {t("request.action.cancel")}
                  </button>
                )}
                {actions.includes("close") && (
                  <button type="button" disabled={act.isPending} onClick={() => act.mutate("close")}>
                    {t("request.action.close")}
                  </button>
                )}
              </div>
            )}
          </section>
          <section
            aria-labelledby="request-tasks-title"
            className="card"
            data-testid="request-tasks"
            aria-busy={tasks.isPending}
          >
            <h2 id="request-tasks-title">{t("request.tasks")}</h2>
            <ErrorBox error={tasks.error} />
            {(tasks.data ?? []).length === 0 ? (
              <p>{t("request.noTasksYet")}</p>
            ) : (
              <ul className="plain">
                {(tasks.data ?? []).map((task) => (
                  <li key={task.id} data-task={task.title}>
                    <p>
                      <strong>{task.title}</strong> <StateBadge state={task.state} kind="taskState" />
                    </p>
                    <p className="muted">
                      {task.assignmentGroup}
                      {task.assignee && ` · ${task.assignee}`}
                      {task.completedAt &&
                        ` · ${t("request.completedAt", { at: dateTime(task.completedAt) })}`}
                    </p>
                    {task.notes && <p>{task.notes}</p>}
                    <TaskActions task={task} label={task.title ?? ""} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <div>
          <section aria-labelledby="approval-title" className="card" data-testid="approval">
            <h2 id="approval-title">{t("request.approval")}</h2>
            <p data-testid="approval-status">
              <strong>{t(`request.approvalStatus.${approval}`)}</strong>
            </p>
            <dl className="fields">
              <div>
                <dt>{t("request.field.approvalRule")}</dt>
                <dd>{t(`request.rule.${data.approvalRule ?? "NONE"}`)}</dd>
              </div>
              {data.approver && (
                <div>
                  <dt>{t("request.field.approver")}</dt>
                  <dd>{data.approver}</dd>
                </div>
              )}
              {data.decidedBy && (
                <div>
                  <dt>{t("request.field.decidedBy")}</dt>
                  <dd>{data.decidedBy}</dd>
                </div>
              )}
              {data.decisionComment && (
                <div>
                  <dt>{t("request.field.decisionComment")}</dt>
                  <dd>{data.decisionComment}</dd>
                </div>
              )}
            </dl>
            <Decision request={data} etag={etag} />
          </section>
          <section aria-labelledby="request-history-title" className="card" aria-busy={history.isPending}>
            <h2 id="request-history-title">{t("incident.timeline")}</h2>
            <ErrorBox error={history.error} />
            <ol className="timeline">
              {[...(history.data ?? [])].reverse().map((h) => (
                <li key={`${h.at}-${h.field}-${h.to}`}>
                  <p className="meta">
                    <time dateTime={h.at}>{dateTime(h.at)}</time> {h.actor}
                  </p>
                  <p className="body">{historyLine(h)}</p>
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </article>
  );
}
