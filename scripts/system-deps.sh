#!/usr/bin/env bash
# System packages the tests need beyond PyPI: Debian's Chromium for the browser tests
# (driven by Playwright with executable_path=/usr/bin/chromium; Playwright's own browser
# download is not used). Installs only what is missing; needs root or sudo for apt-get.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
command -v pg_isready >/dev/null 2>&1 || missing+=(postgresql-client)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "installing system packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: need root (or sudo) to install ${missing[*]}"; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
