// Assignment groups in the agent's workspace (issue 17): the "My groups" queue, response templates shared per
// group (the Templates screen and the composer's picker), saved views stored by the API (the views an older
// console kept in localStorage move there once). Every wait is an auto-waiting locator; no fixed sleeps.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { api, captureBothLanguages, registerBrowserHooks, signIn, unique } from "./support.mjs";

registerBrowserHooks();

async function incidentOfGroup(shortDescription, assignmentGroup) {
  const created = await api("requester", "POST", "/api/v1/incidents", {
    shortDescription,
    impact: 3,
    urgency: 3,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const assigned = await api("agent", "POST", `/api/v1/incidents/${created.body.id}/assign`, {
    assignmentGroup,
  });
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
  return created.body;
}

describe("assignment groups", () => {
  test("the My groups queue lists the incidents of the agent's groups only", async () => {
    const tag = unique("Group queue mail");
    const desk = await incidentOfGroup(`${tag} desk`, "service-desk");
    const network = await incidentOfGroup(`${tag} network`, "network");
    const groups = await api("agent", "GET", "/api/v1/incidents/assignment-groups");
    assert.deepEqual(groups.body.groups, ["applications", "service-desk"]);

    const { page, context } = await signIn("agent");
    await page.getByRole("heading", { name: "Incident queue" }).waitFor();
    await page.getByTestId("view-groups").click();
    await page.getByRole("searchbox").fill(tag);
    await page.getByRole("searchbox").press("Enter");
    await page.getByTestId("total").filter({ hasText: "1 incident" }).waitFor();
    await page.locator(`tr[data-number="${desk.number}"]`).waitFor();
    assert.equal(await page.locator(`tr[data-number="${network.number}"]`).count(), 0);
    assert.match(page.url(), /view=groups/);
    await captureBothLanguages(page, "queue-my-groups");
    await context.close();
  });

  test("an agent creates a template for service-desk and inserts it into a comment", async () => {
    const incident = await incidentOfGroup(unique("Template printer jam"), "service-desk");
    const name = unique("Printer fixed");
    const { page, context } = await signIn("agent");
    await page.getByRole("link", { name: "Templates" }).click();
    await page.getByRole("heading", { name: "Response templates" }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Assignment group").selectOption("service-desk");
    await page.getByLabel("Text", { exact: true }).fill("Hello {{caller}}, {{number}} is fixed. {{agent}}");
    await page.getByRole("button", { name: "Save template" }).click();
    await page.getByRole("status").filter({ hasText: "Template saved." }).waitFor();
    await page.locator(`tr[data-name="${name}"]`).waitFor();
    await captureBothLanguages(page, "templates");
    const stored = await api("agent", "GET", "/api/v1/response-templates?assignmentGroup=service-desk");
    assert.ok(stored.body.some((x) => x.name === name && x.assignmentGroup === "service-desk"));

    // the composer's picker, with the keyboard: choose, Tab to Insert, Enter; the focus returns to the text
    await page.goto(new URL(`/incidents/${incident.id}`, page.url()).href);
    await page.getByTestId("incident-number").filter({ hasText: incident.number }).waitFor();
    const picker = page.getByTestId("template-pick");
    await picker.locator("option", { hasText: name }).waitFor({ state: "attached" });
    await picker.focus();
    await picker.selectOption({ label: `${name} (service-desk)` });
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const body = page.getByTestId("conversation-body");
    await body.and(page.locator(":focus")).waitFor();
    const text = await body.inputValue();
    assert.match(text, new RegExp(`^Hello requester, ${incident.number} is fixed\\. \\S`));
    assert.doesNotMatch(text, /\{\{/);
    await captureBothLanguages(page, "incident-template");
    await page.getByRole("button", { name: "Post" }).click();
    await page.getByRole("status").filter({ hasText: "Posted." }).waitFor();
    const comments = await api("agent", "GET", `/api/v1/incidents/${incident.id}/comments`);
    assert.ok(comments.body.some((c) => c.body === text));

    // deleted from the Templates screen
    await page.getByRole("link", { name: "Templates" }).click();
    await page.getByRole("button", { name: `Delete the template ${name}` }).click();
    await page.locator(`tr[data-name="${name}"]`).waitFor({ state: "detached" });
    await context.close();
  });

  test("saved views kept in the browser move to the API once", async () => {
    const name = unique("Old local view");
    const { page, context } = await signIn("agent");
    await page.getByRole("heading", { name: "Incident queue" }).waitFor();
    await page.evaluate(
      (view) =>
        localStorage.setItem(
          "itsm.console.savedViews.agent",
          JSON.stringify([{ name: view, search: { view: "unassigned", priority: "P5" } }]),
        ),
      name,
    );
    await page.reload();
    const saved = page.getByTestId("saved-views");
    const imported = saved.getByTestId("saved-view").filter({ hasText: name });
    await imported.waitFor({ state: "attached" });
    if (!(await saved.evaluate((el) => el.open))) await saved.locator("summary").click();
    await imported.waitFor();
    await captureBothLanguages(page, "queue-saved-views");
    assert.equal(await page.evaluate(() => localStorage.getItem("itsm.console.savedViews.agent")), null);
    const views = await api("agent", "GET", "/api/v1/saved-views");
    const view = views.body.find((v) => v.name === name);
    assert.deepEqual(view.filters, { open: "true", assignee: "none", priority: "P5" });
    await imported.click();
    await page.getByTestId("view-unassigned").and(page.locator('[aria-current="page"]')).waitFor();
    assert.match(page.url(), /priority=P5/);
    const removed = await api("agent", "DELETE", `/api/v1/saved-views/${view.id}`);
    assert.equal(removed.status, 204);
    await context.close();
  });
});
