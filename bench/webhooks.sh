#!/usr/bin/env bash
# Runs the webhook load generator against a fresh BlueLamp (Release build, logging at Warning) and prints the
# generator's report and the app's CPU time per event. Usage:
#   bench/webhooks.sh sqlite|postgres [rate] [seconds]
# PostgreSQL: set BENCH_POSTGRES to a server connection string (a fresh database "bluelamp_bench_<pid>" is created on
# it and dropped afterwards), e.g. BENCH_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres".
# Set BENCH_PERF=1 to record where the app spends its CPU with Linux perf while the generator runs (perf report -i
# <folder>/perf.data; JIT-compiled frames are named through the perf map the runtime writes).
# Set BENCH_COUNTERS=1 to record the runtime's, ASP.NET Core's and BlueLamp.Data's (SQLite's write turn) counters each second while the generator runs
# (<folder>/counters.csv: GC pauses, JIT time, server-side request duration percentiles;
# needs the tool: dotnet tool install -g dotnet-counters).
# BENCH_WARMUP (seconds, default 45) and BENCH_WARMUP_RATE (default the measured rate) shape the warm-up.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?sqlite or postgres}; rate=${2:-2000}; seconds=${3:-20}
port=$((5300 + RANDOM % 500))
work=$(mktemp -d /tmp/bluelamp-bench.XXXXXX)
dotnet build -c Release src/BlueLamp.Web -v q -nologo >/dev/null
dotnet build -c Release bench/BlueLamp.LoadGenerator -v q -nologo >/dev/null

env_db=()
if [ "$db" = postgres ]; then
    : "${BENCH_POSTGRES:?set BENCH_POSTGRES to a PostgreSQL server connection string}"
    name="bluelamp_bench_$$"
    env_db=(Database__Provider=Postgres "ConnectionStrings__BlueLamp=$BENCH_POSTGRES;Database=$name;Maximum Pool Size=200")
fi

env ${BENCH_ENV:-} DOTNET_PerfMapEnabled="${BENCH_PERF:-0}" DOTNET_EnableWriteXorExecute="$([ "${BENCH_PERF:-}" = 1 ] && echo 0 || echo 1)" BLUELAMP_DATA="$work" Urls="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning "${env_db[@]}" \
    dotnet src/BlueLamp.Web/bin/Release/net10.0/BlueLamp.Web.dll >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 1
done
password=$(awk '/operator@/ {print $NF}' "$work/demo-users.txt")
generate() {
    dotnet bench/BlueLamp.LoadGenerator/bin/Release/net10.0/BlueLamp.LoadGenerator.dll \
        --url "http://127.0.0.1:$port" --password "$password" --app-pid "$app" "$@"
}
# A server runs for days: warm it up first (JIT compilation, EF Core's query cache, connection pools), in the same
# generator process as the measured run (--warmup-seconds), so the generator is warm too. Not counted.
# At the measured rate, because tiered compilation keeps recompiling hot methods for as long as new ones appear:
# after 20 s at a quarter of the rate, dotnet-counters still showed 0.4–0.9 s of JIT per second for the first 12 s of
# a 2,000/s run, and it settles only after about 40 s at the full rate.
warmup=(--warmup-seconds "${BENCH_WARMUP:-45}" --warmup-rate "${BENCH_WARMUP_RATE:-$rate}")
echo "warming up: ${warmup[*]}"
# Profiles and counters cover the measured run only: they start when the generator prints its "Run" line.
measuring() { until grep -q '^Run ' "$work/report.txt" 2>/dev/null; do sleep 0.2; done; }
if [ "${BENCH_PERF:-}" = 1 ]; then
    (measuring; exec perf record -F 499 -g -p "$app" -o "$work/perf.data" >"$work/perf.log" 2>&1) &
    tracer=$!
fi
if [ "${BENCH_COUNTERS:-}" = 1 ]; then
    (measuring; exec timeout $((seconds + 5)) "$(command -v dotnet-counters || echo ~/.dotnet/tools/dotnet-counters)" collect -p "$app" \
        --counters System.Runtime,Microsoft.AspNetCore.Hosting,BlueLamp.Data --refresh-interval 1 --format csv -o "$work/counters.csv" >"$work/counters.log" 2>&1) &
fi
generate --rate "$rate" --seconds "$seconds" "${warmup[@]}" | tee "$work/report.txt"
if [ "${BENCH_PERF:-}" = 1 ]; then
    kill -INT "$tracer" 2>/dev/null || true; wait "$tracer" || true
    echo "profile: perf report -i $work/perf.data"
fi
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"; [ "${BENCH_COUNTERS:-}" = 1 ] && echo "counters: $work/counters.csv"
if [ "$db" = postgres ]; then
    kill $app; wait $app 2>/dev/null || true
    # psql wants libpq's key=value words, not Npgsql's Key=Value;… string.
    conninfo=$(tr ';' '\n' <<<"$BENCH_POSTGRES" | awk -F= 'tolower($1)=="host"{print "host="$2} tolower($1)=="port"{print "port="$2} tolower($1)=="username"{print "user="$2} tolower($1)=="password"{print "password="$2}' | paste -sd' ')
    psql "$conninfo dbname=postgres" -c "drop database $name" >/dev/null || echo "could not drop database $name"
fi
