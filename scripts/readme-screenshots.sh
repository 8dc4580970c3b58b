#!/usr/bin/env bash
# The README's pictures, taken from the last e2e run (tests/e2e/screenshots/, made by the tests
# themselves): run `npm test` (or `npm run test:e2e`) first, then `npm run -s screenshots`.
set -euo pipefail
cd "$(dirname "$0")/.."
from=tests/e2e/screenshots
to=docs/screenshots
mkdir -p "$to"
for pair in \
  "chromium-seed-visible-times.png:popup-chromium.png" \
  "firefox-quotes-figures.png:popup-firefox.png" \
  "chromium-reader-seed.png:reader-chromium.png" \
  "chromium-options-watch.png:options-chromium.png"; do
  src="$from/${pair%%:*}"
  [ -f "$src" ] || { echo "missing $src: run the e2e tests first" >&2; exit 1; }
  cp "$src" "$to/${pair##*:}"
done
echo "README screenshots updated from $from"
