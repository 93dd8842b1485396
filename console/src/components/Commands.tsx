import { useNavigate } from "@tanstack/react-router";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { must } from "../api/client";
import { useSession } from "../auth/auth";
import { useApi } from "../context";
import { type Binding, dispatch } from "../lib/shortcuts";

/** A command of the palette: a label and what it does. */
export interface Command {
  id: string;
  label: string;
  run: () => void;
}

interface Registry {
  commands: Command[];
  register: (owner: string, commands: Command[]) => void;
}

const CommandsContext = createContext<Registry>({ commands: [], register: () => {} });

export function CommandsProvider({ children }: { children: ReactNode }) {
  const [owners, setOwners] = useState<Record<string, Command[]>>({});
  const register = useCallback(
    (owner: string, commands: Command[]) =>
      setOwners((prev) => {
        const next = { ...prev };
        if (commands.length) next[owner] = commands;
        else delete next[owner];
        return next;
      }),
    [],
  );
  const value = useMemo(() => ({ commands: Object.values(owners).flat(), register }), [owners, register]);
  return <CommandsContext.Provider value={value}>{children}</CommandsContext.Provider>;
}

/** Offers the commands in the palette while the calling component is shown. */
export function useCommands(commands: Command[]) {
  const { register } = useContext(CommandsContext);
  const owner = useId();
  const key = commands.map((c) => `${c.id}:${c.label}`).join("|");
  const latest = useRef(commands);
  latest.current = commands;
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-register when the commands' ids or labels change
  useEffect(() => {
    register(
      owner,
      latest.current.map((c) => ({ ...c, run: () => latest.current.find((l) => l.id === c.id)?.run() })),
    );
    return () => register(owner, []);
  }, [key, owner, register]);
}

/** Binds keys on the document while the calling component is shown; not while a dialog is open. */
export function useShortcuts(bindings: Binding[]) {
  const latest = useRef(bindings);
  latest.current = bindings;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector("dialog[open]")) return;
      if (dispatch(event, latest.current)) event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}

export const SHORTCUTS: { group: string; keys: string[]; action: string }[] = [
  { group: "global", keys: ["?"], action: "sheet" },
  { group: "global", keys: ["Ctrl K", "⌘ K"], action: "palette" },
  { group: "queue", keys: ["j", "↓"], action: "next" },
  { group: "queue", keys: ["k", "↑"], action: "previous" },
  { group: "queue", keys: ["x"], action: "select" },
  { group: "queue", keys: ["Enter"], action: "open" },
  { group: "queue", keys: ["/"], action: "search" },
  { group: "queue", keys: ["a"], action: "assignToMe" },
  { group: "record", keys: ["c"], action: "comment" },
  { group: "record", keys: ["w"], action: "workNote" },
  { group: "record", keys: ["e"], action: "edit" },
  { group: "record", keys: ["Esc"], action: "back" },
];

/** The shortcut sheet (?) and the command palette (Ctrl/Cmd+K), for every screen. */
export function KeyboardLayer() {
  const [open, setOpen] = useState<"sheet" | "palette" | null>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector("dialog[open]")) return;
      if (
        dispatch(event, [
          { key: "?", run: () => setOpen("sheet") },
          { key: "mod+k", run: () => setOpen("palette"), inFields: true },
        ])
      )
        event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  if (open === "sheet") return <ShortcutSheet onClose={() => setOpen(null)} />;
  if (open === "palette") return <Palette onClose={() => setOpen(null)} />;
  return null;
}

/** A modal <dialog> that restores the focus to where it was when it closes. */
function Modal({
  labelledBy,
  onClose,
  children,
  testId,
}: {
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
  testId: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    ref.current?.showModal();
    return () => before?.focus?.();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      className="modal"
      data-testid={testId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}

function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const title = useId();
  return (
    <Modal labelledBy={title} onClose={onClose} testId="shortcut-sheet">
      <div className="modal-head">
        <h2 id={title}>{t("keys.sheetTitle")}</h2>
        {/* biome-ignore lint/a11y/noAutofocus: the sheet's only control takes the focus as the dialog opens */}
        <button type="button" onClick={onClose} autoFocus>
          {t("keys.close")}
        </button>
      </div>
      {(["global", "queue", "record"] as const).map((group) => (
        <table key={group} className="list keys">
          <caption>{t(`keys.group.${group}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t("keys.key")}</th>
              <th scope="col">{t("keys.action")}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.filter((s) => s.group === group).map((s) => (
              <tr key={s.action}>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ` ${t("keys.or")} `}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t(`keys.do.${s.action}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <p>{t("keys.typingNote")}</p>
    </Modal>
  );
}

const NUMBER = /^(inc)?\d{1,12}$/i;

function Palette({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const navigate = useNavigate();
  const { commands: recordCommands } = useContext(CommandsContext);
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const title = useId();
  const list = useId();

  const go = (to: string, search?: Record<string, string>) => () => {
    onClose();
    void navigate({ to, search } as never);
  };
  const screens: Command[] = [
    ...(session.isAgent
      ? [
          { id: "go-queue", label: t("nav.queue"), run: go("/queue", { view: "mine" }) },
          {
            id: "go-unassigned",
            label: t("queue.view.unassigned"),
            run: go("/queue", { view: "unassigned" }),
          },
          { id: "go-breaching", label: t("queue.view.breaching"), run: go("/queue", { view: "breaching" }) },
          { id: "go-new", label: t("nav.newIncident"), run: go("/incidents/new") },
          { id: "go-tasks", label: t("nav.tasks"), run: go("/tasks") },
        ]
      : []),
    ...(session.isProblemStaff
      ? [{ id: "go-problems", label: t("nav.problems"), run: go("/problems", { view: "all" }) }]
      : []),
    ...(session.isRequester
      ? [
          { id: "go-my", label: t("nav.myIncidents"), run: go("/my/incidents") },
          { id: "go-catalog", label: t("nav.catalog"), run: go("/catalog") },
          { id: "go-my-requests", label: t("nav.myRequests"), run: go("/my/requests") },
        ]
      : []),
    ...(session.mayApprove ? [{ id: "go-approvals", label: t("nav.approvals"), run: go("/approvals") }] : []),
  ].map((c) => ({ ...c, label: t("palette.goTo", { screen: c.label }) }));

  const openNumber = async (number: string) => {
    setMessage(t("app.loading"));
    try {
      const page = must(await api.GET("/api/v1/incidents", { params: { query: { q: number, size: "20" } } }));
      const wanted = number.toUpperCase();
      const found =
        page.items?.find((i) => i.number?.toUpperCase() === wanted) ??
        page.items?.find((i) => i.number?.toUpperCase().endsWith(wanted.replace(/^INC/, "")));
      if (!found?.id) {
        setMessage(t("palette.notFound", { number }));
        return;
      }
      onClose();
      void navigate({ to: "/incidents/$id", params: { id: found.id } });
    } catch {
      setMessage(t("palette.notFound", { number }));
    }
  };

  const term = text.trim();
  const all: Command[] = [
    ...(NUMBER.test(term)
      ? [
          {
            id: "open-number",
            label: t("palette.openNumber", { number: term }),
            run: () => void openNumber(term),
          },
        ]
      : []),
    ...recordCommands.map((c) => ({
      ...c,
      run: () => {
        onClose();
        c.run();
      },
    })),
    ...screens,
  ];
  const shown = all.filter(
    (c) => c.id === "open-number" || c.label.toLowerCase().includes(term.toLowerCase()),
  );
  const current = Math.min(active, shown.length - 1);

  return (
    <Modal labelledBy={title} onClose={onClose} testId="palette">
      <h2 id={title}>{t("palette.title")}</h2>
      <input
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={list}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? `${list}-${current}` : undefined}
        aria-label={t("palette.input")}
        placeholder={t("palette.placeholder")}
        value={text}
        // biome-ignore lint/a11y/noAutofocus: the palette opens to be typed in
        autoFocus
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setMessage(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive(Math.min(shown.length - 1, current + 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive(Math.max(0, current - 1));
          } else if (e.key === "Enter") {
            e.preventDefault();
            shown[current]?.run();
          }
        }}
      />
      <div id={list} role="listbox" aria-label={t("palette.commands")} className="palette-list">
        {shown.map((c, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox above handles the keys
          <div
            key={c.id}
            id={`${list}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === current}
            className={i === current ? "active" : undefined}
            onClick={() => c.run()}
          >
            {c.label}
          </div>
        ))}
      </div>
      {shown.length === 0 && <p className="empty">{t("palette.none")}</p>}
      {message && <p role="status">{message}</p>}
    </Modal>
  );
}
