// Drives the dashboard in Debian's chromium through playwright-core (from web/node_modules):
//   node tests/server/browser_check.mjs URL SCREENSHOT_DIR
// Checks every view shows real data, clicks an event to see its evidence highlighted,
// saves screenshots, prints one JSON line of findings, exits 1 on any failed check.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";
import fs from "node:fs";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", "..", "web", "package.json"));
const { chromium } = require("playwright-core");

const [url, shots] = process.argv.slice(2);
fs.mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage"],
});
const found = {}, failures = [];
const check = (name, ok, value) => { found[name] = value; if (!ok) failures.push(name); };
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const outside = [];
  page.on("request", (r) => { if (!r.url().startsWith(new URL(url).origin)) outside.push(r.url()); });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForSelector("body[data-state=ready]", { timeout: 30000 });

  const rows = await page.locator("#events-body tr[data-event]").count();
  check("event rows", rows > 0, rows);
  check("timeline bars", (await page.locator("#timeline-chart rect.bar").count()) > 0,
    await page.locator("#timeline-chart rect.bar").count());
  check("network nodes", (await page.locator("#network-chart circle.node").count()) > 1,
    await page.locator("#network-chart circle.node").count());
  check("network edges", (await page.locator("#network-chart line.edge").count()) > 0,
    await page.locator("#network-chart line.edge").count());
  check("dyad points", (await page.locator("#dyad-chart circle").count()) > 0,
    await page.locator("#dyad-chart circle").count());
  const countries = await page.locator("#map-chart path.country").count();
  check("map countries", countries > 100, countries);
  const points = await page.locator("#map-chart circle").count();
  check("map points", points > 0, points);
  const speakers = await page.locator("#speakers button.speaker").count();
  check("speakers", speakers > 0, speakers);
  check("quotes", (await page.locator("#quotes-list blockquote").count()) > 0,
    await page.locator("#quotes-list blockquote").count());

  // Stories: the default story is one with a contested event; its outlets and the differing claims show.
  const stories = await page.locator("#stories-list button.story").count();
  check("stories", stories > 1, stories);
  check("story outlets", (await page.locator("#story-detail .outlet").count()) >= 2,
    await page.locator("#story-detail .outlet").allInnerTexts());
  const contested = page.locator("#story-detail .canonical.contested").first();
  const claims = (await contested.count()) ? await contested.locator("table.claims .claim-value").allInnerTexts() : [];
  check("contested claims", claims.length >= 2 && new Set(claims).size >= 2, claims);
  check("independent sources", (await contested.count()) > 0 &&
    Number(await contested.locator(".n-sources").innerText()) >= 2,
    (await contested.count()) ? await contested.locator(".n-sources").innerText() : null);

  const first = page.locator("#events-body tr[data-event]").first();
  const evidence = (await first.locator(".evidence-cell").innerText()).trim();
  await first.click();
  await page.waitForSelector("#evidence mark.evidence", { timeout: 10000 });
  const marked = (await page.locator("#evidence mark.evidence").innerText()).trim();
  check("evidence highlighted", marked.length > 0 && marked.replace(/\s+/g, " ") === evidence.replace(/\s+/g, " "),
    marked.slice(0, 120));

  // Filters live in the URL: a reload keeps them.
  await page.selectOption("#f-quad", "4");
  await page.click("#filters button[type=submit]");
  await page.waitForSelector("body[data-state=ready]");
  const search = new URL(page.url()).search;
  check("filter in URL", search.includes("quad=4"), search);
  await page.reload({ waitUntil: "networkidle" });
  await page.waitForSelector("body[data-state=ready]");
  check("filter kept on reload", (await page.inputValue("#f-quad")) === "4", await page.inputValue("#f-quad"));
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForSelector("body[data-state=ready]");
  await page.locator("#events-body tr[data-event]").first().click();
  await page.waitForSelector("#evidence mark.evidence");

  await page.screenshot({ path: path.join(shots, "dashboard.png"), fullPage: true });
  for (const view of ["events", "timeline", "dyad", "network", "map", "quotes", "stories"]) {
    await page.locator(`#${view}`).screenshot({ path: path.join(shots, `dashboard-${view}.png`) });
  }
  check("no outside requests", outside.length === 0, outside.slice(0, 5));
  check("no page errors", errors.length === 0, errors.slice(0, 5));
} catch (err) {
  failures.push(`exception: ${err.message || err}`);
} finally {
  await browser.close();
}
console.log(JSON.stringify({ failures, found }));
process.exit(failures.length ? 1 : 0);
