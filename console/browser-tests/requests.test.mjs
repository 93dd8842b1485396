// Request fulfilment in the console: the approver decides in the approvals inbox, an agent takes and completes
// the fulfilment task, and the requester follows approval and task to fulfilled on the request's page.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  api,
  CONSOLE_URL,
  captureBothLanguages,
  checkAccessibility,
  checkTranslations,
  registerBrowserHooks,
  signIn,
  switchLanguage,
  unique,
} from "./support.mjs";

registerBrowserHooks();

/** A published catalog item that needs the requester's manager's approval. */
async function itemNeedingApproval(name) {
  const item = await api("catalog-manager", "POST", "/api/v1/catalog/items", {
    name,
    category: "hardware",
    description: "A second monitor for your desk.",
    form: {
      type: "object",
      required: ["size"],
      properties: { size: { type: "string", title: "Size", enum: ["24 inch", "27 inch"] } },
    },
    approvalRule: "MANAGER",
    fulfilmentGroup: "desktop-support",
    expectedDeliveryHours: 24,
  });
  assert.equal(item.status, 201, JSON.stringify(item.body));
  const published = await api(
    "catalog-manager",
    "POST",
    `/api/v1/catalog/items/${item.body.id}/publish`,
    undefined,
    { "If-Match": item.headers.get("etag") ?? "*" },
  );
  assert.equal(published.status, 200, JSON.stringify(published.body));
  return item.body;
}

describe("request fulfilment", () => {
  test("the approver approves in the inbox, an agent takes and completes the task, the requester sees it fulfilled", async () => {
    const item = await itemNeedingApproval(unique("Monitor"));
    const submitted = await api("requester", "POST", "/api/v1/requests", {
      itemId: item.id,
      fields: { size: "27 inch" },
    });
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const request = submitted.body;
    assert.equal(request.state, "AWAITING_APPROVAL");

    // the requester follows the request: waiting for the approval of their manager
    const requester = await signIn("requester");
    await requester.page.getByRole("link", { name: "My requests" }).click();
    await requester.page.getByTestId("request-table").getByRole("link", { name: request.number }).click();
    await requester.page.getByTestId("request-number").filter({ hasText: request.number }).waitFor();
    await requester.page.getByTestId("approval-status").filter({ hasText: "Waiting for approval" }).waitFor();
    await requester.page.locator('[data-testid="request-tasks"][aria-busy="false"]').waitFor();
    await captureBothLanguages(requester.page, "request-requester");

    // the approver (the requester's manager, the agent) decides in the inbox, with the keyboard
    const agent = await signIn("agent");
    const { page } = agent;
    await page.getByRole("link", { name: "Approvals" }).click();
    await page.getByRole("heading", { name: "Approvals", level: 1 }).waitFor();
    const card = page.getByTestId("approvals").locator(`li[data-number="${request.number}"]`);
    await card.waitFor();
    // a rejection needs a reason
    await card.getByRole("button", { name: `Reject ${request.number}` }).click();
    await card.getByText("Give a reason to reject the request.").waitFor();
    await captureBothLanguages(page, "approvals");
    await card.getByLabel(/Reason/).fill("Fine for the new desk");
    await card.getByRole("button", { name: `Approve ${request.number}` }).focus();
    await page.keyboard.press("Enter");
    await card.waitFor({ state: "detached" });

    // the requester sees the approval arrive live
    await requester.page.getByTestId("approval-status").filter({ hasText: "Approved" }).waitFor();
    await requester.page.getByTestId("request-tasks").getByText(`Fulfil ${item.name}`).waitFor();

    // the fulfilment task queue: take, then complete with a note
    await page.getByRole("link", { name: "Fulfilment tasks" }).click();
    await page.getByRole("heading", { name: "Fulfilment tasks", level: 1 }).waitFor();
    const row = page.getByTestId("task-table").locator(`tr[data-request="${request.number}"]`);
    await row.getByRole("button", { name: /^Take/ }).click();
    await row
      .filter({ hasText: "agent" })
      .getByRole("button", { name: /^Complete/ })
      .waitFor();
    await captureBothLanguages(page, "tasks");
    // the task the agent took is in their own view too
    await page.getByLabel("Show").selectOption("mine");
    await row.filter({ hasText: "agent" }).waitFor();
    await row.getByLabel(/Notes for/).fill("Delivered to desk 4.12");
    await row.getByRole("button", { name: /^Complete/ }).click();
    await row.waitFor({ state: "detached" });

    // the request's page shows it fulfilled, with the task done
    await page.goto(`${new URL(page.url()).origin}/requests/${request.id}`);
    await page.getByTestId("request-number").filter({ hasText: request.number }).waitFor();
    await page.locator(".badges").getByText("Fulfilled").waitFor();
    await page.getByTestId("request-tasks").getByText("Delivered to desk 4.12").waitFor();
    await captureBothLanguages(page, "request");

    // ... and so does the requester's, live
    await requester.page.locator(".badges").getByText("Fulfilled").waitFor();
    await requester.page.getByTestId("request-tasks").getByText("Done", { exact: true }).waitFor();
    await captureBothLanguages(requester.page, "request-fulfilled");

    const stored = await api("requester", "GET", `/api/v1/requests/${request.id}`);
    assert.equal(stored.body.state, "FULFILLED");
    assert.equal(stored.body.decidedBy, "agent");
    assert.deepEqual(agent.problems, []);
    assert.deepEqual(requester.problems, []);
    await agent.context.close();
    await requester.context.close();
  });

  test("the requester's invalid catalog form shows the server's field error in Korean, on its field", async () => {
    const name = unique("Desk lamp");
    const form = {
      type: "object",
      required: ["reason"],
      properties: { reason: { type: "string", title: "Reason", minLength: 3 } },
    };
    const item = await api("catalog-manager", "POST", "/api/v1/catalog/items", {
      name,
      category: "hardware",
      form,
      approvalRule: "NONE",
      fulfilmentGroup: "desktop-support",
      expectedDeliveryHours: 8,
    });
    assert.equal(item.status, 201, JSON.stringify(item.body));
    const published = await api("catalog-manager", "POST", `/api/v1/catalog/items/${item.body.id}/publish`);
    assert.equal(published.status, 200, JSON.stringify(published.body));

    const { page, context, problems } = await signIn("requester");
    await switchLanguage(page, "ko");
    await page.goto(`${CONSOLE_URL}/catalog/${item.body.id}`);
    const requestForm = page.getByTestId("request-form");
    await requestForm.getByLabel(/Reason/).fill("Two monitors need light");
    // meanwhile the catalogue manager tightens the form: the browser's copy passes, the service refuses
    const tightened = await api("catalog-manager", "PATCH", `/api/v1/catalog/items/${item.body.id}`, {
      form: { ...form, properties: { reason: { ...form.properties.reason, maxLength: 10 } } },
    });
    assert.equal(tightened.status, 200, JSON.stringify(tightened.body));
    await requestForm.locator('button[type="submit"]').click();
    // the code too_long with max 10, in Korean, on the field (not the service's English message)
    await requestForm.locator(".error-detail").getByText("너무 깁니다 (최대 10).").waitFor();
    assert.equal(await requestForm.getByText(/at most 10|longer than/i).count(), 0);
    await checkAccessibility(page, "request form with the service's field error (ko)");
    await checkTranslations(page, "request form with the service's field error");
    // switched to English, the same error reads in English
    await switchLanguage(page, "en");
    await requestForm.locator(".error-detail").getByText("Too long (maximum 10).").waitFor();
    await captureBothLanguages(page, "request-form-server-error");
    assert.deepEqual(problems, []);
    await context.close();
  });
});
