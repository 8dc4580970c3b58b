#!/usr/bin/env bash
# Installs the browsers the end-to-end tests drive: Debian's Chromium and Firefox ESR.
# Never a browser downloaded by a test tool: only the distribution's packages.
set -euo pipefail

have_browsers() {
  [ -x "${LEDE_CHROMIUM:-/usr/lib/chromium/chromium}" ] && [ -x "${LEDE_FIREFOX:-/usr/bin/firefox-esr}" ]
}

if have_browsers; then
  echo "Browsers: Chromium and Firefox ESR are installed."
  exit 0
fi

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Browsers: installing chromium and firefox-esr from Debian's packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium firefox-esr >/dev/null
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && [ -z "${CI:-}" ]; then
  echo "Browsers: installing chromium and firefox-esr (sudo)…"
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium firefox-esr >/dev/null
fi

if ! have_browsers; then
  echo "Browsers: the end-to-end tests need Chromium and Firefox ESR." >&2
  echo "  Debian/Ubuntu: apt-get install chromium firefox-esr" >&2
  echo "  Elsewhere: set LEDE_CHROMIUM and LEDE_FIREFOX to the browser executables." >&2
  exit 1
fi
