// The agent's workspace: queues, saved views, bulk actions with per-record results, keyboard shortcuts, the
// shortcut sheet and the command palette. Every wait is an auto-waiting locator; no fixed sleeps.
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
  switchLanguage,
  unique,
} from "./support.mjs";

registerBrowserHooks();

async function newIncident(shortDescription) {
  const created = await api("requester", "POST", "/api/v1/incidents", {
    shortDescription,
    impact: 3,
    urgency: 3,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}

/** A dialog (the shortcut sheet or the palette) in both languages: axe, screenshot, no untranslated key. */
async function captureDialog(page, open, testId, screen) {
  for (const language of ["en", "ko"]) {
    await switchLanguage(page, language);
    await open();
    const dialog = page.getByTestId(testId);
    await dialog.locator("h2").waitFor();
    await checkAccessibility(page, `${screen} (${language})`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${screen}-${language}.png`) });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
  }
  await checkTranslations(page, screen);
  await switchLanguage(page, "en");
}

describe("agent workspace", () => {
  test("works the unassigned queue with bulk assign, saves a view, and sees per-record results of a bulk resolve", async () => {
    const tag = unique("Bulk VPN drops");
    const incidents = [];
    for (const n of [1, 2, 3]) incidents.push(await newIncident(`${tag} #${n}`));
    const cancelled = await newIncident(`${tag} #4`);
    const cancel = await api("agent", "POST", `/api/v1/incidents/${cancelled.id}/cancel`, {
      reason: "Raised twice",
    });
    assert.equal(cancel.status, 200, JSON.stringify(cancel.body));

    const { page, context } = await signIn("agent");
    await page.getByRole("heading", { name: "Incident queue" }).waitFor();
    await page.getByTestId("view-unassigned").click();
    await page.getByRole("searchbox").fill(tag);
    await page.getByRole("searchbox").press("Enter");
    // the cancelled one is not in a work queue: unassigned lists open incidents only
    await page.getByTestId("total").filter({ hasText: "3 incidents" }).waitFor();
    await page.locator(`tr[data-number="${cancelled.number}"]`).waitFor({ state: "detached" });

    // a saved view: the current filters under a name, found again from another view
    const saved = page.getByTestId("saved-views");
    await saved.locator("summary").click();
    const viewName = unique("VPN unassigned");
    await saved.getByLabel("Save the current filters as").fill(viewName);
    await saved.getByRole("button", { name: "Save view" }).click();
    await page.getByTestId("view-all").click();
    await page.getByTestId("saved-view").filter({ hasText: viewName }).click();
    await page.getByTestId("total").filter({ hasText: "3 incidents" }).waitFor();
    assert.match(page.url(), /view=unassigned/);

    await page.getByLabel("Select all on this page").check();
    const bulk = page.getByTestId("bulk-actions");
    await bulk.getByRole("heading", { name: "3 incidents selected" }).waitFor();
    await captureBothLanguages(page, "queue-selection");
    await bulk.getByRole("button", { name: "Assign to me" }).click();
    const results = page.getByTestId("bulk-results");
    await results.getByTestId("bulk-summary").filter({ hasText: "3 done, 0 refused" }).waitFor();
    for (const incident of incidents) {
      await results.locator(`li[data-number="${incident.number}"][data-status="done"]`).waitFor();
      const stored = await api("agent", "GET", `/api/v1/incidents/${incident.id}`);
      assert.equal(stored.body.assignee, "agent");
    }
    // assigned: they leave the unassigned queue (the list reloads after the bulk action)
    await page.getByTestId("total").filter({ hasText: "0 incidents" }).waitFor();
    await captureBothLanguages(page, "queue-bulk-results");

    // all incidents of the tag, the cancelled one too: a bulk resolve is refused for it, with the reason
    await page.getByTestId("view-all").click();
    await page.getByRole("searchbox").fill(tag);
    await page.getByRole("searchbox").press("Enter");
    await page.getByTestId("total").filter({ hasText: "4 incidents" }).waitFor();
    await page.getByLabel("Select all on this page").check();
    await bulk.getByLabel("Resolution code").selectOption("SOLVED_REMOTELY");
    await bulk.getByLabel("Resolution notes").fill("VPN concentrator restarted.");
    await bulk.getByRole("button", { name: "Resolve the selected" }).click();
    await results.getByTestId("bulk-summary").filter({ hasText: "3 done, 1 refused" }).waitFor();
    const refused = results.locator(`li[data-number="${cancelled.number}"][data-status="refused"]`);
    await refused.filter({ hasText: "Refused:" }).waitFor();
    assert.ok(((await refused.textContent()) ?? "").length > `${cancelled.number}: Refused:`.length + 3);
    for (const incident of incidents) {
      const stored = await api("agent", "GET", `/api/v1/incidents/${incident.id}`);
      assert.equal(stored.body.state, "RESOLVED");
    }
    await captureBothLanguages(page, "queue-bulk-refused");
    await context.close();
  });

  test("keyboard only: navigates the queue, opens a record, adds a work note and resolves through the palette", async () => {
    const title = unique("Keyboard printer offline");
    const incident = await newIncident(title);
    const { page, context } = await signIn("agent");
    await page.getByRole("heading", { name: "Incident queue" }).waitFor();

    // the shortcut sheet (?) and the palette (Ctrl+K), in both languages
    await captureDialog(page, () => page.keyboard.press("?"), "shortcut-sheet", "shortcut-sheet");
    await captureDialog(page, () => page.keyboard.press("Control+k"), "palette", "palette");

    // the palette goes to a screen: the unassigned queue
    await page.keyboard.press("Control+k");
    await page.keyboard.type("Unassigned");
    await page.keyboard.press("Enter");
    await page.getByTestId("view-unassigned").and(page.locator('[aria-current="page"]')).waitFor();

    // / searches; typing in the field fires no shortcut (j, k, x, a are letters of the text)
    await page.keyboard.press("/");
    await page.keyboard.type(title);
    await page.keyboard.press("Enter");
    await page.getByTestId("total").filter({ hasText: "1 incident" }).waitFor();
    assert.equal(await page.getByRole("searchbox").inputValue(), title);
    await page.keyboard.press("Tab"); // leave the field
    await page.keyboard.press("j");
    const row = page.locator(`tr[data-number="${incident.number}"]`);
    await row.and(page.locator("tr.active")).waitFor();
    await page.keyboard.press("x");
    await row.getByRole("checkbox").and(page.locator(":checked")).waitFor();
    await page.keyboard.press("x");
    await page.keyboard.press("Enter");
    await page.getByTestId("incident-number").filter({ hasText: incident.number }).waitFor();
    await page.locator('[data-testid="actions"][aria-busy="false"]').waitFor();

    // w: the internal work note, focused; Tab to Post
    await page.keyboard.press("w");
    const body = page.getByTestId("conversation-body");
    await body.and(page.locator(":focus")).waitFor();
    assert.equal(await page.getByLabel("Internal work note").isChecked(), true);
    const note = unique("Cable reseated by keyboard");
    await page.keyboard.type(note);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Posted." }).waitFor();
    await page.getByTestId("timeline").locator("li.tl-work-note").filter({ hasText: note }).waitFor();

    // the palette offers the record's actions: resolve opens its form with the focus on the first field
    await page.locator('[data-testid="actions"][aria-busy="false"]').waitFor();
    await page.keyboard.press("Control+k");
    await page.keyboard.type("Resolve");
    await page.getByTestId("palette").getByRole("option", { name: "Resolve" }).waitFor();
    await page.keyboard.press("Enter");
    const form = page.getByTestId("action-form-resolve");
    await form.getByLabel("Resolution code").and(page.locator(":focus")).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Reseated the cable.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.locator(".badges .state").filter({ hasText: "Resolved" }).waitFor();
    const stored = await api("agent", "GET", `/api/v1/incidents/${incident.id}`);
    assert.equal(stored.body.state, "RESOLVED");
    assert.equal(stored.body.resolutionNotes, "Reseated the cable.");

    // Esc goes back to the queue
    await page.keyboard.press("Escape");
    await page.getByRole("heading", { name: "Incident queue" }).waitFor();
    assert.ok(page.url().startsWith(`${CONSOLE_URL}/queue`));

    // the palette opens an incident by its number
    await page.keyboard.press("Control+k");
    await page.keyboard.type(incident.number);
    await page
      .getByTestId("palette")
      .getByRole("option", { name: `Open incident ${incident.number}` })
      .waitFor();
    await page.keyboard.press("Enter");
    await page.getByTestId("incident-number").filter({ hasText: incident.number }).waitFor();
    await context.close();
  });
});
