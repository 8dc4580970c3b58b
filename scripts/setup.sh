#!/usr/bin/env bash
# Quick start, step 1: install, build both browsers' extensions, and analyse the sample page.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browsers are only needed by `npm test`; say so here rather than fail later.
bash scripts/install-browsers.sh || echo "(Continuing: the extension builds without them.)"
npm ci
npm run build
echo
echo "Built: .output/chrome-mv3 (Chrome) and .output/firefox-mv3 (Firefox)."
echo "The sample page, analysed:"
npm run -s analyze
