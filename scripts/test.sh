#!/usr/bin/env bash
# Set up everything the tests need (the clerk's set-up plus Chromium and the test tools), then lint and run the
# whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --dev
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest "$@"
