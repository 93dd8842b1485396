/**
 * Keyboard shortcuts: a key of an event normalised to a name ("j", "?", "Escape", "mod+k"), and a dispatcher
 * that runs the first binding of that name, never while the user is typing in a field (except the bindings
 * marked `inFields`, such as Ctrl/Cmd+K).
 */
export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  target?: unknown;
  defaultPrevented?: boolean;
  isComposing?: boolean;
}

export interface Binding {
  /** the key's name: "j", "?", "/", "Enter", "Escape", "ArrowDown", "mod+k" (Ctrl, or Cmd on a Mac) */
  key: string;
  run: () => void;
  /** also while typing in a field (only for modified keys such as mod+k) */
  inFields?: boolean;
  /** only when this holds (e.g. Enter only on the queue's rows, so buttons keep their Enter) */
  when?: () => boolean;
}

/** Whether the element takes text or choices from the keyboard (a shortcut must not fire there). */
export function isTyping(target: unknown): boolean {
  if (!target || typeof target !== "object") return false;
  const el = target as { tagName?: string; isContentEditable?: boolean; type?: string };
  const tag = (el.tagName ?? "").toUpperCase();
  if (el.isContentEditable) return true;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (el.type ?? "text").toLowerCase();
    return !["checkbox", "radio", "button", "submit", "reset"].includes(type);
  }
  return false;
}

/** The name of the key pressed, or undefined for keys no shortcut uses (Alt combinations, bare modifiers). */
export function keyName(event: KeyLike): string | undefined {
  if (event.altKey) return undefined;
  if (["Control", "Meta", "Shift", "Alt"].includes(event.key)) return undefined;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (event.ctrlKey || event.metaKey) return `mod+${key}`;
  // "?" arrives with Shift on most layouts; the character is what counts
  if (event.key === "?") return "?";
  return key;
}

/** Finds the binding of the event; undefined when none applies (typing, IME composition, handled already). */
export function match(event: KeyLike, bindings: readonly Binding[]): Binding | undefined {
  if (event.defaultPrevented || event.isComposing) return undefined;
  const name = keyName(event);
  if (!name) return undefined;
  const typing = isTyping(event.target);
  return bindings.find((b) => b.key === name && (!typing || b.inFields) && (b.when?.() ?? true));
}

/** Runs the binding of the event; true when one ran (the caller then prevents the browser's default). */
export function dispatch(event: KeyLike, bindings: readonly Binding[]): boolean {
  const binding = match(event, bindings);
  if (!binding) return false;
  binding.run();
  return true;
}

/** Moves an index through a list of `length` rows by `delta`, staying inside it (-1: nothing active yet). */
export function step(index: number, delta: number, length: number): number {
  if (length === 0) return -1;
  if (index < 0) return delta > 0 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, index + delta));
}
