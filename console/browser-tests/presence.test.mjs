// Presence and the collision warning: two agents on one incident, each signed in through a different gateway
// instance (the platform's, and a second one started here as a copy of its command line on a free port), so
// what one does reaches the other only through the presence topic that the instances share.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { after, before, describe, test } from "node:test";
import {
  api,
  CONSOLE_URL,
  captureBothLanguages,
  GATEWAY_URL,
  registerBrowserHooks,
  signIn,
  unique,
} from "./support.mjs";

registerBrowserHooks();
let secondGateway;
before(async () => {
  secondGateway = await startSecondGateway();
});
after(async () => {
  await secondGateway?.stop();
});

/** The command line of the process running the platform's gateway (the Quarkus jar listening on its port). */
function gatewayCommandLine() {
  const port = new URL(GATEWAY_URL).port || "80";
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let args;
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    } catch {
      continue;
    }
    if (
      args.some((a) => a.endsWith("gateway/target/quarkus-app/quarkus-run.jar")) &&
      args.includes(`-Dquarkus.http.port=${port}`)
    ) {
      return args;
    }
  }
  throw new Error(`no gateway process listening on ${port} found to copy`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A second gateway instance: the platform's command line on another port; resolves once it is ready. */
async function startSecondGateway() {
  const [java, ...args] = gatewayCommandLine();
  const port = await freePort();
  const copied = args.filter((a) => !a.startsWith("-Dquarkus.http.port="));
  const child = spawn(java, [`-Dquarkus.http.port=${port}`, ...copied], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr.on("data", (chunk) => {
    errors = (errors + chunk).slice(-4000);
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`second gateway exited:\n${errors}`);
    try {
      if ((await fetch(`${url}/q/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

/** The console of this context talks to the given gateway: its run-time configuration is rewritten. */
function throughGateway(url) {
  return async (context) => {
    await context.route("**/config.json", async (route) => {
      const response = await route.fetch();
      const config = await response.json();
      await route.fulfill({ response, json: { ...config, gatewayUrl: url } });
    });
  };
}

describe("presence", () => {
  test("two agents on one incident through two gateway instances see each other, and one writing warns the other", async () => {
    const created = await api("requester", "POST", "/api/v1/incidents", {
      shortDescription: unique("Presence: shared printer jammed"),
      impact: 3,
      urgency: 3,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const path = `${CONSOLE_URL}/incidents/${created.body.id}`;

    const agent = await signIn("agent");
    const implementer = await signIn("implementer", throughGateway(secondGateway.url));
    const viaSecond = implementer.page.waitForRequest((r) =>
      r.url().startsWith(`${secondGateway.url}/api/v1/presence/`),
    );
    await agent.page.goto(path);
    await implementer.page.goto(path);
    await viaSecond;

    // each sees the other, viewing
    const agentBar = agent.page.getByTestId("presence");
    const implementerBar = implementer.page.getByTestId("presence");
    await agentBar.locator('[data-user="implementer"]').waitFor();
    await implementerBar.locator('[data-user="agent"]').waitFor();
    assert.equal(await agentBar.getByTestId("presence-warning").count(), 0);
    assert.equal(await agentBar.locator("[aria-live=polite]").count(), 1, "announced politely");

    // the implementer starts a comment with the keyboard alone: the agent is warned
    await implementer.page.keyboard.press("c");
    await implementer.page.keyboard.type("Printer restarted, checking the queue");
    const warning = agentBar.getByTestId("presence-warning");
    await warning.filter({ hasText: "Ian Implementer" }).waitFor();
    await agentBar.locator('[data-user="implementer"].editing').waitFor();
    assert.equal(await implementerBar.getByTestId("presence-warning").count(), 0, "no warning about oneself");
    await captureBothLanguages(agent.page, "presence-warning");

    // the text is cleared: the warning goes
    await implementer.page.getByTestId("conversation-body").fill("");
    await warning.waitFor({ state: "detached" });
    await agentBar.locator('[data-user="implementer"]').waitFor();

    // the implementer goes back to the queue: the agent sees them leave at once
    await implementer.page.getByRole("link", { name: "Back to the queue" }).click();
    await implementer.page.waitForURL((url) => url.pathname === "/queue");
    await agentBar.locator('[data-user="implementer"]').waitFor({ state: "detached" });

    assert.deepEqual([...agent.problems, ...implementer.problems], []);
    await agent.context.close();
    await implementer.context.close();
  });

  test("requesters take no part: the API refuses them", async () => {
    const refused = await api("requester", "GET", "/api/v1/presence/incident/INC0001001");
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get("content-type"), "application/problem+json");
  });
});
