#!/usr/bin/env bash
# Welkom benchmark, long run of the kill -9 test (issue 13: "100 rounds in bench/, 10 in CI"). Runs
# mobile-client's CrashIT with many more rounds than CI, same fixed seed, and prints its totals:
#   bench/crash.sh            # 100 rounds of each test (~15 min on 2 cores, plus the build)
#   bench/crash.sh 30         # rounds
#   bench/run.sh --crash [rounds]   # the same
# Writes the Maven log to bench/results/crash.log; exits non-zero if a round fails (the log names
# the round; the seed and the round count reproduce it). See docs/backup.md.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${1:-100}"
case "$rounds" in
    ''|*[!0-9]*) echo "usage: bench/crash.sh [rounds]" >&2; exit 2 ;;
esac

mkdir -p bench/results
log=bench/results/crash.log
echo "[crash] CrashIT: $rounds rounds; Maven log in $log" >&2
started=$(date +%s)
# One reactor build of shared-model, backend and mobile-client from this checkout (the IT runs the
# backend jar); -Dtest=NONE skips every unit test, only the one IT runs.
set +e
./mvnw -B -pl backend,mobile-client -am verify \
    -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=CrashIT -Dwelkom.crash.rounds="$rounds" >"$log" 2>&1
rc=$?
set -e
wall=$(( $(date +%s) - started ))
if [ "$rc" -ne 0 ] || ! grep -q '^CrashIT: ' "$log"; then
    echo "[crash] FAILED (exit $rc) after ${wall} s. Last lines of $log:" >&2
    tail -n 60 "$log" >&2
    exit 1
fi
echo "# CrashIT, $rounds rounds, $(date -u '+%Y-%m-%d %H:%M') UTC"
echo
grep -E '^CrashIT( \(phone store\))?: ' "$log" | sed 's/^/- /'
echo
echo "Whole run with the build: ${wall} s (log: $log)"
