#!/usr/bin/env bash
# Runs every check Welkom has: compile (warning-free), the Android API check, unit and API
# tests, the end-to-end test (real client library against the real backend jar) and the
# browser test (headless Chromium). Installs Chromium first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-chromium.sh
exec ./mvnw -B -ntp verify "$@"
