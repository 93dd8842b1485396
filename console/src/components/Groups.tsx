import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { must, type SavedView } from "../api/client";
import { useSession } from "../auth/auth";
import { useApi } from "../context";
import { ifMatchOf } from "../lib/bulk";
import { type Filters, fromFilters, importLocalViews, type QueueSearch, toFilters } from "../lib/savedViews";
import { fillTemplate, insertAt, type TemplateValues } from "../lib/templates";
import { ErrorBox } from "./common";

/** The signed-in user's assignment groups, as the API reads them from the token. */
export function useMyGroups() {
  const api = useApi();
  return useQuery({
    queryKey: ["assignment-groups"],
    queryFn: async () => must(await api.GET("/api/v1/incidents/assignment-groups")).groups ?? [],
    staleTime: 5 * 60_000,
  });
}

/** The response templates the agent sees (their groups'), optionally in one language. */
export function useTemplates(language?: string) {
  const api = useApi();
  return useQuery({
    queryKey: ["response-templates", language ?? "all"],
    queryFn: async () =>
      must(
        await api.GET("/api/v1/response-templates", {
          params: { query: language ? { language } : {} },
        }),
      ),
  });
}

/**
 * Picks one of the group's response templates and inserts it, placeholders filled, at the cursor of the
 * composer's text area. A select and a button: usable with the keyboard alone.
 */
export function TemplatePicker({
  target,
  values,
  onInsert,
}: {
  target: React.RefObject<HTMLTextAreaElement | null>;
  values: TemplateValues;
  onInsert: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const templates = useTemplates(i18n.language.startsWith("ko") ? "ko" : "en");
  const [chosen, setChosen] = useState("");
  const id = useId();
  const list = templates.data ?? [];
  if (templates.isPending || list.length === 0) return null;
  const insert = () => {
    const template = list.find((x) => x.id === chosen);
    const area = target.current;
    if (!template?.body || !area) return;
    const next = insertAt(
      area.value,
      fillTemplate(template.body, values),
      area.selectionStart,
      area.selectionEnd,
    );
    onInsert(next.text);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(next.cursor, next.cursor);
    });
  };
  return (
    <div className="template-picker">
      <label htmlFor={id}>{t("groups.templates.pick")}</label>
      <select id={id} data-testid="template-pick" value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{t("groups.templates.choose")}</option>
        {list.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name} ({x.assignmentGroup})
          </option>
        ))}
      </select>
      <button type="button" data-testid="template-insert" disabled={!chosen} onClick={insert}>
        {t("groups.templates.insert")}
      </button>
    </div>
  );
}

/** The agent's saved views (theirs and those shared with their groups), stored by the API. */
export function SavedViewsPanel({ search }: { search: QueueSearch }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const queryClient = useQueryClient();
  const groups = useMyGroups();
  const ids = { name: useId(), share: useId() };
  const [name, setName] = useState("");
  const [share, setShare] = useState("");
  const imported = useRef(false);
  const views = useQuery({
    queryKey: ["saved-views"],
    queryFn: async () => must(await api.GET("/api/v1/saved-views")),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["saved-views"] });
  const create = (viewName: string, filters: Filters, sharedWith?: string) =>
    api.POST("/api/v1/saved-views", { body: { name: viewName, filters, sharedWith } }).then((r) => must(r));

  // the views an older console kept in this browser move to the API once
  useEffect(() => {
    if (imported.current) return;
    imported.current = true;
    void importLocalViews(localStorage, session.username, (n, f) => create(n, f)).then((count) => {
      if (count > 0) void refresh();
    });
  });

  const save = useMutation({
    mutationFn: () => create(name.trim(), toFilters(search, session.username), share || undefined),
    onSuccess: () => {
      setName("");
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (view: SavedView) =>
      api.DELETE("/api/v1/saved-views/{id}", {
        params: { path: { id: view.id ?? "" } },
        headers: { "If-Match": ifMatchOf(view.version ?? 0) },
      }),
    onSuccess: () => void refresh(),
  });
  const list = views.data ?? [];
  return (
    <details className="saved-views" data-testid="saved-views">
      <summary>{t("queue.saved.title", { count: list.length })}</summary>
      <ErrorBox error={views.error ?? remove.error} />
      {list.length === 0 ? (
        <p>{t("queue.saved.none")}</p>
      ) : (
        <ul>
          {list.map((v) => (
            <li key={v.id}>
              <Link
                to="/queue"
                search={fromFilters((v.filters ?? {}) as Filters, session.username)}
                data-testid="saved-view"
              >
                {v.name}
              </Link>
              {v.sharedWith && (
                <span className="hint">
                  {" "}
                  {v.mine
                    ? t("groups.views.sharedWith", { group: v.sharedWith })
                    : t("groups.views.sharedBy", { owner: v.owner, group: v.sharedWith })}
                </span>
              )}{" "}
              {v.mine && (
                <button
                  type="button"
                  className="link"
                  aria-label={t("queue.saved.delete", { name: v.name })}
                  onClick={() => remove.mutate(v)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) save.mutate();
        }}
      >
        <label htmlFor={ids.name}>{t("queue.saved.name")}</label>
        <input id={ids.name} value={name} maxLength={60} required onChange={(e) => setName(e.target.value)} />
        {(groups.data ?? []).length > 0 && (
          <>
            <label htmlFor={ids.share}>{t("groups.views.share")}</label>
            <select id={ids.share} value={share} onChange={(e) => setShare(e.target.value)}>
              <option value="">{t("groups.views.private")}</option>
              {(groups.data ?? []).map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="submit" disabled={save.isPending}>
          {t("queue.saved.save")}
        </button>
      </form>
      <ErrorBox error={save.error} />
      <p className="hint">{t("groups.views.stored")}</p>
    </details>
  );
}
