// Renders DeployOften pictures with headless Chromium (Debian package "chromium"), to look at them:
//   node render.mjs chart  CHART.json OUT.png [WIDTH HEIGHT]   ECharts option JSON -> PNG (real ECharts from npm)
//   node render.mjs badges OUT.png BADGE.svg...                 badges stacked, at 1x and 3x -> PNG
//   node render.mjs widths BADGE.svg...                         prints, per text, the badge's textLength and the
//                                                               width Chromium measures for it in DejaVu Sans 11px
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve, basename } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const echartsJs = join(here, "node_modules", "echarts", "dist", "echarts.min.js");
const chromium = process.env.CHROMIUM || "chromium";

function runChromium(args, page) {
  const profile = mkdtempSync(join(tmpdir(), "deployoften-chromium-"));
  try {
    return execFileSync(chromium, [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--hide-scrollbars", "--allow-file-access-from-files", "--virtual-time-budget=3000",
      `--user-data-dir=${profile}`, ...args, pathToFileURL(page).href,
    ], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function page(html) {
  const dir = mkdtempSync(join(tmpdir(), "deployoften-page-"));
  const file = join(dir, "page.html");
  writeFileSync(file, html);
  return { dir, file };
}

// Jenkins' light theme (core's _theme.scss at 2.555.3): the chart names its colours by these CSS variables, which a
// Jenkins page resolves in the current theme (echarts-api's resolveJenkinsColors)
const THEME = {
  "--success-color": "oklch(70% 0.2155 150)",
  "--error-color": "oklch(60% 0.2671 30)",
  "--blue": "oklch(55% 0.2308 256.91)",
};

function chart(input, output, width = 900, height = 450) {
  // the option goes in its own script file, so no JSON text is ever parsed as HTML
  const option = readFileSync(input, "utf8").replace(/"(--[a-z-]+)"/g, (quoted, name) =>
    name in THEME ? JSON.stringify(THEME[name]) : quoted);
  const { dir, file } = page(`<!DOCTYPE html><html><head><meta charset="utf-8">
<style>html,body{margin:0;background:#fff}#chart{width:${width}px;height:${height}px}</style></head>
<body><div id="chart"></div>
<script src="${pathToFileURL(echartsJs).href}"></script>
<script src="option.js"></script>
<script>
  const chart = echarts.init(document.getElementById("chart"), null, { renderer: "canvas" });
  chart.setOption(Object.assign({ animation: false }, window.DEPLOY_OPTION));
</script></body></html>`);
  writeFileSync(join(dir, "option.js"), `window.DEPLOY_OPTION = ${option};\n`);
  runChromium([`--screenshot=${resolve(output)}`, `--window-size=${width},${height}`], file);
  rmSync(dir, { recursive: true, force: true });
}

function badges(output, svgs) {
  const rows = svgs.map((svg) => {
    const url = pathToFileURL(resolve(svg)).href;
    return `<tr><td><img src="${url}"></td><td><img class="big" src="${url}"></td><td>${basename(svg)}</td></tr>`;
  }).join("\n");
  const { dir, file } = page(`<!DOCTYPE html><html><head><meta charset="utf-8">
<style>body{margin:12px;font:13px DejaVu Sans,sans-serif;background:#fff}td{padding:6px 14px 6px 0;white-space:nowrap}
img.big{zoom:3;image-rendering:pixelated}</style></head>
<body><table>${rows}</table></body></html>`);
  runChromium([`--screenshot=${resolve(output)}`, "--window-size=1600,640"], file);
  rmSync(dir, { recursive: true, force: true });
}

function widths(svgs) {
  const inline = svgs.map((svg) => `<div>${readFileSync(svg, "utf8")}</div>`).join("\n");
  const { dir, file } = page(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
${inline}
<pre id="out"></pre>
<script>
  const canvas = document.createElement("canvas").getContext("2d");
  canvas.font = "11px 'DejaVu Sans'";
  const lines = [];
  for (const text of document.querySelectorAll("text:not([aria-hidden])")) {
    const declared = parseFloat(text.getAttribute("textLength"));
    const measured = canvas.measureText(text.textContent).width;
    lines.push(JSON.stringify({ text: text.textContent, textLength: declared, chromium: +measured.toFixed(3),
      difference: +(measured - declared).toFixed(3) }));
  }
  document.getElementById("out").textContent = "\\nWIDTHS\\n" + lines.join("\\n") + "\\nEND\\n";
</script></body></html>`);
  const dom = runChromium(["--dump-dom"], file);
  rmSync(dir, { recursive: true, force: true });
  const text = dom.substring(dom.indexOf("WIDTHS") + 7, dom.indexOf("END"));
  process.stdout.write(text.replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">"));
}

const [command, ...args] = process.argv.slice(2);
if (command === "chart" && args.length >= 2) {
  chart(args[0], args[1], Number(args[2] || 900), Number(args[3] || 450));
} else if (command === "badges" && args.length >= 2) {
  badges(args[0], args.slice(1));
} else if (command === "widths" && args.length >= 1) {
  widths(args);
} else {
  console.error("usage: node render.mjs chart CHART.json OUT.png [W H] | badges OUT.png BADGE.svg... | widths BADGE.svg...");
  process.exit(2);
}
