#!/usr/bin/env bash
# Installs the Debian packages the test suite drives, when they are missing. Without root it stops
# before anything is installed or run, printing the exact command to run.
set -euo pipefail
needed=()
command -v tmux >/dev/null || needed+=(tmux)
# The web widget's tests: a real headless browser, driven by Playwright (never its own download).
[ -x /usr/bin/chromium ] || needed+=(chromium)
# The scale-out test: a throw-away PostgreSQL cluster (tracker store) and Redis (lock store).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || needed+=(postgresql)
command -v redis-server >/dev/null || needed+=(redis-server)
if [ ${#needed[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need these Debian packages: ${needed[*]}. Install them as root, then run make test again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${needed[*]}" >&2
    exit 1
  fi
  echo "installing: ${needed[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${needed[@]}" >/dev/null
fi
