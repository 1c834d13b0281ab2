#!/usr/bin/env bash
# Runs every BlueLamp test on a fresh machine: installs what the tests need when it is missing (Debian's
# chromium and postgresql), starts a throwaway PostgreSQL on 127.0.0.1 for the run, runs `dotnet test`,
# and ends with a line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

log() { echo "test.sh: $*" >&2; }

# --- What the tests need -------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- A throwaway PostgreSQL for this run ---------------------------------------------------------
pg_bin="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
pg_dir="$(mktemp -d /tmp/bluelamp-pg.XXXXXX)"
pg_port="${BLUELAMP_TEST_PG_PORT:-55432}"
# Another run (or another checkout's) may hold the port: take the next free one.
while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; fi
cleanup() {
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
}
trap cleanup EXIT
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
export BLUELAMP_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"
log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

# --- Browser-side tools (axe-core) from npm ------------------------------------------------------
(cd tests/BlueLamp.EndToEnd.Tests && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

# --- The tests -----------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$(mktemp -d /tmp/bluelamp-test-results.XXXXXX)"
set +e
# One test project at a time: on two cores a browser, its server and the other test hosts at once starve
# Blazor's circuits and make the browser tests slow and flaky. Tests inside a project still run in parallel.
dotnet test --solution BlueLamp.slnx --max-parallel-test-modules 1 --minimum-expected-tests 1 --results-directory "$results" 2>&1 | tee "$results/output.log"
status=${PIPESTATUS[0]}
set -e

# --- The summary line ----------------------------------------------------------------------------
passed=$(grep -E '^\s+succeeded: [0-9]+' "$results/output.log" | tail -1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s+failed: [0-9]+' "$results/output.log" | tail -1 | grep -oE '[0-9]+' || echo 0)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # The build or the runner failed before any test could: count that as a failure, never as green.
    failed=1
fi
if [ "$failed" -gt 0 ]; then
    # A CI log is often read from its end: say again which tests failed and why, each with its first lines.
    echo
    echo "Failed tests (the full output is above):"
    awk '/^failed / { show = 1; n = 0; print; next } show && /^  / { if (n++ < 12) print; next } { show = 0 }' "$results/output.log"
    echo
fi
echo "$passed passed, $failed failed"
exit "$status"
