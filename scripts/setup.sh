#!/usr/bin/env bash
# Set up huizong on a fresh Debian/Ubuntu machine: system packages (fonts, LibreOffice, poppler), then a virtual
# environment with the locked Python dependencies. Safe to run again: it skips what is there.
#   ./scripts/setup.sh          what a clerk's machine needs (requirements.lock)
#   ./scripts/setup.sh --dev    plus what only the tests need: Chromium, test tools (requirements-dev.lock)
#   ./scripts/setup.sh --ocr    plus reading scanned and photographed returns (requirements-ocr.lock, docs/ocr.md)
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  fonts-noto-cjk texlive-lang-chinese libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0
  poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui
)
LOCK=requirements.lock
# OpenCV (the OCR extra) needs libGL and GLib at import time.
OCR_PACKAGES=(libgl1 libglib2.0-0)
case "${1:-}" in
  --dev)
    DEBIAN_PACKAGES+=(chromium "${OCR_PACKAGES[@]}")
    LOCK=requirements-dev.lock  # the tests read scans too: it holds the ocr extra
    ;;
  --ocr)
    DEBIAN_PACKAGES+=("${OCR_PACKAGES[@]}")
    LOCK=requirements-ocr.lock
    ;;
esac

missing=()
if command -v dpkg >/dev/null 2>&1; then
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "安装系统软件包：${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r "$LOCK"
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
# An editable install leaves the project's modules uncompiled; where PYTHONDONTWRITEBYTECODE is set (containers,
# CI) every command would compile them again. Python checks each .pyc against its source, so an edit is never
# missed: a changed module is compiled in memory as before.
.venv/bin/python -m compileall -q huizong forms parsers generators >/dev/null
echo "环境已就绪：.venv/bin/huizong"
