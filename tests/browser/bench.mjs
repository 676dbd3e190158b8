// Browser-side performance figures for `make bench` (not a test, not run by CI):
// transfer weight, time to first card (cold loads, with and without 4x CPU throttling),
// filter latency on synthetic corpora, and extraction throughput of the wasm worker.
// Prints JSON to stdout; scripts/bench.sh merges it into target/bench/report.json.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const dist = path.join(root, "dist");
const LOADS = Number(process.env.BENCH_LOADS || 10);

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
const stats = (xs) => ({ median: quantile(xs, 0.5), p95: quantile(xs, 0.95), n: xs.length });

function weights() {
  const rows = [];
  for (const f of fs.readdirSync(dist)) {
    const buf = fs.readFileSync(path.join(dist, f));
    const kind = f.endsWith(".wasm") ? (f.startsWith("extract_worker") ? "worker wasm (on demand)" : "wasm")
      : f === "gazetteer.tsv" ? "gazetteer (on demand)"
      : f === "world.json" ? "map outlines (after first paint)"
      : f.startsWith("extract_worker") ? "worker js (on demand)"
      : f.endsWith(".js") ? (f === "sw.js" ? "service worker" : "js")
      : f.endsWith(".css") ? "css" : f.endsWith(".html") ? "html" : "other";
    rows.push({ file: f, kind, raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length, brotli: zlib.brotliCompressSync(buf).length });
  }
  const data = process.env.EMBEDDED_JSON && fs.existsSync(process.env.EMBEDDED_JSON) ? fs.readFileSync(process.env.EMBEDDED_JSON) : null;
  const embedded = data ? { raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length, brotli: zlib.brotliCompressSync(data).length } : null;
  const firstLoad = rows.filter((r) => ["wasm", "js", "css", "html", "other"].includes(r.kind));
  const sum = (k) => firstLoad.reduce((a, r) => a + r[k], 0);
  return { files: rows, embedded_data_inside_wasm: embedded, first_load: { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") } };
}

const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml", ".tsv": "text/tab-separated-values" };
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (p.endsWith("/")) p += "index.html";
  const file = path.join(dist, path.normalize(p));
  if (!file.startsWith(dist) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

/** Navigation start → first event card in the DOM and painted (next animation frame). */
async function firstCard(throttle) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
    }
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector("article.card")) {
          obs.disconnect();
          requestAnimationFrame(() => { window.__firstCard = performance.now(); });
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(base);
    await page.waitForFunction(() => window.__firstCard !== undefined);
    times.push(await page.evaluate(() => window.__firstCard));
    await context.close();
  }
  return stats(times);
}

/** Filter change → view updated (synchronous work plus the next frame). */
async function filterLatency(n) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`${base}?synthetic=${n}`);
  await page.waitForSelector("article.card", { timeout: 120000 });
  const samples = await page.evaluate(async () => {
    const sel = document.getElementById("f-category");
    const out = [];
    const cycle = ["talks", "missile", "drone", "", "clash", "investigation", "", "other", "civilians", ""];
    for (let round = 0; round < 3; round++) {
      for (const cat of cycle) {
        const t0 = performance.now();
        sel.value = cat;
        sel.dispatchEvent(new Event("change", { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => r()));
        out.push(performance.now() - t0);
      }
    }
    return out;
  });
  await context.close();
  return stats(samples);
}

/** Extraction throughput of the wasm build, in the worker the page uses. */
async function wasmThroughput(texts) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(base);
  const res = await page.evaluate(async (texts) => {
    const started = performance.now();
    const w = new Worker("extract_worker_loader.js");
    await new Promise((r) => { w.onmessage = (e) => { if (e.data === "ready") r(); }; });
    const ask = (text) => new Promise((r) => { w.onmessage = (e) => r(e.data); w.postMessage(JSON.stringify({ text, published: "2025-06-01" })); });
    await ask(texts[0].text); // warm-up: loads and indexes the gazetteer
    // What a reader waits for on the first pasted article: worker start, gazetteer
    // download (uncached) and index build, and the extraction itself.
    const first = { name: "first extraction, cold", bytes: new TextEncoder().encode(texts[0].text).length, ms: performance.now() - started, mb_per_s: 0, cold: true };
    const out = [first];
    for (const t of texts) {
      const runs = [];
      for (let i = 0; i < (t.text.length > 500000 ? 2 : 5); i++) {
        const t0 = performance.now();
        const a = await ask(t.text);
        runs.push(performance.now() - t0);
        if (!a.startsWith('{"ok"')) throw new Error(a.slice(0, 200));
      }
      runs.sort((a, b) => a - b);
      const ms = runs[Math.floor(runs.length / 2)];
      out.push({ name: t.name, bytes: new TextEncoder().encode(t.text).length, ms, mb_per_s: new TextEncoder().encode(t.text).length / 1e6 / (ms / 1000) });
    }
    w.terminate();
    return out;
  }, texts);
  await context.close();
  return res;
}

const only = process.env.BENCH_ONLY; // "filter" for a quick look at interaction latency
const texts = only ? [] : JSON.parse(fs.readFileSync(process.env.BENCH_TEXTS, "utf8"));
const report = {
  weight: weights(),
  first_card_ms: only ? null : { normal: await firstCard(1), throttled_4x: await firstCard(4) },
  filter_latency_ms: {},
  wasm_extraction: only ? [] : await wasmThroughput(texts),
};
for (const n of [1000, 10000, 100000]) report.filter_latency_ms[n] = await filterLatency(n);
await browser.close();
server.close();
process.stdout.write(JSON.stringify(report));
