// Browser test of `parley serve`'s pages in Debian's Chromium, driven by playwright-core (npm,
// package-lock.json; never a browser download). Run by ctest:
//   node tests/browser/serve_page_test.js PARLEY_BINARY ARTIFACT_DIR
// It opens the library and a scenario page, moves a control and sees the figure and the URL
// change, reloads from the URL and sees the same state, triggers a validation error and sees
// it at the field, opens every scenario's page, and keeps screenshots in ARTIFACT_DIR.
"use strict";
const { chromium } = require("playwright-core");
const { spawn } = require("child_process");
const assert = require("assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");

const [parley, artifacts] = process.argv.slice(2);
const root = path.resolve(__dirname, "../..");
const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update",
  "--disable-sync"];

// Starts `parley serve` on a free loopback port; resolves with {process, url}.
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(parley, ["serve", "scenarios", "--port", "0"], { cwd: root });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({ process: child, url: m[0] });
    });
    child.stderr.on("data", (chunk) => process.stderr.write(chunk));
    child.on("exit", (code) => reject(new Error("parley serve exited with " + code + ": " + out)));
  });
}

async function waitReady(page, previousSequence) {
  // The status line says "ready" once the latest request's answer is drawn.
  await page.waitForFunction(() => document.getElementById("status").dataset.state === "ready" ||
                                   document.getElementById("status").dataset.state === "error");
  return page.evaluate(() => document.getElementById("status").textContent);
}

// A figure's SVG text, without the element ids the figure module draws at random.
async function figure(page, name) {
  const html = await page.$eval('[data-figure="' + name + '"]', (e) => e.innerHTML);
  return html.replace(/ (id|aria-labelledby)="[^"]*"/g, "");
}

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  const server = await startServer();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "parley-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 1000 },
  });
  const problems = [];
  const results = [];
  const check = async (name, body) => {
    const started = Date.now();
    await body();
    results.push(name + " (" + (Date.now() - started) + " ms)");
  };
  try {
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push("page error: " + e.message));
    page.on("console", (m) => {
      // A refused what-if (HTTP 400) is logged by Chromium as a failed resource: expected.
      if (m.type() === "error" && !/status of (400|409|404)/.test(m.text())) problems.push(m.text());
    });
    page.on("response", (r) => {
      if (r.status() === 404) problems.push("404 for " + r.url());
    });
    // Nothing but the server itself is ever asked for.
    page.on("request", (r) => {
      if (!r.url().startsWith(server.url)) problems.push("request outside the server: " + r.url());
    });

    await check("library lists every scenario", async () => {
      await page.goto(server.url);
      await page.waitForSelector(".card");
      const cards = await page.$$eval(".card", (c) => c.map((e) => e.dataset.scenario));
      const files = fs.readdirSync(path.join(root, "scenarios")).filter((f) => f.endsWith(".yaml"));
      assert.equal(cards.length, files.length);
      await page.screenshot({ path: path.join(artifacts, "serve_library.png"), fullPage: true });
    });

    // The Trump negotiator's reservation moves the month and the outcome shares visibly (with
    // look-ahead, the opening ask barely moves korea_sma11's distributions).
    const median = "actors.us_trump.reservation.median";
    const field = '.field[data-path="' + median + '"]';
    let before, after, moved;
    await check("scenario page draws the baseline", async () => {
      await page.click('.card[data-scenario="korea_sma11"] h2 a');
      await waitReady(page);
      before = await figure(page, "amount-histogram");
      assert.match(before, /<svg[^>]*role="img"/);
      assert.match(before, /<title[ >]/);
    });

    await check("moving a control changes the figure and the URL", async () => {
      const slider = page.locator(field + ' input[type="range"]');
      const original = await page.inputValue(field + ' input[type="text"]');
      await slider.focus();
      for (let i = 0; i < 15; i++) await page.keyboard.press("ArrowRight");
      moved = await page.inputValue(field + ' input[type="text"]');
      assert.notEqual(moved, original);
      await page.waitForFunction((m) => location.search.includes(encodeURIComponent(m + "=")),
                                 median);
      await page.waitForFunction((b) => {
        const s = document.getElementById("status");
        const f = document.querySelector('[data-figure="amount-histogram"]');
        return s.dataset.state === "ready" && f && f.innerHTML !== b;
      }, before);
      after = await figure(page, "amount-histogram");
      assert.match(after, />what-if</);  // both in the legend
      assert.match(after, />baseline</);
      const url = new URL(page.url());
      assert.deepEqual(url.searchParams.getAll("set"), [median + "=" + moved]);
      for (const link of ["#download-summary", "#download-report"]) {
        const href = await page.getAttribute(link, "href");
        assert.ok(href.includes(url.search), href);
      }
      await page.screenshot({ path: path.join(artifacts, "serve_what_if.png"), fullPage: false });
    });

    await check("reloading the URL restores the same state and figure", async () => {
      await page.goto(page.url());
      await waitReady(page);
      assert.equal(await page.inputValue(field + ' input[type="text"]'), moved);
      assert.equal(await figure(page, "amount-histogram"), after);
    });

    await check("a condition on the election", async () => {
      await page.selectOption("#group", "us_election_2020=biden");
      await page.waitForFunction(() => document.getElementById("status").textContent.includes("biden"));
      assert.equal(new URL(page.url()).searchParams.get("group"), "us_election_2020=biden");
    });

    await check("a validation error appears at the field in the CLI's words", async () => {
      await page.fill(field + ' input[type="text"]', "-5");
      await page.waitForFunction((f) => document.querySelector(f + " .field-error").textContent !== "",
                                 field);
      const message = await page.textContent(field + " .field-error");
      assert.equal(message, "--set:1:36: error: actors.us_trump.reservation.median: must be > 0, got -5");
      assert.equal(await page.getAttribute("#status", "data-state"), "error");
      await page.screenshot({ path: path.join(artifacts, "serve_error.png"), fullPage: false });
      await page.fill(field + ' input[type="text"]', moved);
      await page.waitForFunction((f) => document.querySelector(f + " .field-error").textContent === "",
                                 field);
    });
    await check("every scenario's page opens and draws", async () => {
      // 2000 trials a page: this checks that each file's form and figures draw without error.
      for (const file of fs.readdirSync(path.join(root, "scenarios")).filter((f) => f.endsWith(".yaml"))) {
        const name = file.replace(/\.yaml$/, "");
        await page.goto(server.url + "scenario/" + name + "?trials=2000");
        const status = await waitReady(page);
        assert.equal(await page.getAttribute("#status", "data-state"), "ready", name + ": " + status);
        assert.ok(await page.locator(".field").count() > 0, name + ": no fields");
        assert.match(await figure(page, "amount-histogram"), /<svg[^>]*role="img"/, name);
      }
    });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    server.process.kill("SIGINT");
    fs.rmSync(profile, { recursive: true, force: true });
  }
  for (const r of results) console.log("ok - " + r);
}

main().catch((e) => {
  console.error("FAILED: " + (e.stack || e));
  process.exit(1);
});
