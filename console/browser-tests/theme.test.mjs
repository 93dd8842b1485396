// Dark mode: the console follows the system setting (prefers-color-scheme), and the theme switch in the user menu
// overrides it for this browser, across reloads. Every wait is an auto-waiting locator; no fixed sleeps.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { captureBothLanguages, registerBrowserHooks, signIn } from "./support.mjs";

registerBrowserHooks();

const LIGHT = "rgb(246, 247, 249)";
const DARK = "rgb(17, 20, 24)";

async function backgroundIs(page, colour) {
  await page.waitForFunction(
    (expected) => getComputedStyle(document.documentElement).backgroundColor === expected,
    colour,
  );
}

async function chooseTheme(page, theme) {
  const menu = page.locator("details.user-menu");
  if (!(await menu.evaluate((el) => el.open))) await menu.locator("summary").click();
  await menu.getByTestId("theme").selectOption(theme);
  await menu.locator("summary").click();
}

describe("dark mode", () => {
  test("follows the system setting; the switch overrides it and is kept", async () => {
    const { page, context, problems } = await signIn("agent");
    await page.getByRole("heading", { level: 1 }).waitFor();

    await page.emulateMedia({ colorScheme: "dark" });
    await backgroundIs(page, DARK);
    await page.emulateMedia({ colorScheme: "light" });
    await backgroundIs(page, LIGHT);

    await chooseTheme(page, "dark");
    assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
    await backgroundIs(page, DARK);
    await page.reload();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await backgroundIs(page, DARK);
    // the dark palette meets the same contrast and accessibility bar, in both languages
    await captureBothLanguages(page, "queue-dark-chosen");

    await chooseTheme(page, "system");
    assert.equal(await page.locator("html").getAttribute("data-theme"), null);
    await backgroundIs(page, LIGHT);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
