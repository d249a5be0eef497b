#!/usr/bin/env bash
# Set up, then do the clerk's main job on the bundled sample campaign: merge every district's return into one
# checked 汇总表 (SQLite/local files only — no server needed).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
out=${1:-demo-output}
mkdir -p "$out"
set +e
.venv/bin/huizong merge samples/campaign --units samples/campaign/units.txt -o "$out/汇总表.xlsx" --json "$out/汇总.json"
status=$?
set -e
[ $status -le 0 ] || exit $status
echo "汇总表：$out/汇总表.xlsx    明细 JSON：$out/汇总.json"
