#!/usr/bin/env bash
# Installs the browsers the end-to-end tests drive: Debian's Chromium and Firefox ESR, with their
# French language packs (the locale e2e tests run each browser in French: without its pack, a
# browser stays in English).
# Never a browser downloaded by a test tool: only the distribution's packages.
set -euo pipefail

CHROMIUM="${LEDE_CHROMIUM:-/usr/lib/chromium/chromium}"
FIREFOX="${LEDE_FIREFOX:-/usr/bin/firefox-esr}"
PACKAGES=(chromium chromium-l10n firefox-esr firefox-esr-l10n-fr)

have_browsers() {
  [ -x "$CHROMIUM" ] && [ -x "$FIREFOX" ]
}

# Chromium reads its UI languages from locales/*.pak beside the binary (chromium-l10n); Firefox
# ESR from a language pack in its browser/extensions directory (firefox-esr-l10n-fr).
have_french() {
  local firefox_dir
  firefox_dir="$(dirname "$(readlink -f "$FIREFOX")")"
  [ -f "$(dirname "$CHROMIUM")/locales/fr.pak" ] &&
    compgen -G "$firefox_dir/browser/extensions/langpack-fr@*.xpi" >/dev/null
}

if have_browsers && have_french; then
  echo "Browsers: Chromium and Firefox ESR are installed, with their French language packs."
  exit 0
fi

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Browsers: installing ${PACKAGES[*]} from Debian's packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${PACKAGES[@]}" >/dev/null
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && [ -z "${CI:-}" ]; then
  echo "Browsers: installing ${PACKAGES[*]} (sudo)…"
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${PACKAGES[@]}" >/dev/null
fi

if ! have_browsers; then
  echo "Browsers: the end-to-end tests need Chromium and Firefox ESR." >&2
  echo "  Debian/Ubuntu: apt-get install ${PACKAGES[*]}" >&2
  echo "  Elsewhere: set LEDE_CHROMIUM and LEDE_FIREFOX to the browser executables." >&2
  exit 1
fi
if ! have_french; then
  echo "Browsers: the locale end-to-end tests need both browsers' French language packs." >&2
  echo "  Debian/Ubuntu: apt-get install chromium-l10n firefox-esr-l10n-fr" >&2
  echo "  Elsewhere: Chromium's locales/fr.pak, and Firefox's langpack-fr in browser/extensions." >&2
  exit 1
fi
