// Shared helpers of the console's browser tests: Debian's Chromium driven by playwright-core (no browser
// download), real Keycloak sign-in, axe-core checks, screenshots in both languages, untranslated-key checks.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, afterEach, before } from "node:test";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);

export const CONSOLE_URL = process.env.CONSOLE_URL ?? "http://localhost:3000";
export const GATEWAY_URL = process.env.GATEWAY_URL ?? "http://localhost:8080";
export const KEYCLOAK_URL = process.env.KEYCLOAK_URL ?? "http://localhost:8180";
export const SCREENSHOT_DIR =
  process.env.SCREENSHOT_DIR ?? join(process.cwd(), "target", "console-screenshots");
// generous for a busy 2-core CI machine: every wait is a condition, so a passing run never waits it out
const TIMEOUT = 30_000;

let browser;

/**
 * The hooks of a test file: one Chromium for all its tests (each user signs in with a context of their own: fresh
 * cookies and storage), what a failed test left open photographed and closed after each, the browser closed after all.
 */
export function registerBrowserHooks() {
  before(async () => {
    await launchBrowser();
  });
  afterEach(async (t) => {
    await reportAndCloseLeftovers(t.name);
  });
  after(async () => {
    await browser?.close();
    browser = undefined;
  });
}

/** Launches the one Chromium `signIn` opens its contexts in and returns it (outside node:test, e.g. bench/queue.mjs). */
export async function launchBrowser() {
  browser = await launch();
  return browser;
}

async function launch() {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const file of readdirSync(SCREENSHOT_DIR)) {
    if (file.startsWith("FAILED-")) rmSync(join(SCREENSHOT_DIR, file));
  }
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    // playwright-core gives each launch a fresh, temporary --user-data-dir of its own
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const openContexts = new Set();

/**
 * After each test: a test that passed closed its contexts; pages still open belong to a failed one, so they
 * are photographed (FAILED-*.png) and their alerts printed, to show what the user saw, then closed.
 */
async function reportAndCloseLeftovers(testName) {
  let index = 0;
  for (const context of openContexts) {
    for (const page of context.pages()) {
      const file = join(
        SCREENSHOT_DIR,
        `FAILED-${testName.replace(/\W+/g, "-").slice(0, 60)}-${index++}.png`,
      );
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      const alerts = await page
        .getByRole("alert")
        .allInnerTexts()
        .catch(() => []);
      console.log(`left open at ${page.url()}; screenshot ${file}; alerts: ${JSON.stringify(alerts)}`);
    }
    await context.close().catch(() => {});
  }
  openContexts.clear();
}

/**
 * A signed-in page of `username` (password = user name), through the console's PKCE redirect to Keycloak;
 * `prepare` runs on the new context before the first page loads (e.g. to route requests).
 */
export async function signIn(username, prepare = async (_context) => {}) {
  assert.ok(browser, "registerBrowserHooks() or launchBrowser() launches the browser first");
  const context = await browser.newContext({
    locale: "en-US",
    timezoneId: "Asia/Seoul",
    viewport: { width: 1280, height: 860 },
  });
  context.setDefaultTimeout(TIMEOUT);
  openContexts.add(context);
  context.on("close", () => openContexts.delete(context));
  await prepare(context);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.goto(CONSOLE_URL);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.href.startsWith(KEYCLOAK_URL));
  const authorize = new URL(page.url());
  assert.equal(authorize.searchParams.get("code_challenge_method"), "S256", "PKCE with S256");
  assert.equal(authorize.searchParams.get("client_id"), "itsm-console");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(username);
  await page.locator("#kc-login").click();
  await page.waitForURL((url) => url.href.startsWith(CONSOLE_URL) && !url.pathname.startsWith("/auth/"));
  await page
    .getByRole("button", { name: "User menu" })
    .or(page.locator(".user-menu summary"))
    .first()
    .waitFor();
  return { context, page, problems };
}

/** Switches the language through the user menu and waits until the page shows it. */
export async function switchLanguage(page, language) {
  const menu = page.locator("details.user-menu");
  if (!(await menu.evaluate((el) => el.open))) await menu.locator("summary").click();
  await menu.getByTestId("language").selectOption(language);
  await page.locator(`html[lang="${language}"]`).waitFor({ state: "attached" });
  await menu.locator("summary").click();
}

/** 0 serious or critical axe-core violations on the page as it is. */
export async function checkAccessibility(page, screen) {
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  }
  const result = await page.evaluate(async () => {
    const axe = /** @type {any} */ (window).axe;
    const r = await axe.run(document, {
      runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} — ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
  });
  assert.deepEqual(result, [], `accessibility violations on ${screen}:\n${result.join("\n")}`);
}

/** No key was looked up that a catalogue lacks (i18next's missingKeyHandler reports them to the page). */
export async function checkTranslations(page, screen) {
  const missing = await page.evaluate(() => window.__missingI18nKeys ?? []);
  assert.deepEqual(missing, [], `untranslated keys on ${screen}`);
}

/**
 * The screen in English and in Korean: a screenshot of each, axe-core on each, the heading in Hangul after the
 * switch, and no untranslated key. Leaves the page in English.
 */
export async function captureBothLanguages(page, screen) {
  await page.locator("h1").first().waitFor();
  await checkAccessibility(page, `${screen} (en)`);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${screen}-en.png`), fullPage: true });
  await switchLanguage(page, "ko");
  // the screen's own headings (not the records' data) are in Hangul, and so is the navigation
  await page
    .locator("main :is(h1, h2)")
    .filter({ hasText: /[\uac00-\ud7a3]/ })
    .first()
    .waitFor();
  await page
    .locator("header nav a")
    .first()
    .filter({ hasText: /[\uac00-\ud7a3]/ })
    .waitFor();
  await checkAccessibility(page, `${screen} (ko)`);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${screen}-ko.png`), fullPage: true });
  await checkTranslations(page, screen);
  await switchLanguage(page, "en");
}

/** A token of a demo user from the command-line client, for setting up data through the API. */
export async function token(username) {
  const response = await fetch(`${KEYCLOAK_URL}/realms/itsm/protocol/openid-connect/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "password",
      client_id: "itsm-cli",
      username,
      password: username,
    }),
  });
  assert.equal(response.status, 200, `token for ${username}`);
  return (await response.json()).access_token;
}

export async function api(username, method, path, body, headers = {}) {
  const response = await fetch(`${GATEWAY_URL}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await token(username)}`,
      ...(body ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export function unique(label) {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
