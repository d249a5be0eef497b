#!/usr/bin/env bash
# Set up, then do the clerk's main job on the bundled sample campaign: merge every district's return into one
# checked 汇总表 and draft the 催报通知 for the units still missing (local files only — no server needed).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
out=${1:-demo-output}
mkdir -p "$out"
.venv/bin/huizong merge samples/campaign/returns --units samples/campaign/units.txt --deadline 2022-05-20 \
  -o "$out/汇总表.xlsx" --json "$out/汇总.json"
.venv/bin/huizong doc reminder "$out/汇总.json" --campaign samples/documents/campaign.yaml \
  --register "$out/发文登记.yaml" -o "$out/催报通知.docx" -o "$out/催报通知.pdf"
echo "汇总表：$out/汇总表.xlsx    明细 JSON：$out/汇总.json    催报通知：$out/催报通知.docx、.pdf"
