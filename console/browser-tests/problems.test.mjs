// Problems and known errors in the console: a problem manager moves a problem through root cause analysis and
// publishes its known error; an agent finds it from an incident, links it, and sees the workaround stand out.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { api, CONSOLE_URL, captureBothLanguages, registerBrowserHooks, signIn, unique } from "./support.mjs";

registerBrowserHooks();

/** The problem page with its moves loaded. */
async function problemReady(page, number) {
  await page.getByTestId("problem-number").filter({ hasText: number }).waitFor();
  await page.locator('[data-testid="actions"][aria-busy="false"]').waitFor();
}

describe("problem management", () => {
  test("a problem manager moves a problem through RCA and publishes a known error; an agent links it from an incident and sees the workaround", async () => {
    const statement = unique("VPN drops every 20 minutes");
    const first = await api("requester", "POST", "/api/v1/incidents", {
      shortDescription: unique("VPN disconnected again"),
      impact: 2,
      urgency: 2,
    });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const created = await api("agent", "POST", "/api/v1/problems", {
      statement,
      impact: 2,
      urgency: 2,
      category: "network",
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const problem = created.body;

    const { page, context, problems } = await signIn("problem-manager");
    // the problem list: searched by text, then the record
    await page.getByRole("heading", { name: "Problems", level: 1 }).waitFor();
    await page.getByRole("searchbox").fill(statement);
    await page.getByRole("searchbox").press("Enter");
    const row = page.locator(`tr[data-number="${problem.number}"]`);
    await row.waitFor();
    await page.getByTestId("total").filter({ hasText: "1 problem" }).waitFor();
    await captureBothLanguages(page, "problems");
    await row.getByRole("link", { name: problem.number }).click();
    await problemReady(page, problem.number);
    await captureBothLanguages(page, "problem");

    // link the first incident by number
    const linked = page.getByTestId("linked-incidents");
    await linked.getByLabel("Incident number").fill(first.body.number);
    await linked.getByRole("button", { name: "Link incident" }).click();
    await linked.locator(`li[data-number="${first.body.number}"]`).waitFor();

    // New → Assessment → Root cause analysis, with the keyboard
    const actions = page.getByTestId("actions");
    await actions.getByRole("button", { name: /^Assess/ }).focus();
    await page.keyboard.press("Enter");
    await page.locator(".badges").getByText("Assessment").waitFor();
    await actions.getByRole("button", { name: /^Start root cause analysis/ }).click();
    await page.locator(".badges").getByText("Root cause analysis").waitFor();

    // starting the fix requires the root cause: the move asks for it
    await actions.getByRole("button", { name: /^Start the fix/ }).click();
    const form = page.getByTestId("action-form-start-fix");
    await form.getByLabel(/Root cause/).fill("The VPN concentrator's idle timer is 20 minutes");
    await captureBothLanguages(page, "problem-move");
    await form.getByRole("button", { name: /Confirm/ }).click();
    await page.locator(".badges").getByText("Fix in progress").waitFor();
    await page.locator('[data-field="rootCause"]').filter({ hasText: "idle timer is 20 minutes" }).waitFor();

    // publish the known error with its workaround
    const knownError = page.getByTestId("known-error");
    await knownError.getByRole("button", { name: "Publish a known error" }).click();
    const publish = page.getByTestId("publish-form");
    await publish.getByLabel("Symptom").fill(`${statement}: sessions end mid-work`);
    await publish.getByLabel("Workaround").fill("Reconnect with the 'keep-alive' profile");
    await publish.getByRole("button", { name: "Publish" }).click();
    await knownError.getByTestId("ke-workaround").filter({ hasText: "keep-alive" }).waitFor();
    await page.locator(".badges").getByText("Known error").waitFor();
    await captureBothLanguages(page, "problem-known-error");
    assert.deepEqual(problems, []);
    await context.close();

    // an agent on another incident: search the known errors, link, and the workaround stands out
    const second = await api("requester", "POST", "/api/v1/incidents", {
      shortDescription: unique("VPN keeps dropping"),
      impact: 3,
      urgency: 2,
    });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    const agent = await signIn("agent");
    await agent.page.goto(`${CONSOLE_URL}/incidents/${second.body.id}`);
    await agent.page.getByTestId("incident-number").filter({ hasText: second.body.number }).waitFor();
    const search = agent.page.getByTestId("known-error-search");
    await search.getByLabel("Search known errors").fill(statement);
    await search.getByLabel("Search known errors").press("Enter");
    const result = search.locator(`li[data-problem="${problem.number}"]`);
    await result.filter({ hasText: "keep-alive" }).waitFor();
    await captureBothLanguages(agent.page, "incident-known-errors");
    await result.getByRole("button", { name: `Link to ${problem.number}` }).click();
    const workaround = agent.page.locator("aside.workaround");
    await workaround.filter({ hasText: "Reconnect with the 'keep-alive' profile" }).waitFor();
    await agent.page.locator("dd").getByRole("link", { name: problem.number }).waitFor();
    await captureBothLanguages(agent.page, "incident-workaround");

    const stored = await api("agent", "GET", `/api/v1/problems/${problem.id}/incidents`);
    assert.deepEqual(
      stored.body.map((i) => i.incidentNumber).sort(),
      [first.body.number, second.body.number].sort(),
    );
    assert.deepEqual(agent.problems, []);
    await agent.context.close();
  });
});
