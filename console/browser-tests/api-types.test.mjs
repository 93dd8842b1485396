// The committed API types are not stale: regenerated from the running platform's merged OpenAPI document (the
// gateway's /openapi) into target/api-check, they must equal src/api/schema.d.ts and src/api/enums.ts.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { GATEWAY_URL } from "./support.mjs";

const CONSOLE_DIR = join(import.meta.dirname, "..");

test("the committed API types match the running services' OpenAPI documents", () => {
  const out = join(CONSOLE_DIR, "target", "api-check");
  execFileSync(
    process.execPath,
    [join(CONSOLE_DIR, "scripts", "gen-api.mjs"), `${GATEWAY_URL}/openapi?format=json`, "--out", out],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  for (const file of ["schema.d.ts", "enums.ts"]) {
    const fresh = readFileSync(join(out, file), "utf8").split("\n");
    const committed = readFileSync(join(CONSOLE_DIR, "src", "api", file), "utf8").split("\n");
    const at = fresh.findIndex((line, i) => line !== committed[i]);
    const differs = at >= 0 || fresh.length !== committed.length;
    const line = at >= 0 ? at : Math.min(fresh.length, committed.length);
    assert.ok(
      !differs,
      `src/api/${file} is stale against ${GATEWAY_URL}/openapi: first difference at line ${line + 1}\n` +
        `  committed: ${committed[line] ?? "(end of file)"}\n  running:   ${fresh[line] ?? "(end of file)"}\n` +
        `run "npm run gen:api" against the running platform and commit the result (target/api-check/${file} holds it)`,
    );
  }
});
