import type { FieldError } from "./problem";

export interface ErrorTree {
  __errors?: string[];
  [field: string]: ErrorTree | string[] | undefined;
}

/**
 * The server's field errors of a request's form (`fields.<name>`, nested names with dots or [index]) as the
 * error tree @rjsf shows on the fields (`extraErrors`), each in the words `message` gives it (the translated code,
 * see `fieldErrorMessage`); errors outside the form go to the root.
 */
export function toErrorTree(
  errors: FieldError[],
  message: (error: FieldError) => string = (error) => error.message,
  prefix = "fields",
): ErrorTree {
  const tree: ErrorTree = {};
  for (const error of errors) {
    const path = error.field.startsWith(`${prefix}.`)
      ? error.field
          .slice(prefix.length + 1)
          .replace(/\[(\d+)\]/g, ".$1")
          .split(".")
          .filter(Boolean)
      : [];
    let node = tree;
    for (const part of path) {
      node[part] = (node[part] as ErrorTree | undefined) ?? {};
      node = node[part] as ErrorTree;
    }
    node.__errors = [...(node.__errors ?? []), message(error)];
  }
  return tree;
}
