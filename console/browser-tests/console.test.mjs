// The console against the whole running platform (started by the end-to-end tests' ConsoleBrowserIT, or by
// ./itsm up): node --test browser-tests/. Every wait is an auto-waiting locator; no fixed sleeps.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  api,
  CONSOLE_URL,
  captureBothLanguages,
  checkAccessibility,
  checkTranslations,
  registerBrowserHooks,
  SCREENSHOT_DIR,
  signIn,
  unique,
} from "./support.mjs";

registerBrowserHooks();

/** The incident page with all its parts loaded (record, actions, SLA explanation, timeline). */
async function incidentReady(page, number) {
  await page.getByTestId("incident-number").filter({ hasText: number }).waitFor();
  for (const part of ["actions", "sla-panel", "timeline-section"]) {
    await page.locator(`[data-testid="${part}"][aria-busy="false"]`).waitFor();
  }
}

async function newIncident(username, shortDescription, extra = {}) {
  const created = await api(username, "POST", "/api/v1/incidents", {
    shortDescription,
    impact: 2,
    urgency: 2,
    ...extra,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}

describe("agent", () => {
  test("takes an incident from the queue to resolved with a work note and a comment, seen live by a second agent", async () => {
    const title = unique("Printer on floor 3 jams");
    const incident = await newIncident("requester", title);
    const agent = await signIn("agent");
    const other = await signIn("implementer");
    const { page } = agent;

    // the queue: assigned-to-me first, then all incidents searched by text
    await page.getByRole("heading", { name: "Incident queue" }).waitFor();
    await page.getByTestId("view-all").click();
    await page.getByRole("searchbox").fill(title);
    await page.getByRole("searchbox").press("Enter");
    const row = page.locator(`tr[data-number="${incident.number}"]`);
    await row.waitFor();
    await page.getByTestId("total").filter({ hasText: "1 incident" }).waitFor();
    await captureBothLanguages(page, "queue");

    // the second agent watches the same incident in the queue, then on its page
    const watcher = other.page;
    await watcher.getByTestId("view-all").click();
    await watcher.getByRole("searchbox").fill(title);
    await watcher.getByRole("searchbox").press("Enter");
    const watchedRow = watcher.locator(`tr[data-number="${incident.number}"]`);
    await watchedRow.filter({ hasText: "Unassigned" }).waitFor();
    await watcher.getByTestId("live").filter({ hasText: "Live updates on" }).waitFor();

    await row.getByRole("link", { name: incident.number }).click();
    await incidentReady(page, incident.number);
    await captureBothLanguages(page, "incident");

    await page.getByRole("button", { name: "Assign to me" }).click();
    await page
      .locator('dd[data-field="assignee"]')
      .filter({ hasText: /^agent$/ })
      .waitFor();
    // live: the assignment reaches the other agent's queue without a reload
    await watchedRow.filter({ hasText: "agent" }).waitFor();

    await page.locator('button[data-action="start"]').click();
    await page.locator(".badges .state").filter({ hasText: "In progress" }).waitFor();

    await watchedRow.getByRole("link", { name: incident.number }).click();
    await watcher.getByTestId("incident-number").filter({ hasText: incident.number }).waitFor();
    await watcher.locator(".badges .state").filter({ hasText: "In progress" }).waitFor();

    const note = unique("Checked the fuser unit");
    await page.getByLabel("Internal work note").check();
    await page.getByLabel("Text").fill(note);
    await page.getByRole("button", { name: "Post" }).click();
    await page.getByRole("status").filter({ hasText: "Posted." }).waitFor();
    await page.getByTestId("timeline").locator("li.tl-work-note").filter({ hasText: note }).waitFor();

    const comment = unique("A technician is on the way");
    await page.getByLabel("Public comment").check();
    await page.getByLabel("Text").fill(comment);
    await page.getByRole("button", { name: "Post" }).click();
    await page.getByRole("status").filter({ hasText: "Posted." }).waitFor();
    await page.getByTestId("timeline").locator("li.tl-comment").filter({ hasText: comment }).waitFor();

    await page.locator('button[data-action="resolve"]').click();
    const form = page.getByTestId("action-form-resolve");
    await form.getByLabel("Resolution code").selectOption("SOLVED_PERMANENTLY");
    await form.getByLabel("Resolution notes").fill("Replaced the fuser unit.");
    await form.getByRole("button", { name: /Confirm/ }).click();
    await page.locator(".badges .state").filter({ hasText: "Resolved" }).waitFor();

    // live: the open incident on the other agent's screen shows the resolution and the public comment
    await watcher.locator(".badges .state").filter({ hasText: "Resolved" }).waitFor();
    await watcher.getByTestId("timeline").locator("li.tl-comment").filter({ hasText: comment }).waitFor();

    const stored = await api("agent", "GET", `/api/v1/incidents/${incident.id}`);
    assert.equal(stored.body.state, "RESOLVED");
    assert.equal(stored.body.assignee, "agent");
    await checkTranslations(page, "agent flow");
    assert.deepEqual([...agent.problems, ...other.problems], []);
    await agent.context.close();
    await other.context.close();
  });

  test("a stale edit is refused with 412, shows what changed and re-applies after a reload", async () => {
    const incident = await newIncident("agent", unique("VPN drops every hour"));
    const { page, context, problems } = await signIn("agent");
    await page.goto(`${CONSOLE_URL}/incidents/${incident.id}`);
    await incidentReady(page, incident.number);
    await page.getByRole("button", { name: "Edit" }).click();
    const mine = unique("VPN drops every hour for the sales team");
    await page.getByTestId("edit-form").getByLabel("Short description").fill(mine);

    // meanwhile someone else changes the incident
    const current = await api("implementer", "GET", `/api/v1/incidents/${incident.id}`);
    const theirs = await api(
      "implementer",
      "PATCH",
      `/api/v1/incidents/${incident.id}`,
      { description: "Happens on the office Wi-Fi only" },
      { "If-Match": current.headers.get("etag") },
    );
    assert.equal(theirs.status, 200, JSON.stringify(theirs.body));

    await page.getByRole("button", { name: "Save" }).click();
    const stale = page.getByTestId("stale");
    await stale.filter({ hasText: "Someone else changed this incident" }).waitFor();
    await stale.filter({ hasText: "Description" }).waitFor();
    await captureBothLanguages(page, "incident-stale-edit");
    await stale.getByRole("button", { name: "Reload and re-apply my edit" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await page.locator("h1").filter({ hasText: mine }).waitFor();

    const stored = await api("agent", "GET", `/api/v1/incidents/${incident.id}`);
    assert.equal(stored.body.shortDescription, mine);
    assert.equal(stored.body.description, "Happens on the office Wi-Fi only");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a new incident shows the priority of impact × urgency before saving", async () => {
    const { page, context, problems } = await signIn("agent");
    await page.getByRole("link", { name: "New incident" }).click();
    await page.getByRole("heading", { name: "New incident" }).waitFor();
    await page.getByLabel("Impact").selectOption("1");
    await page.getByLabel("Urgency").selectOption("2");
    await page.getByTestId("priority-preview").filter({ hasText: "P2" }).waitFor();
    await page.getByLabel("Impact").selectOption("3");
    await page.getByLabel("Urgency").selectOption("3");
    await page.getByTestId("priority-preview").filter({ hasText: "P5" }).waitFor();
    await captureBothLanguages(page, "new-incident");

    // the user menu: who is signed in, with which roles
    await page.locator("details.user-menu summary").click();
    await page.locator("details.user-menu").getByText("Roles: Agent").waitFor();
    await page.locator("details.user-menu").getByRole("button", { name: "Sign out" }).waitFor();
    await checkAccessibility(page, "user menu");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "user-menu-en.png") });
    await page.locator("details.user-menu summary").click();

    // dark mode follows the system setting
    await page.emulateMedia({ colorScheme: "dark" });
    await page.getByRole("link", { name: "Incident queue" }).click();
    await page.getByRole("heading", { name: "Incident queue" }).waitFor();
    await page.getByTestId("total").waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(background, "rgb(17, 20, 24)", "the dark palette applies");
    await checkAccessibility(page, "queue (dark)");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "queue-dark-en.png") });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("requester", () => {
  test("raises an incident (a double click makes one) and cannot see another requester's", async () => {
    const foreign = await newIncident("requester2", unique("Someone else's monitor flickers"));
    const { page, context, problems } = await signIn("requester");
    await page.getByRole("heading", { name: "My incidents" }).waitFor();

    await page.getByRole("link", { name: "Raise an incident" }).click();
    await page.getByRole("heading", { name: "Raise an incident" }).waitFor();
    const title = unique("My laptop does not start");
    await page.getByLabel("Short description").fill(title);
    await page.getByLabel("Impact").selectOption("3");
    await page.getByLabel("Urgency").selectOption("1");
    await page.getByTestId("priority-preview").filter({ hasText: "P3" }).waitFor();
    await captureBothLanguages(page, "raise-incident");
    await page.getByRole("button", { name: "Create incident" }).dblclick();
    await page.locator("h1").filter({ hasText: title }).waitFor();
    await incidentReady(page, "INC");
    await captureBothLanguages(page, "requester-incident");

    const found = await api("agent", "GET", `/api/v1/incidents?q=${encodeURIComponent(title)}`);
    assert.equal(found.body.total, 1, "a double click makes one incident");

    await page.getByRole("link", { name: "My incidents" }).click();
    await page.locator(`tr[data-number="${found.body.items[0].number}"]`).waitFor();
    assert.equal(await page.locator(`tr[data-number="${foreign.number}"]`).count(), 0);
    await captureBothLanguages(page, "my-incidents");

    await page.goto(`${CONSOLE_URL}/incidents/${foreign.id}`);
    await page
      .getByRole("alert")
      .filter({ hasText: /Not found|not allow/ })
      .waitFor();
    assert.equal(await page.getByText(foreign.shortDescription).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("requests a catalog item through its form: an invalid, then a valid submission", async () => {
    const name = unique("Docking station");
    const item = await api("catalog-manager", "POST", "/api/v1/catalog/items", {
      name,
      category: "hardware",
      description: "A USB-C dock for your desk.",
      form: {
        type: "object",
        required: ["model", "reason"],
        properties: {
          model: { type: "string", title: "Model", enum: ["USB-C basic", "Thunderbolt pro"] },
          reason: { type: "string", title: "Reason", minLength: 5 },
        },
      },
      approvalRule: "NONE",
      fulfilmentGroup: "desktop-support",
      expectedDeliveryHours: 16,
    });
    assert.equal(item.status, 201, JSON.stringify(item.body));
    const published = await api(
      "catalog-manager",
      "POST",
      `/api/v1/catalog/items/${item.body.id}/publish`,
      undefined,
      {
        "If-Match": item.headers.get("etag") ?? "*",
      },
    );
    assert.equal(published.status, 200, JSON.stringify(published.body));

    const { page, context, problems } = await signIn("requester");
    await page.getByRole("link", { name: "Request catalogue" }).click();
    const card = page.getByTestId("catalog-items").locator("li").filter({ hasText: name });
    await card.waitFor();
    await captureBothLanguages(page, "catalog");
    await card.getByRole("link", { name: /Request/ }).click();
    const form = page.getByTestId("request-form");
    await form.getByRole("button", { name: "Submit request" }).waitFor();

    await form.getByRole("button", { name: "Submit request" }).click();
    await form.locator(".error-detail").first().waitFor();
    await checkAccessibility(page, "request form with errors");
    await captureBothLanguages(page, "request-form");

    await form.getByLabel(/Model/).selectOption("Thunderbolt pro");
    await form.getByLabel(/Reason/).fill("Two monitors at my desk");
    await form.getByRole("button", { name: "Submit request" }).click();
    await page.getByRole("heading", { name: "My requests" }).waitFor();
    await page.getByTestId("request-table").locator("tr").filter({ hasText: name }).waitFor();
    await captureBothLanguages(page, "my-requests");
    assert.deepEqual(problems, []);
    await context.close();
  });
});
