#!/usr/bin/env bash
# Welkom benchmark (issues 3, 10, 12, 14): bytes on the wire per sync, the server cost of a pull and of
# the household list against the size of the database, family-friend suggestions, and the server
# under load, on SQLite and on PostgreSQL (an embedded PostgreSQL 17 from Maven). Builds what it needs,
# runs, prints Markdown tables, merges the figures into bench/figures.json (kept in git) and writes every
# part's latest tables into docs/performance.md. Arguments are passed to the benchmark, e.g.
#   bench/run.sh --only wire          # bytes on the wire only (~15 s after the build)
#   bench/run.sh --large 100000       # a smaller "large" database for a quick look
#   bench/run.sh --only caseload      # the household list: 1,000 vs 100,000 households (issue 10)
#   bench/run.sh --only matching      # family-friend suggestions: 200 vs 2,000 volunteers, 5,000 households (issue 12)
#   bench/run.sh --only load          # wrk: the 304 ceiling, up-to-date, delta and full pulls, a 9:1 mix, start-up, memory (issue 14)
#   bench/run.sh --databases sqlite   # pull, caseload and load on SQLite only (default: sqlite,postgres)
#   bench/run.sh --convergence [tries [steps]]   # long run of SyncConvergenceIT instead (bench/convergence.sh)
#   bench/run.sh --fuzz [rounds [seed]]          # long run of the API fuzzer ApiFuzzTest (docs/fuzz.md), 20 rounds by default
#   bench/run.sh --crash [rounds]     # kill -9 rounds of CrashIT, 100 by default (bench/crash.sh, docs/backup.md)
# See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--convergence" ]; then
    shift
    exec bench/convergence.sh "$@"
fi
if [ "${1:-}" = "--crash" ]; then
    shift
    exec bench/crash.sh "$@"
fi

if [ "${1:-}" = "--fuzz" ]; then
    rounds="${2:-20}"
    seed="${3:-20261213}"
    case "$rounds$seed" in
        *[!0-9]*) echo "usage: bench/run.sh --fuzz [rounds [seed]]" >&2; exit 2 ;;
    esac
    mkdir -p bench/results
    log=bench/results/fuzz.log
    echo "[fuzz] ApiFuzzTest: $rounds rounds, seed $seed; Maven log in $log" >&2
    set +e
    ./mvnw -B -pl backend -am test -Dtest=ApiFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dwelkom.postgres.skip=true \
        -Dwelkom.fuzz.rounds="$rounds" -Dwelkom.fuzz.seed="$seed" >"$log" 2>&1
    rc=$?
    set -e
    grep -a '^ApiFuzzTest' "$log" || true
    if [ "$rc" -ne 0 ]; then
        echo "[fuzz] FAILED (exit $rc); the bad answers are listed in $log" >&2
        tail -n 40 "$log" >&2
    fi
    exit "$rc"
fi

# The load bench drives the server with wrk (Debian), installed here when missing.
if ! command -v wrk >/dev/null 2>&1; then
    case " $* " in
        *" --only "*) case " $* " in *" --only load "*) need_wrk=1 ;; *) need_wrk=0 ;; esac ;;
        *) need_wrk=1 ;;
    esac
    if [ "$need_wrk" = 1 ]; then
        echo "[bench] installing wrk (apt-get)" >&2
        apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
    fi
fi

# The figures name the commit they were measured on ("-dirty": with uncommitted changes), and their
# tables are written into docs/performance.md between its bench markers. Taken before the build,
# so that an edit made while the bench runs does not name a commit the figures do not come from.
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ "$commit" != unknown ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    commit="$commit-dirty"
fi

# backend is named too: bench does not depend on it (it runs the jar as a process), so -am alone
# would not build it. maven.test.skip: the bench needs no test classes, so none are compiled.
./mvnw -B -q -Pbench -pl backend,bench -am package -Dmaven.test.skip=true

exec java -jar bench/target/welkom-bench.jar \
    --backend-jar backend/target/welkom-backend.jar \
    --out bench/figures.json \
    --commit "$commit" \
    --docs docs/performance.md \
    "$@"
