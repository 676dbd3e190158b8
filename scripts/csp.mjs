// Trunk post-build hook: adds a Content-Security-Policy to dist/index.html. Every inline
// script (Trunk's wasm loader, the service-worker registration) is allowed by the hash
// of its exact text, so nothing else inline can run; everything else comes from the
// page's own origin. 'wasm-unsafe-eval' lets the page compile its WebAssembly.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by trunk (TRUNK_STAGING_DIR is not set)");
const file = path.join(dir, "index.html");
let html = fs.readFileSync(file, "utf8");
if (html.includes('http-equiv="Content-Security-Policy"')) process.exit(0);

const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${crypto.createHash("sha256").update(m[1], "utf8").digest("base64")}'`,
);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
html = html.replace(/<meta charset="utf-8" \/>/, (m) => `${m}\n  ${meta}`);
if (!html.includes(meta)) throw new Error("index.html has no <meta charset> to put the policy after");
fs.writeFileSync(file, html);
