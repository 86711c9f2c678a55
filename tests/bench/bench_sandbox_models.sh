#!/bin/sh
# Benchmark: authenticated GET /models on plexe-sandbox with wrk (keep-alive), per the target in
# engineering.md (>= 5,000 requests/s on 2 cores). Prints exactly one JSON line on stdout:
#   {"bench":"sandbox_get_models","requests_per_sec":…,"latency_p50_ms":…,"latency_p99_ms":…,
#    "threads":2,"connections":32,"duration_s":10}
# Exits non-zero if the sandbox does not start, the key does not work, or any request fails.
#   bench_sandbox_models.sh PATH/TO/plexe-sandbox [duration_s]
set -eu
sandbox=${1:?usage: bench_sandbox_models.sh PATH/TO/plexe-sandbox [duration_s]}
duration=${2:-10}
threads=2
connections=32

bench_name=models
. "$(dirname "$0")/sandbox-common.sh"

"$sandbox" seed --data "$tmp/data" --models 50 >"$tmp/seed.txt" 2>"$tmp/seed.err" ||
    { echo "bench: seed failed: $(cat "$tmp/seed.err")" >&2; exit 1; }
# The key goes to wrk through the environment, not the command line (ps would show it).
PLEXE_BENCH_KEY=$(sed -n 's/^api_key:[[:space:]]*//p' "$tmp/seed.txt" | head -n 1)
export PLEXE_BENCH_KEY
[ -n "$PLEXE_BENCH_KEY" ] || { echo "bench: seed printed no api_key" >&2; exit 1; }

start_sandbox "$sandbox"

# The key must work (a bench of 401s would measure nothing); the header comes from a file.
printf 'x-api-key: %s\n' "$PLEXE_BENCH_KEY" >"$tmp/header"
status=$(curl -sS -o /dev/null -w '%{http_code}' --cacert "$ca" -H @"$tmp/header" "$url/models")
rm -f "$tmp/header"
[ "$status" = 200 ] || { echo "bench: GET /models answered $status before the run" >&2; exit 1; }

cat >"$tmp/bench.lua" <<LUA
wrk.headers["x-api-key"] = os.getenv("PLEXE_BENCH_KEY")
function done(summary, latency, requests)
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write
                 + summary.errors.status + summary.errors.timeout
  io.stderr:write(string.format("bench: %d requests, %d failed or non-2xx\n",
                                summary.requests, failed))
  if failed > 0 then
    io.write("FAILED\n")
    return
  end
  io.write(string.format('{"bench":"sandbox_get_models","requests_per_sec":%.1f,'
    .. '"latency_p50_ms":%.3f,"latency_p99_ms":%.3f,"threads":$threads,'
    .. '"connections":$connections,"duration_s":$duration}\n',
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000.0, latency:percentile(99) / 1000.0))
end
LUA

wrk -t"$threads" -c"$connections" -d"${duration}s" -s "$tmp/bench.lua" "$url/models" \
    >"$tmp/wrk.out" 2>"$tmp/wrk.err" || { echo "bench: wrk failed: $(cat "$tmp/wrk.err")" >&2; exit 1; }
cat "$tmp/wrk.err" >&2
line=$(grep '^{"bench":' "$tmp/wrk.out" || true)
[ -n "$line" ] || { echo "bench: the run had failures:" >&2; cat "$tmp/wrk.out" >&2; exit 1; }
kill -0 "$pid" 2>/dev/null || { echo "bench: the sandbox died during the run" >&2; exit 1; }
echo "$line"
