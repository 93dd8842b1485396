import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { must, type ResponseTemplate } from "../api/client";
import { ErrorBox, Loading } from "../components/common";
import { useMyGroups, useTemplates } from "../components/Groups";
import { useApi } from "../context";
import { ifMatchOf } from "../lib/bulk";

interface Draft {
  id?: string;
  version?: number;
  name: string;
  assignmentGroup: string;
  language: string;
  body: string;
}

const EMPTY: Draft = { name: "", assignmentGroup: "", language: "", body: "" };

/** The response templates of the agent's assignment groups: create, edit, delete. */
export function TemplatesScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const templates = useTemplates();
  const groups = useMyGroups();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [saved, setSaved] = useState(false);
  const ids = { name: useId(), group: useId(), language: useId(), body: useId() };
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["response-templates"] });
  const myGroups = groups.data ?? [];
  const group = draft.assignmentGroup || myGroups[0] || "";

  const save = useMutation({
    mutationFn: async () => {
      const body = {
        name: draft.name,
        assignmentGroup: group,
        body: draft.body,
        language: (draft.language || undefined) as "ko" | "en" | undefined,
      };
      if (draft.id) {
        return must(
          await api.PUT("/api/v1/response-templates/{id}", {
            params: { path: { id: draft.id } },
            headers: { "If-Match": ifMatchOf(draft.version ?? 0) },
            body,
          }),
        );
      }
      return must(await api.POST("/api/v1/response-templates", { body }));
    },
    onSuccess: () => {
      setDraft(EMPTY);
      setSaved(true);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (template: ResponseTemplate) =>
      api.DELETE("/api/v1/response-templates/{id}", {
        params: { path: { id: template.id ?? "" } },
        headers: { "If-Match": ifMatchOf(template.version ?? 0) },
      }),
    onSuccess: () => void refresh(),
  });
  const edit = (x: ResponseTemplate) => {
    setSaved(false);
    save.reset();
    setDraft({
      id: x.id,
      version: x.version,
      name: x.name ?? "",
      assignmentGroup: x.assignmentGroup ?? "",
      language: x.language ?? "",
      body: x.body ?? "",
    });
    document.getElementById(ids.name)?.focus();
  };

  return (
    <section aria-labelledby="templates-title">
      <h1 id="templates-title">{t("groups.templates.title")}</h1>
      <p className="hint">{t("groups.templates.intro")}</p>
      <ErrorBox error={templates.error ?? remove.error} />
      {templates.isPending ? (
        <Loading />
      ) : (templates.data ?? []).length === 0 ? (
        <p className="empty">{t("groups.templates.none")}</p>
      ) : (
        <table className="list" data-testid="template-table">
          <thead>
            <tr>
              <th scope="col">{t("groups.templates.name")}</th>
              <th scope="col">{t("groups.templates.group")}</th>
              <th scope="col">{t("groups.templates.language")}</th>
              <th scope="col">{t("groups.templates.body")}</th>
              <th scope="col">{t("groups.templates.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {(templates.data ?? []).map((x) => (
              <tr key={x.id} data-name={x.name}>
                <td>{x.name}</td>
                <td>{x.assignmentGroup}</td>
                <td>
                  {x.language ? t(`groups.templates.lang.${x.language}`) : t("groups.templates.lang.any")}
                </td>
                <td className="preview">{x.body}</td>
                <td>
                  <button
                    type="button"
                    aria-label={t("groups.templates.edit", { name: x.name })}
                    onClick={() => edit(x)}
                  >
                    {t("groups.templates.editShort")}
                  </button>{" "}
                  <button
                    type="button"
                    aria-label={t("groups.templates.delete", { name: x.name })}
                    onClick={() => remove.mutate(x)}
                  >
                    {t("groups.templates.deleteShort")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="form card"
        aria-labelledby="template-form-title"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate();
        }}
      >
        <h2 id="template-form-title">
          {draft.id ? t("groups.templates.editTitle", { name: draft.name }) : t("groups.templates.new")}
        </h2>
        <label htmlFor={ids.name}>{t("groups.templates.name")}</label>
        <input
          id={ids.name}
          required
          maxLength={80}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <label htmlFor={ids.group}>{t("groups.templates.group")}</label>
        {groups.isPending ? (
          <select id={ids.group} disabled />
        ) : myGroups.length > 0 ? (
          <select
            id={ids.group}
            value={group}
            onChange={(e) => setDraft({ ...draft, assignmentGroup: e.target.value })}
          >
            {[...new Set([...myGroups, ...(draft.assignmentGroup ? [draft.assignmentGroup] : [])])].map(
              (g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ),
            )}
          </select>
        ) : (
          <input
            id={ids.group}
            required
            maxLength={120}
            value={draft.assignmentGroup}
            onChange={(e) => setDraft({ ...draft, assignmentGroup: e.target.value })}
          />
        )}
        <label htmlFor={ids.language}>{t("groups.templates.language")}</label>
        <select
          id={ids.language}
          value={draft.language}
          onChange={(e) => setDraft({ ...draft, language: e.target.value })}
        >
          <option value="">{t("groups.templates.lang.any")}</option>
          <option value="ko">{t("groups.templates.lang.ko")}</option>
          <option value="en">{t("groups.templates.lang.en")}</option>
        </select>
        <label htmlFor={ids.body}>{t("groups.templates.body")}</label>
        <textarea
          id={ids.body}
          required
          rows={4}
          maxLength={4000}
          value={draft.body}
          aria-describedby={`${ids.body}-hint`}
          onChange={(e) => setDraft({ ...draft, body: e.target.value })}
        />
        <p className="hint" id={`${ids.body}-hint`}>
          {t("groups.templates.placeholders", {
            caller: "{{caller}}",
            number: "{{number}}",
            agent: "{{agent}}",
          })}
        </p>
        <ErrorBox error={save.error} />
        <div>
          <button type="submit" className="primary" disabled={save.isPending}>
            {t("groups.templates.save")}
          </button>{" "}
          {draft.id && (
            <button type="button" onClick={() => setDraft(EMPTY)}>
              {t("groups.templates.cancel")}
            </button>
          )}
          {saved && (
            <span role="status" className="ok">
              {" "}
              {t("groups.templates.saved")}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
