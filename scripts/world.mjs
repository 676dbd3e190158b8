// Trunk post-build hook: writes dist/world.json, the map's country outlines, from
// Natural Earth 1:110m (public domain) as packaged by world-atlas (installed by
// scripts/setup.sh). Each country becomes one SVG path in the page's plate carrée
// projection (x = (lon + 180) * 2, y = (90 - lat) * 2, the same as src/map.rs), with
// coordinates rounded to 0.1 unit (about 5 km at the equator) and relative moves, so
// the file stays small. The page fetches it after the first card is painted.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by trunk (TRUNK_STAGING_DIR is not set)");
const tools = path.resolve(".tools/node_modules");
const require = createRequire(path.join(tools, "noop.js"));
const { feature } = require("topojson-client");
const topo = JSON.parse(fs.readFileSync(path.join(tools, "world-atlas/countries-110m.json"), "utf8"));

const SCALE = 2;
const px = ([lon, lat]) => [Math.round((lon + 180) * SCALE * 10), Math.round((90 - lat) * SCALE * 10)];

/** One ring as "M x y l dx dy … z" in tenths of a unit, dropping repeated points. A ring
 * that crosses the antimeridian (Fiji, Chukotka) is drawn whole past the east edge
 * instead of as a band across the map. */
function ring(points) {
  let out = "";
  let prev = null;
  let pts = points.map(px);
  const half = 180 * SCALE * 10;
  if (pts.some((p, i) => i > 0 && Math.abs(p[0] - pts[i - 1][0]) > half)) {
    pts = pts.map(([x, y]) => [x < half ? x + 2 * half : x, y]);
  }
  let n = 0;
  for (const p of pts) {
    if (prev && p[0] === prev[0] && p[1] === prev[1]) continue;
    out += prev ? ` ${(p[0] - prev[0]) / 10} ${(p[1] - prev[1]) / 10}` : `M${p[0] / 10} ${p[1] / 10}l`;
    prev = p;
    n += 1;
  }
  // An island smaller than the rounding is dropped rather than drawn as a broken path.
  return n >= 3 ? out + "z" : "";
}

const countries = feature(topo, topo.objects.countries).features.map((f) => {
  const polys = f.geometry?.type === "Polygon" ? [f.geometry.coordinates] : f.geometry?.coordinates ?? [];
  return { name: f.properties.name, d: polys.flatMap((poly) => poly.map(ring)).join("") };
});
const out = {
  attribution: "Country outlines: Natural Earth 1:110m (public domain), via world-atlas 2.0.2",
  width: 360 * SCALE,
  height: 180 * SCALE,
  countries,
};
fs.writeFileSync(path.join(dir, "world.json"), JSON.stringify(out));
