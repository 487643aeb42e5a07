#!/usr/bin/env bash
# The browser tests drive Chromium through its chromedriver, both from the distribution's packages
# (Debian or Ubuntu). Installs them when either is missing; does nothing otherwise.
set -euo pipefail
if command -v chromedriver >/dev/null && { command -v chromium >/dev/null || command -v chromium-browser >/dev/null; }; then
  exit 0
fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "Installing Chromium and chromedriver for the browser tests"
as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
