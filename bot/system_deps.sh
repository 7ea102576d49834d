#!/usr/bin/env bash
# Installs the Debian packages the test suite drives, when they are missing.
set -euo pipefail
needed=()
command -v tmux >/dev/null || needed+=(tmux)
# The web widget's tests: a real headless browser, driven by Playwright (never its own download).
[ -x /usr/bin/chromium ] || needed+=(chromium)
# The scale-out test: a throw-away PostgreSQL cluster (tracker store) and Redis (lock store).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || needed+=(postgresql)
command -v redis-server >/dev/null || needed+=(redis-server)
if [ ${#needed[@]} -gt 0 ]; then
  echo "installing: ${needed[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${needed[@]}" >/dev/null
fi
