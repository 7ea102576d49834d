#!/usr/bin/env bash
# Installs the Debian packages the test suite drives, when they are missing.
set -euo pipefail
needed=()
command -v tmux >/dev/null || needed+=(tmux)
if [ ${#needed[@]} -gt 0 ]; then
  echo "installing: ${needed[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${needed[@]}" >/dev/null
fi
