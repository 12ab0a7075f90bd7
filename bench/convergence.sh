#!/usr/bin/env bash
# Welkom benchmark, long run of the randomized multi-phone convergence test (issue 3: "a fixed seed
# in CI and a longer run in the benchmark"). Runs mobile-client's SyncConvergenceIT with many more
# scenarios than CI (10 x 50 steps), same fixed seed, and reports its totals.
#   bench/convergence.sh                  # 200 scenarios of 80 steps (~4 min on 2 cores, plus the build)
#   bench/convergence.sh 50 40            # tries, steps per scenario
#   bench/run.sh --convergence [tries [steps]]   # the same
# Prints a Markdown table; writes bench/results/convergence.json and the Maven log
# bench/results/convergence.log. Exits non-zero if the test fails (the log names the failing
# scenario's steps; the same two numbers reproduce it). See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

tries="${1:-200}"
steps="${2:-80}"
case "$tries$steps" in
    *[!0-9]*) echo "usage: bench/convergence.sh [tries] [steps]" >&2; exit 2 ;;
esac

mkdir -p bench/results
log=bench/results/convergence.log
json=bench/results/convergence.json
report=mobile-client/target/failsafe-reports/TEST-nl.welkom.client.e2e.SyncConvergenceIT.xml
rm -f "$report"

echo "[convergence] SyncConvergenceIT: $tries scenarios of $steps steps; Maven log in $log" >&2
started=$(date +%s)
# One reactor build of shared-model, backend and mobile-client from this checkout: the IT needs the
# backend jar, and a plain -pl mobile-client would take shared-model from ~/.m2, which may be
# another version. -Dtest=NONE skips every unit test; only the one IT runs.
set +e
./mvnw -B -pl backend,mobile-client -am verify \
    -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=SyncConvergenceIT \
    -Dwelkom.convergence.tries="$tries" -Dwelkom.convergence.steps="$steps" >"$log" 2>&1
rc=$?
set -e
wall=$(( $(date +%s) - started ))

summary=$(grep -m1 '^SyncConvergenceIT: ' "$log" || true)
if [ "$rc" -ne 0 ] || [ -z "$summary" ]; then
    echo "[convergence] FAILED (exit $rc) after ${wall} s. Last lines of $log:" >&2
    tail -n 60 "$log" >&2
    exit 1
fi

# "SyncConvergenceIT: 200 scenarios of 80 steps, seed 20261123, totals {a=1, b=2}"
scenarios=$(sed -E 's/^SyncConvergenceIT: ([0-9]+) scenarios.*/\1/' <<<"$summary")
seed=$(sed -E 's/.*seed ([0-9]+),.*/\1/' <<<"$summary")
totals=$(sed -E 's/.*totals \{(.*)\}$/\1/' <<<"$summary")
total() { # total "key" -> value or 0
    local v
    v=$(tr ',' '\n' <<<"$totals" | sed -E 's/^ +//' | awk -F= -v k="$1" '$1 == k { print $2 }')
    echo "${v:-0}"
}
test_seconds=$(grep -m1 -E 'Time elapsed: .* in nl\.welkom\.client\.e2e\.SyncConvergenceIT' "$log" \
    | sed -E 's/.*Time elapsed: ([0-9.,]+) s.*/\1/' | tr -d ',')
applied=$(total "mutations APPLIED")
conflicted=$(total "mutations APPLIED_WITH_CONFLICT")
rejected=$(total "mutations REJECTED")
mutations=$(( applied + conflicted + rejected ))
conflicts=$(total "conflicts recorded")
lost=$(total "answers lost then ALREADY_APPLIED")
faults=$(total "faults injected")
failed=$(total "faulty syncs that failed")
merged=$(total "same-field edits merged")
notices=$(total "notices")
# jqwik's histogram of conflicts per scenario, e.g. "    0  ( 68) : 34.00 %" -> "0: 68, 1: 1, >3: 131"
histogram=$(awk '/conflicts per scenario =/ { on = 1; next } on && NF == 0 { exit } on { print }' "$log" \
    | sed -E 's/^ *([^ ]+) +\( *([0-9]+)\).*/\1: \2/' | paste -sd, - | sed 's/,/, /g')
# jqwik mixes edge cases into the generated scenarios by default; such a scenario can be one step
# repeated (see docs/performance.md), which proves little. Reported so that the reader can tell.
edge_tried=$(grep -m1 -E '^edge-cases#tried = ' "$log" | sed -E 's/^edge-cases#tried = ([0-9]+).*/\1/' || true)
edge_tried=${edge_tried:-0}
per_scenario=$(awk -v t="$test_seconds" -v n="$scenarios" 'BEGIN { printf "%.2f", t / n }')

cat >"$json" <<EOF
{
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "machine": {"cores": $(nproc), "os": "$(uname -sr) $(uname -m)", "java": "$(java -version 2>&1 | head -n1 | tr -d '"')"},
  "seed": "$seed",
  "scenarios": $scenarios,
  "stepsPerScenario": $steps,
  "phoneMutations": $mutations,
  "mutationsApplied": $applied,
  "mutationsAppliedWithConflict": $conflicted,
  "mutationsRejected": $rejected,
  "conflictsRecorded": $conflicts,
  "sameFieldEditsMerged": $merged,
  "answersLostThenAlreadyApplied": $lost,
  "faultsInjected": $faults,
  "faultySyncsThatFailed": $failed,
  "noticesKept": $notices,
  "conflictsPerScenario": "$histogram",
  "jqwikEdgeCasesTried": $edge_tried,
  "testSeconds": $test_seconds,
  "wallSecondsWithBuild": $wall,
  "rawTotals": "$totals"
}
EOF

cat <<EOF
# SyncConvergenceIT, long run, $(date -u '+%Y-%m-%d %H:%M') UTC

Seed $seed (fixed), $scenarios scenarios of $steps steps: 2 devices of Familie Haile, their buddy's phone
and the officer on the real backend jar, about half of the phones' syncs through a random fault.
All checks passed in every scenario.

| figure | value |
|---|---:|
| scenarios × steps | $scenarios × $steps = $(( scenarios * steps )) |
| phone mutations (every one reached the server, none applied twice) | $mutations |
| … APPLIED / APPLIED_WITH_CONFLICT / REJECTED (first arrival) | $applied / $conflicted / $rejected |
| conflicts recorded by the server (= the model's overwrites) | $conflicts |
| same-field edits that agreed and merged without a conflict | $merged |
| answers lost, then re-answered ALREADY_APPLIED | $lost |
| faults injected on push, pull or content / syncs that failed | $faults / $failed |
| notices kept on the phones (refusals + conflicts) | $notices |
| conflicts per scenario: number of scenarios (jqwik) | $histogram |
| edge cases jqwik mixed in (see docs/performance.md) | $edge_tried |
| test time (the IT, starting the backend included) | $test_seconds s ($per_scenario s per scenario) |
| whole run with the build | $wall s |

Written: $json (Maven log: $log)
EOF
