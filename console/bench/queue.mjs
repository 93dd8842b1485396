// Benchmark (prints figures; not a test): how long the agent queue of 50 incidents takes to become interactive
// after navigation, and the initial JavaScript of the production build. Against a running platform with the
// console served (./itsm up):   npm run bench:queue
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { api, CONSOLE_URL, launchBrowser, signIn } from "../browser-tests/support.mjs";

const RUNS = Number(process.env.RUNS ?? 5);

// initial JavaScript: the entry chunk index.html loads (lazy chunks excluded)
const html = readFileSync(new URL("../dist/index.html", import.meta.url), "utf8");
const entries = [...html.matchAll(/src="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
const initial = entries.reduce(
  (sum, file) => sum + gzipSync(readFileSync(new URL(`../dist/assets/${file}`, import.meta.url))).length,
  0,
);
const all = readdirSync(new URL("../dist/assets/", import.meta.url)).filter((f) => f.endsWith(".js"));
console.log(
  `initial JavaScript: ${(initial / 1024).toFixed(1)} KiB gzip (${entries.join(", ")}; ${all.length} chunks in all)`,
);

const existing = await api("agent", "GET", "/api/v1/incidents?size=1");
for (let i = existing.body.total; i < 50; i++) {
  await api("agent", "POST", "/api/v1/incidents", {
    shortDescription: `Benchmark incident ${i + 1}`,
    impact: 3,
    urgency: 3,
  });
}

const browser = await launchBrowser();
const { page, context } = await signIn("agent");
const timings = [];
for (let run = 0; run < RUNS; run++) {
  const started = Date.now();
  await page.goto(`${CONSOLE_URL}/queue?view=all`);
  // interactive: 50 rows rendered and the first record's link takes focus
  await page.locator('[data-testid="incident-table"] tbody tr').nth(49).waitFor();
  await page.locator('[data-testid="incident-table"] tbody tr a').first().focus();
  timings.push(Date.now() - started);
}
timings.sort((a, b) => a - b);
console.log(
  `queue of 50, navigation to interactive: median ${timings[Math.floor(RUNS / 2)]} ms, runs ${timings.join(", ")} ms`,
);
await context.close();
await browser.close();
