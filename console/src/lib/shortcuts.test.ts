import { describe, expect, it, vi } from "vitest";
import { type Binding, dispatch, isTyping, keyName, match, step } from "./shortcuts";

const input = (type = "text") => ({ tagName: "INPUT", type });

describe("keyName", () => {
  it("names plain keys in lower case and modified keys with mod+", () => {
    expect(keyName({ key: "J" })).toBe("j");
    expect(keyName({ key: "k", ctrlKey: true })).toBe("mod+k");
    expect(keyName({ key: "k", metaKey: true })).toBe("mod+k");
    expect(keyName({ key: "?", shiftKey: true })).toBe("?");
    expect(keyName({ key: "Escape" })).toBe("Escape");
  });
  it("ignores bare modifiers and Alt combinations", () => {
    expect(keyName({ key: "Shift", shiftKey: true })).toBeUndefined();
    expect(keyName({ key: "j", altKey: true })).toBeUndefined();
  });
});

describe("isTyping", () => {
  it("is true in text inputs, text areas, selects and editable content", () => {
    expect(isTyping(input())).toBe(true);
    expect(isTyping(input("search"))).toBe(true);
    expect(isTyping({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTyping({ tagName: "SELECT" })).toBe(true);
    expect(isTyping({ tagName: "DIV", isContentEditable: true })).toBe(true);
  });
  it("is false on links, buttons, check boxes and the page", () => {
    expect(isTyping({ tagName: "A" })).toBe(false);
    expect(isTyping(input("checkbox"))).toBe(false);
    expect(isTyping({ tagName: "BUTTON" })).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

describe("dispatch", () => {
  const bindings = (): Binding[] => [
    { key: "j", run: vi.fn() },
    { key: "?", run: vi.fn() },
    { key: "mod+k", run: vi.fn(), inFields: true },
  ];

  it("runs the binding of the key", () => {
    const b = bindings();
    expect(dispatch({ key: "j", target: { tagName: "A" } }, b)).toBe(true);
    expect(b[0].run).toHaveBeenCalledOnce();
  });
  it("never fires a plain shortcut while typing in a field", () => {
    const b = bindings();
    expect(dispatch({ key: "j", target: input() }, b)).toBe(false);
    expect(dispatch({ key: "?", shiftKey: true, target: { tagName: "TEXTAREA" } }, b)).toBe(false);
    expect(b[0].run).not.toHaveBeenCalled();
    expect(b[1].run).not.toHaveBeenCalled();
  });
  it("fires bindings marked for fields (Ctrl/Cmd+K) while typing", () => {
    const b = bindings();
    expect(dispatch({ key: "k", ctrlKey: true, target: input() }, b)).toBe(true);
    expect(b[2].run).toHaveBeenCalledOnce();
  });
  it("leaves unbound keys, handled events and IME composition alone", () => {
    const b = bindings();
    expect(match({ key: "q" }, b)).toBeUndefined();
    expect(match({ key: "j", defaultPrevented: true }, b)).toBeUndefined();
    expect(match({ key: "j", isComposing: true }, b)).toBeUndefined();
    expect(match({ key: "j", ctrlKey: true }, b)).toBeUndefined();
  });
});

describe("conditional bindings", () => {
  it("skip a binding whose condition does not hold, so the key keeps its default", () => {
    const run = vi.fn();
    let onRow = false;
    const b: Binding[] = [{ key: "Enter", run, when: () => onRow }];
    expect(dispatch({ key: "Enter", target: { tagName: "BUTTON" } }, b)).toBe(false);
    onRow = true;
    expect(dispatch({ key: "Enter", target: { tagName: "A" } }, b)).toBe(true);
    expect(run).toHaveBeenCalledOnce();
  });
});

describe("step", () => {
  it("starts at the first or last row and stays inside the list", () => {
    expect(step(-1, 1, 3)).toBe(0);
    expect(step(-1, -1, 3)).toBe(2);
    expect(step(2, 1, 3)).toBe(2);
    expect(step(0, -1, 3)).toBe(0);
    expect(step(1, 1, 3)).toBe(2);
    expect(step(0, 1, 0)).toBe(-1);
  });
});
