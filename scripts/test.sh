#!/usr/bin/env bash
# Runs every test on a fresh Debian machine: installs headless Chromium, its driver and Node.js when missing,
# runs the front end's pure modules under Node.js, then the Java suite (engine, server and browser
# tests) with Maven, which prints Surefire's summary.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v node >/dev/null || missing+=(nodejs)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing ${missing[*]} for the browser and front-end tests"
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -d web/test ]; then
  node --test web/test/
fi
mvn -B -ntp verify
