// Bundle the dashboard (src/main.js and the npm libraries it imports, the world map
// shapes included) into one offline file the Python package serves: no CDN at run time.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, "..", "src", "wirecoder", "server", "static", "build");

await build({
  entryPoints: [path.join(here, "src", "main.js")],
  bundle: true,
  format: "esm",
  minify: true,
  sourcemap: false,
  target: ["es2020"],
  outfile: path.join(out, "app.js"),
  loader: { ".json": "json" },
  legalComments: "linked",
  logLevel: "info",
});
