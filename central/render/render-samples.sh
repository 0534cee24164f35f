#!/usr/bin/env bash
# Writes the sample badges and charts (test-scope SampleImages) and renders them to PNG into images/.
# Run from anywhere:  bash central/render/render-samples.sh
# Needs: Maven, node + npm, and Debian's chromium and fonts-dejavu-core (installed here when missing).
set -euo pipefail
render="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$render/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! command -v chromium >/dev/null || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-dejavu-core
fi
[ -d "$render/node_modules/echarts" ] || (cd "$render" && npm ci --no-audit --no-fund)
mvn -B -ntp -q -f "$root/central/pom.xml" -pl plugin -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/classpath.txt" -Dmdep.includeScope=test
plugin="$root/central/plugin/target"
java -cp "$plugin/test-classes:$plugin/classes:$(cat "$work/classpath.txt")" \
  io.jenkins.plugins.deployoften.model.view.SampleImages "$work/samples"

mkdir -p "$root/images"
node "$render/render.mjs" chart "$work/samples/deploy-trend.json" "$root/images/deploy-trend.png"
node "$render/render.mjs" chart "$work/samples/deploy-trend-520.json" "$root/images/deploy-trend-520-weeks.png"
node "$render/render.mjs" chart "$work/samples/deploy-trend-empty.json" "$root/images/deploy-trend-empty.png"
node "$render/render.mjs" chart "$work/samples/deploy-trend-1-week.json" "$root/images/deploy-trend-1-week.png"
node "$render/render.mjs" badges "$root/images/badges.png" \
  "$work/samples/badge-frequency.svg" "$work/samples/badge-last-deploy.svg" \
  "$work/samples/badge-failure-rate.svg" "$work/samples/badge-gate-pass.svg" \
  "$work/samples/badge-gate-block.svg" "$work/samples/badge-long-label.svg" "$work/samples/badge-unicode.svg"
cp "$work/samples/"badge-*.svg "$root/images/" 2>/dev/null || true
rm -f "$root/images/badge-hostile.svg" # a test sample, not a picture for readers
echo "text widths, badge textLength vs. Chromium's DejaVu Sans 11px measurement:"
node "$render/render.mjs" widths "$work/samples/"badge-*.svg
