// Behaviour a reader sees, in headless Chromium against the built dist/.
// One browser for the whole run; a fresh context per scenario.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { parse as parseCsv } from "csv-parse/sync";

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, "../../dist");
const out = path.resolve(here, "output");
fs.mkdirSync(out, { recursive: true });
const hostile = fs.readFileSync(path.join(here, "hostile-queries.txt"), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));

const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json" };
let server, base, browser;
// When set, served instead of dist/sw.js: a stand-in for a new build being deployed.
let swOverride = null;
const metrics = {};

before(async () => {
  assert.ok(fs.existsSync(path.join(dist, "index.html")), "dist/ is built");
  // Serves dist/ at / and at /eventlens/ (a sub-path deployment).
  server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (p.startsWith("/eventlens/")) p = p.slice("/eventlens".length);
    if (p.endsWith("/")) p += "index.html";
    if (p === "/sw.js" && swOverride !== null) {
      res.writeHead(200, { "content-type": "text/javascript" });
      res.end(swOverride);
      return;
    }
    const file = path.join(dist, path.normalize(p));
    if (!file.startsWith(dist) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
});

after(async () => {
  fs.writeFileSync(path.join(out, "metrics.json"), JSON.stringify(metrics, null, 2));
  await browser?.close();
  server?.close();
});

/** A page with error and failed-request collectors attached. */
async function open(url, opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
  // Content-Security-Policy violations, recorded from the first script on.
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors = [];
  const failed = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("requestfailed", (r) => failed.push(r.url()));
  page.on("dialog", (d) => { errors.push("dialog: " + d.message()); d.dismiss(); });
  await page.goto(url);
  await page.getByRole("list", { name: "Events" }).locator("article").first().waitFor();
  return { context, page, errors, failed };
}

/** Waits until the service worker is installed and controls the page (after one reload). */
async function underServiceWorker(page) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The seed article alone: most scenarios check its known facts. */
const seed = (query = "") => `${base}?article=article-001${query ? "&" + query : ""}`;
const cards = (page) => page.getByRole("list", { name: "Events" }).locator("article");
const countText = (page) => page.getByRole("form", { name: "Filters" }).locator(".count").innerText();

test("opens on the whole collection; one article is a facet; the seed's figures hold", async () => {
  const { context, page, errors, failed } = await open(base);
  assert.match(await page.title(), /EventLens/);
  // The collection: every article in one view, newest first.
  const header = await page.locator(".article-title").innerText();
  const [, articles, events] = header.match(/(\d+) articles · (\d+) events · dates from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d/) ?? [];
  assert.ok(Number(articles) >= 39, header);
  assert.match(await countText(page), new RegExp(`${events} of ${events} events`));
  const form = page.getByRole("form", { name: "Filters" });
  const options = await form.getByLabel("Article").locator("option").count();
  assert.equal(options, Number(articles) + 1, "one option per article, and All");
  assert.match(await cards(page).first().locator(".from").innerText(), /From: .*\(\d{4}-\d\d-\d\d\)/, "each card names its article and date");
  // The article facet narrows to the seed, and the URL says so.
  await form.getByLabel("Article").selectOption("article-001");
  await page.waitForURL(/article=article-001/);
  const n = await cards(page).count();
  assert.ok(n >= 5, `at least five cards, got ${n}`);
  const strike = cards(page).filter({ hasText: "at least 12 killed" });
  assert.equal(await strike.count(), 1, "the strike is one card, not two");
  await assert.doesNotReject(strike.getByText("missile attack", { exact: true }).waitFor());
  assert.match(await strike.innerText(), /at least 12 killed; over 60 injured/, "qualifiers as the article words them");
  const summary = page.getByRole("region", { name: "Casualty summary" });
  assert.match(await summary.innerText(), /≥ 12 killed/);
  const ukraine = page.getByRole("table", { name: "Casualties by side" }).getByRole("row").filter({ hasText: "Ukraine" });
  assert.match(await ukraine.innerText(), /≥ 12/, "the killed were Ukrainian soldiers, as the text says");
  assert.match(await summary.innerText(), /≥ 61 injured/);
  // The chart: one row per category with figures, the strike's first; silent events aside.
  const chart = summary.getByRole("list", { name: "Casualties by category" });
  assert.match(await chart.getByRole("listitem").first().innerText(), /missile attack[\s\S]*≥ 12 killed · ≥ 61 injured/);
  assert.match(await summary.innerText(), /violent event\(s\) in view state no casualty figure/);
  assert.match(await countText(page), new RegExp(`${n} of ${events} events`));
  // The ledger: every figure with its role and reason, each linked to its sentence.
  await summary.getByText(/Every figure and why/).click();
  const ledger = page.getByRole("table", { name: "Casualty figure ledger" });
  const counted = ledger.getByRole("row").filter({ hasText: /^counted/ }).filter({ hasText: "at least 12 killed" });
  assert.equal(await counted.count(), 1, "the strike's toll is counted once");
  const restated = ledger.getByRole("row").filter({ hasText: /^restated/ }).filter({ hasText: "12 killed" });
  assert.equal(await restated.count(), 1, "its retelling is listed as restated, not added");
  assert.match(await restated.innerText(), /told again/);
  await restated.getByRole("link").click();
  await page.locator(".sent").filter({ hasText: "the deaths of 12" }).waitFor();
  await page.screenshot({ path: path.join(out, "desktop.png"), fullPage: true });
  assert.deepEqual(await page.evaluate(() => window.__csp), [], "no Content-Security-Policy violation");
  assert.deepEqual(errors, []);
  assert.deepEqual(failed, []);
  await context.close();
});

test("an incident two articles tell is one event, counted once, with both sources", async () => {
  const { context, page, errors } = await open(base + "?article=followup-dnipro-toll-sunday");
  const card = cards(page).filter({ hasText: "Told by:" });
  assert.equal(await card.count(), 1, "one card for the strike both articles tell");
  const text = await card.innerText();
  assert.match(text, /Death toll in Dnipro apartment block strike rises to 44 \(2023-01-17\)/);
  assert.match(text, /Dnipro toll climbs to 30 .*\(2023-01-15\)/);
  assert.match(text, /44 killed/, "the later article's toll");
  const summary = page.getByRole("region", { name: "Casualty summary" });
  assert.match(await summary.innerText(), /44 killed/);
  // Why the two tellings are one event is on the card itself, and in its merge list.
  assert.match(await card.locator(".merged-note").innerText(), /^One incident, also told by .*same date, place and category; killed 44 and 30/);
  await card.getByText(/Source sentences/).click();
  assert.match(await card.locator(".merges").innerText(), /also told by .*same date, place and category; killed 44 and 30/);
  // The earlier toll stays in the ledger, with why it is not added.
  await summary.getByText(/Every figure and why/).click();
  const ledger = page.getByRole("table", { name: "Casualty figure ledger" });
  const old = ledger.getByRole("row").filter({ hasText: /^superseded/ }).filter({ hasText: "climbs to 30" });
  assert.equal(await old.count(), 1);
  assert.match(await old.innerText(), /tells the same incident later and gives 44/);
  // The article view shows both texts, the event's sentences highlighted in each.
  await card.getByRole("button", { name: "Show in article" }).click();
  const hl = await page.locator(".article-text .sent.hl").allInnerTexts();
  assert.ok(hl.some((t) => /At least 30 people were killed/.test(t)), hl.join("\n"));
  assert.ok(hl.some((t) => /climbed to 44/.test(t)), hl.join("\n"));
  await page.screenshot({ path: path.join(out, "merged-incident.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a timeline range sets From/To, the count and the URL, by mouse and keyboard", async () => {
  const { context, page, errors } = await open(base);
  const timeline = page.getByRole("region", { name: "Timeline" });
  const bars = timeline.getByRole("group").getByRole("button");
  const n = await bars.count();
  assert.ok(n >= 20, `month bars over the collection's span, got ${n}`);
  const total = Number((await countText(page)).match(/of (\d+) events/)[1]);
  // The tallest bar: its label names its dates and how many events it holds.
  const labels = await bars.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")));
  const i = labels.findIndex((l) => /: [1-9]\d* events?/.test(l));
  const [, from, to, k] = labels[i].match(/^(\S+) to (\S+): (\d+) event/);
  await bars.nth(i).click();
  await page.waitForURL(new RegExp(`from=${from}&to=${to}`));
  assert.equal(await page.getByLabel("From", { exact: true }).inputValue(), from);
  assert.match(await countText(page), new RegExp(`^${k} of ${total} events`));
  assert.equal(await bars.nth(i).getAttribute("aria-pressed"), "true");
  // Shift+click extends the range to a later bar.
  const j = labels.findIndex((l, x) => x > i && /: [1-9]\d* events?/.test(l));
  await bars.nth(j).click({ modifiers: ["Shift"] });
  await page.waitForURL(new RegExp(`from=${from}&to=${labels[j].match(/to (\S+):/)[1]}`));
  assert.ok(Number((await countText(page)).match(/^(\d+)/)[1]) > Number(k));
  // Keyboard: arrows move between bars, Shift+arrow extends, Enter chooses one.
  await bars.nth(j).focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.id), `bar-${j + 1}`);
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`from=${labels[j + 1].match(/^(\S+)/)[1]}`));
  await timeline.getByRole("button", { name: "Show all dates" }).click();
  await page.waitForURL((u) => !/from=/.test(u.search));
  assert.match(await countText(page), new RegExp(`^${total} of ${total} events`));
  await timeline.screenshot({ path: path.join(out, "timeline.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the map: a marker per located event in view, a click selects its card, zoom and pan", async () => {
  const { context, page, errors } = await open(seed());
  const map = page.getByRole("region", { name: "Map" });
  const markers = map.locator(".markers [role=button]");
  // Markers equal the events in view that have a place (cards without one say so).
  const located = await cards(page).evaluateAll((cs) => cs.filter((c) => !/place not stated|no place named/.test(c.querySelector(".meta").textContent)).length);
  assert.equal(await markers.count(), located);
  assert.match(await map.innerText(), new RegExp(`${located} of \\d+ events in view have a place`));
  // Each marker's accessible name gives category, place and date.
  const names = await markers.evaluateAll((ms) => ms.map((m) => m.getAttribute("aria-label")));
  assert.ok(names.some((n) => /^air\/drone strike, Irkutsk region, (date not stated|\d{4}-\d\d-\d\d)$/.test(n)), names.join("\n"));
  // The legend names every category on the map, with its shape.
  assert.match(await map.getByRole("list", { name: "Legend" }).innerText(), /air\/drone strike[\s\S]*diplomacy\/talks/);
  // The reference place, great-circle lines with distances, the stated distance as a circle.
  assert.ok((await map.locator(".gc path").count()) >= located - 1);
  assert.match(await map.locator(".gc text").first().textContent(), /\d km$/);
  assert.equal(await map.locator(".stated path").count(), 1, "“over 2,800 miles east of Moscow” drawn around Moscow");
  await map.locator(".land path").first().waitFor();
  await map.screenshot({ path: path.join(out, "map.png") });
  // A click selects the card; Enter on a focused marker does too.
  const irkutsk = markers.filter({ has: page.locator("title", { hasText: "Irkutsk region" }) });
  await irkutsk.click();
  await page.waitForURL(/sel=article-001%3Ae\d+/);
  assert.match(await page.locator("article.card.selected").innerText(), /Irkutsk region/);
  const talks = markers.filter({ has: page.locator("title", { hasText: "diplomacy/talks" }) });
  await talks.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /talks/.test(document.querySelector("article.card.selected")?.innerText ?? ""));
  // Zoom in and out with the buttons, the wheel and the keys; drag pans.
  const svg = map.locator("svg.map-svg");
  const box = async () => (await svg.getAttribute("viewBox")).split(" ").map(Number);
  const w0 = (await box())[2];
  await map.getByRole("button", { name: "Zoom in" }).click();
  assert.ok((await box())[2] < w0, "zoomed in");
  await svg.scrollIntoViewIfNeeded();
  const b = await svg.boundingBox();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  const w1 = (await box())[2];
  await page.mouse.wheel(0, 300);
  await page.waitForFunction((w) => Number(document.querySelector("svg.map-svg").getAttribute("viewBox").split(" ")[2]) > w, w1);
  const x0 = (await box())[0];
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 - 150, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
  assert.ok((await box())[0] > x0, "dragged left, the view moved east");
  await svg.focus();
  await page.keyboard.press("+");
  await page.keyboard.press("0");
  // Filters redraw the markers and the map fits them again.
  await page.getByRole("form", { name: "Filters" }).getByLabel("Category").selectOption("drone");
  await page.waitForFunction(() => document.querySelectorAll(".markers [role=button]").length === 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a Content-Security-Policy lets only the page's own code run", async () => {
  const { context, page, errors, failed } = await open(base);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(policy, /unsafe-inline|https?:/, "no inline code without a hash, no remote origin");
  // Use the page a little: filters, the ledger, a download, the source view.
  await page.getByRole("form", { name: "Filters" }).getByLabel("Category").selectOption("missile");
  await page.getByRole("region", { name: "Casualty summary" }).getByText(/Every figure and why/).click();
  assert.deepEqual(await page.evaluate(() => window.__csp), [], "the page itself breaks no rule");
  // Script smuggled into the page does not run, and the browser says so.
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__smuggled = true;";
    document.body.appendChild(s);
  });
  assert.equal(await page.evaluate(() => window.__smuggled === true), false);
  assert.ok((await page.evaluate(() => window.__csp)).some((v) => v.startsWith("script-src")));
  assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e)), []);
  assert.deepEqual(failed, []);
  await context.close();
});

test("downloads hold exactly the events in view and parse", async () => {
  const { context, page, errors, failed } = await open(seed(), { acceptDownloads: true });
  // Narrow the view first, so the files must follow the filter, not the whole article.
  const form = page.getByRole("form", { name: "Filters" });
  await form.getByLabel("Category").selectOption("missile");
  const n = await cards(page).count();
  assert.ok(n >= 1, "some missile attacks are in view");
  const shown = (await cards(page).locator(".summary-line").allInnerTexts()).map((t) => t.trim()).sort();
  const region = page.getByRole("region", { name: "Download the events in view" });
  const fetch = async (label) => {
    const [download] = await Promise.all([page.waitForEvent("download"), region.getByRole("button", { name: label }).click()]);
    return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), "utf8") };
  };

  const csv = await fetch("Download CSV");
  assert.match(csv.name, new RegExp(`-${n}-events\\.csv$`));
  const rows = parseCsv(csv.text, { columns: true });
  assert.equal(rows.length, n, "one CSV row per card");
  for (const col of ["event_id", "event_date", "event_type", "country", "location", "latitude", "longitude", "geo_precision", "actors", "fatalities_min", "fatalities_max", "injured_min", "injured_max", "article", "source_sentences"]) {
    assert.ok(col in rows[0], `CSV has ${col}`);
  }
  assert.ok(rows.every((r) => r.event_type === "missile attack"));
  assert.deepEqual(rows.map((r) => r.notes.trim()).sort(), shown, "the rows are the cards in view");
  assert.ok(rows.every((r) => r.source_sentences.length > 0), "every row carries its source sentences");

  const geo = await fetch("Download GeoJSON");
  const fc = JSON.parse(geo.text);
  assert.equal(fc.type, "FeatureCollection");
  assert.equal(fc.features.length, n, "one feature per card");
  for (const f of fc.features) {
    assert.equal(f.type, "Feature");
    assert.ok("properties" in f && "geometry" in f);
    if (f.geometry !== null) {
      assert.equal(f.geometry.type, "Point");
      const [lon, lat] = f.geometry.coordinates;
      assert.ok(Math.abs(lon) <= 180 && Math.abs(lat) <= 90, "RFC 7946 positions are longitude, latitude");
    }
  }
  assert.deepEqual(fc.features.map((f) => f.properties.summary.trim()).sort(), shown);

  const json = await fetch("Download JSON");
  const x = JSON.parse(json.text);
  assert.ok(x.schema_version && x.article && Array.isArray(x.ledger), "the published contract");
  assert.deepEqual(x.events.map((e) => e.summary.trim()).sort(), shown);
  const ids = new Set(x.events.map((e) => e.id));
  assert.ok(x.ledger.every((f) => f.event === null || f.event === undefined || ids.has(f.event)), "only the selected events' figures");
  assert.deepEqual(errors, []);
  assert.deepEqual(failed, []);
  await context.close();
});

test("each filter changes the count and the summary follows", async () => {
  const { context, page, errors } = await open(seed());
  const total = await cards(page).count();
  const form = page.getByRole("form", { name: "Filters" });
  const all = Number((await countText(page)).match(/of (\d+) events/)[1]);
  // "Clear all filters" clears the article too (it is one facet among others).
  const clear = async () => {
    await form.getByRole("button", { name: "Clear all filters" }).click();
    assert.equal(await cards(page).count(), Math.min(all, 20), "a page of the whole collection");
    await form.getByLabel("Article").selectOption("article-001");
  };
  await form.getByLabel("Category").selectOption("talks");
  assert.equal(await cards(page).count(), 1);
  assert.match(await countText(page), new RegExp(`1 of ${all} events`));
  assert.match(await cards(page).first().innerText(), /Istanbul/);
  await clear();
  assert.equal(await cards(page).count(), total);

  await form.getByLabel("Country").selectOption("RU");
  assert.equal(await cards(page).count(), 3);
  const summary = page.getByRole("region", { name: "Casualty summary" });
  assert.match(await summary.innerText(), /0 killed/, "Russian regions: zero stated");
  assert.match(await summary.getByRole("list", { name: "Casualties by category" }).innerText(), /air\/drone strike[\s\S]*0 killed · 0 injured/, "a row of explicit zeros");
  await form.getByLabel("Place").selectOption("Irkutsk region");
  assert.equal(await cards(page).count(), 1);
  await clear();

  await form.getByLabel("Only events with casualties").check();
  assert.equal(await cards(page).count(), 1);
  await form.getByLabel("Only events with casualties").uncheck();
  await form.getByLabel("Weapon").selectOption("drone");
  assert.equal(await cards(page).count(), 1);
  assert.match(await cards(page).first().innerText(), /472 drones/);
  await form.getByLabel("Weapon").selectOption("");
  await form.getByLabel("Actor").selectOption("Ukraine");
  assert.ok((await cards(page).count()) < total);
  await form.getByLabel("Actor").selectOption("");
  await form.getByLabel("From").fill("2025-06-02");
  assert.equal(await cards(page).count(), 1, "only the talks are on or after Monday");
  await form.getByLabel("From").fill("");
  await form.getByLabel("Search text").fill("no-such-words-anywhere");
  assert.equal(await cards(page).count(), 0);
  await assert.doesNotReject(page.getByText("No event matches these filters.").waitFor());
  await form.getByLabel("Search text").fill("");
  assert.equal(await cards(page).count(), total);
  assert.deepEqual(errors, []);
  await context.close();
});

test("filters work from the keyboard alone", async () => {
  const { context, page, errors } = await open(seed());
  await page.getByLabel("Search text").focus();
  await page.keyboard.type("Istanbul");
  assert.equal(await cards(page).count(), 1);
  await page.keyboard.press("Tab"); // Category
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, "f-article");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  assert.ok((await cards(page).count()) > 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("locations show Irkutsk with stated and great-circle distances, flagged", async () => {
  const { context, page, errors } = await open(seed());
  const table = page.getByRole("table", { name: "Locations" });
  const row = table.getByRole("row").filter({ hasText: "Irkutsk region" });
  // The section is laid out only near the screen (content-visibility), as a reader sees it.
  await row.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll("table[aria-label=Locations] tr")].some((t) => t.innerText.includes("Irkutsk region")));
  const text = await row.innerText();
  assert.match(text, /4,506 km/, "stated distance in km");
  // The region's own point (the mean of its towns), about 4,000 km from Moscow.
  assert.match(text, /great-circle from Moscow: 4,0\d\d km/);
  assert.match(text, /⚑ differs by more than 5%/);
  assert.match(text, /RU/);
  await page.getByRole("button", { name: "Show miles" }).click();
  assert.match(await row.innerText(), /great-circle from Moscow: 2,4\d\d mi/);
  assert.match(await page.locator(".lengths").innerText(), /620-mile.*length/);
  assert.equal(await page.getByLabel("Distances from").inputValue(), "Kyiv", "default reference: capital of the country most events happen in");
  assert.deepEqual(errors, []);
  await context.close();
});

test("source view highlights sentences and leads back to the card", async () => {
  const { context, page, errors } = await open(seed());
  const strike = cards(page).filter({ hasText: "at least 12 killed" });
  await strike.getByRole("button", { name: "Show in article" }).click();
  const hl = page.locator(".article-text .sent.hl");
  assert.ok((await hl.count()) >= 2, "the strike's sentences are highlighted");
  assert.match(await hl.allInnerTexts().then((t) => t.join(" ")), /at least 12 service members were killed/);
  const talk = page.locator(".article-text .sent", { hasText: "Istanbul scheduled for Monday" });
  await talk.click();
  const selected = page.locator("article.card.selected");
  assert.match(await selected.innerText(), /diplomacy\/talks/);
  assert.match(page.url(), /sel=article-001%3Ae\d+/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a shared link restores the same view in a fresh browser", async () => {
  const a = await open(seed());
  const form = a.page.getByRole("form", { name: "Filters" });
  await form.getByLabel("Country").selectOption("UA");
  await form.getByLabel("Category").selectOption("missile");
  await cards(a.page).first().getByRole("button", { name: "Select" }).click();
  await a.page.getByRole("button", { name: "Show miles" }).click();
  const url = a.page.url();
  assert.match(url, /cat=missile/);
  assert.match(url, /country=UA/);
  assert.match(url, /sel=article-001%3Ae\d/);
  const want = { count: await countText(a.page), cards: await cards(a.page).allInnerTexts(), summary: await a.page.getByRole("region", { name: "Casualty summary" }).innerText(), sel: await a.page.locator("article.card.selected").getAttribute("id") };
  const b = await open(url);
  assert.equal(await countText(b.page), want.count);
  assert.deepEqual(await cards(b.page).allInnerTexts(), want.cards);
  assert.equal(await b.page.getByRole("region", { name: "Casualty summary" }).innerText(), want.summary);
  assert.equal(await b.page.locator("article.card.selected").getAttribute("id"), want.sel);
  assert.ok(await b.page.getByRole("button", { name: "Show kilometres" }).isVisible(), "unit restored");
  // Back and forward walk through the states.
  await a.page.goBack();
  assert.doesNotMatch(a.page.url(), /unit=mi/);
  await a.page.goBack();
  assert.doesNotMatch(a.page.url(), /sel=/);
  assert.equal(await countText(a.page), want.count);
  await a.page.goForward();
  assert.match(a.page.url(), /sel=/);
  assert.equal(await a.page.locator("article.card.selected").count(), 1);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
  await b.context.close();
});

test("hostile query strings leave a working page", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => { errors.push("dialog " + d.message()); d.dismiss(); });
  await page.goto(base);
  await page.locator(".count").waitFor();
  const inlineScripts = await page.locator("script:not([src])").count();
  for (const q of hostile) {
    await page.goto(base + q);
    await page.getByRole("form", { name: "Filters" }).waitFor();
    await page.locator(".count").waitFor();
    assert.equal(await page.locator("img").count(), 0, `${q}: no injected element`);
    assert.equal(await page.locator("script:not([src])").count(), inlineScripts, `${q}: no injected script`);
  }
  await page.goto(base + "?cat=<script>alert(1)</script>&country=UA");
  assert.match(await page.getByRole("status").filter({ hasText: "ignored" }).innerText(), /ignored an invalid value for 'cat'/);
  assert.ok((await cards(page).count()) >= 1, "the valid country filter still applies");
  assert.deepEqual(errors, []);
  await context.close();
});

test("works offline after the first visit, shared links included", async () => {
  const { context, page, errors } = await open(base);
  await underServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await cards(page).first().waitFor();
  assert.ok((await cards(page).count()) >= 5);
  await page.goto(base + "?place=Irkutsk+region");
  await cards(page).first().waitFor();
  assert.equal(await cards(page).count(), 1);
  // The map's outlines come from the service worker's cache too.
  const map = page.getByRole("region", { name: "Map" });
  await map.locator(".land path").first().waitFor();
  assert.ok((await map.locator(".land path").count()) > 100, "country outlines offline");
  assert.equal(await map.locator(".markers [role=button]").count(), 1);
  await page.screenshot({ path: path.join(out, "offline.png") });
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test("a new build is announced without breaking the open page", async () => {
  const { context, page, errors } = await open(seed());
  await underServiceWorker(page);
  const old = fs.readFileSync(path.join(dist, "sw.js"), "utf8");
  swOverride = old.replace(/const VERSION = "[^"]*"/, 'const VERSION = "next-build"');
  try {
    await page.evaluate(async () => { const r = await navigator.serviceWorker.getRegistration(); await r.update(); });
    const bar = page.getByRole("status").filter({ hasText: "An update is ready" });
    await bar.waitFor({ timeout: 15000 });
    assert.ok((await cards(page).count()) >= 5, "the open page keeps working");
    await page.getByRole("form", { name: "Filters" }).getByLabel("Category").selectOption("talks");
    assert.equal(await cards(page).count(), 1);
  } finally {
    swOverride = null;
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("narrow, dark and sub-path views render", async () => {
  const narrow = await open(seed(), { viewport: { width: 360, height: 800 } });
  const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal scroll at 360px (overflow ${overflow}px)`);
  // The filters fold behind one button, so the first screen shows the summary and a card.
  const toggle = narrow.page.getByRole("button", { name: "Filters (1)" });
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await narrow.page.getByLabel("Category", { exact: true }).isVisible(), false, "folded at 360px");
  const top = async (loc) => (await loc.boundingBox()).y;
  assert.ok(await top(narrow.page.getByRole("region", { name: "Casualty summary" })) < 800, "summary on the first screen");
  assert.ok(await top(cards(narrow.page).first()) < 800, "the first card on the first screen");
  await narrow.page.screenshot({ path: path.join(out, "mobile-360.png") });
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  await narrow.page.getByLabel("Category", { exact: true }).selectOption("talks");
  await narrow.page.getByRole("button", { name: "Filters (2)" }).waitFor();
  assert.equal(await cards(narrow.page).count(), 1);
  await narrow.page.screenshot({ path: path.join(out, "mobile-360-filters.png") });
  assert.deepEqual(narrow.errors, []);
  await narrow.context.close();
  const dark = await open(base, { colorScheme: "dark" });
  const bg = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, "rgb(18, 20, 23)");
  await dark.page.screenshot({ path: path.join(out, "dark.png"), fullPage: true });
  await dark.context.close();
  const sub = await open(base + "eventlens/?article=article-001&cat=talks");
  assert.equal(await cards(sub.page).count(), 1);
  assert.deepEqual(sub.errors, []);
  assert.deepEqual(sub.failed, []);
  await sub.context.close();
});

test("a pasted article goes through the same extractor", async () => {
  const { context, page, errors, failed } = await open(seed());
  const paste = page.getByRole("region", { name: "Analyse an article" });
  await paste.getByText("Analyse another article").click();
  await paste.getByRole("button", { name: "Extract events" }).click();
  assert.match(await paste.getByRole("status").innerText(), /Nothing extracted: the input is empty/);
  const article = [
    "Missile strike hits Kharkiv apartment block",
    "At least 7 people were killed and 21 injured when a Russian missile hit an apartment block in Kharkiv on Saturday, regional officials said.",
    "Rescuers said no one was trapped under the rubble.",
  ].join("\n");
  await paste.getByLabel(/Article text/).fill(article);
  await paste.getByLabel("Published").fill("2025-06-01");
  await paste.getByRole("button", { name: "Extract events" }).click();
  await page.getByText(/Extracted \d+ event/).waitFor({ timeout: 20000 });
  const card = cards(page).filter({ hasText: "at least 7 killed" });
  assert.equal(await card.count(), 1);
  assert.match(await card.innerText(), /Kharkiv, UA/);
  assert.match(await card.innerText(), /2025-05-31/, "Saturday before a Sunday publication");
  assert.match(await page.locator(".article-title").innerText(), /Missile strike hits Kharkiv/);
  await paste.getByRole("button", { name: "Back to the collection" }).click();
  assert.match(await page.locator(".article-title").innerText(), /^\d+ articles · /);
  assert.deepEqual(errors, []);
  assert.deepEqual(failed, []);
  await context.close();
});

test("stays responsive with 10,000 synthetic events", async () => {
  const { context, page, errors } = await open(base + "?synthetic=10000");
  assert.match(await countText(page), /10000 of 10000 events/);
  assert.ok((await cards(page).count()) <= 20, "only the first page of cards is rendered");
  // Time from a filter change to the updated count, measured in the page.
  const samples = [];
  for (const cat of ["talks", "missile", "drone", "", "clash", ""]) {
    const ms = await page.evaluate(async (cat) => {
      const sel = document.getElementById("f-category");
      const before = document.querySelector(".count").textContent;
      const t0 = performance.now();
      sel.value = cat;
      sel.dispatchEvent(new Event("change", { bubbles: true }));
      const t1 = performance.now();
      await new Promise((r) => requestAnimationFrame(() => r()));
      return { sync: t1 - t0, changed: document.querySelector(".count").textContent !== before };
    }, cat);
    samples.push(ms.sync);
  }
  samples.sort((x, y) => x - y);
  metrics.filter10k = { median_ms: samples[Math.floor(samples.length / 2)], max_ms: samples[samples.length - 1], samples };
  console.log("filter latency at 10k events (ms):", JSON.stringify(metrics.filter10k));
  assert.deepEqual(errors, []);
  await context.close();
});
