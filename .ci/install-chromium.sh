#!/usr/bin/env bash
# Installs Debian's Chromium for the web console's end-to-end test (test/web/e2e.test.ts) when it is
# missing. Safe to run repeatedly; without root or apt it says what to do and leaves the test to skip.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: apt-get not found; install Chromium at /usr/bin/chromium by hand, or the web e2e test is skipped" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-chromium: not root and no sudo; run 'apt-get install -y chromium' as root, or the web e2e test is skipped" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# fonts-noto-cjk so screenshots and the page render Chinese instead of empty boxes
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk
/usr/bin/chromium --version
