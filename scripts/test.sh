#!/usr/bin/env bash
# Runs every test on a fresh Debian machine: installs headless Chromium and its driver when missing,
# runs the front end's pure modules under Node.js, then the Java suite (engine, server and browser
# tests) with Maven, which prints Surefire's summary.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "Installing chromium and chromium-driver for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

if [ -d web/test ]; then
  node --test web/test/
fi
mvn -B -ntp verify
