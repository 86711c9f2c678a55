#!/bin/sh
# Benchmark: GET /auth/access-logs over a seeded log (issue 3: a filtered page over millions of
# events in < 50 ms; issue 8: every filter under 20 ms at 1M). Seeds `--log-events N` (default
# 1,000,000), then times REQUESTS pages per filter mix over one keep-alive TLS connection (curl,
# several URLs per run, so the handshake is not counted) and prints exactly one JSON line on
# stdout:
#   {"bench":"access_logs_query","events":N,"seed_events_per_sec":…,"requests_per_mix":50,
#    "mixes":{"none":{"p50_ms":…,"p95_ms":…},…},"worst_p50_ms":…,"worst_p95_ms":…,
#    "over_20ms_p50":["mix",…]}
# The mixes are every filter alone and the pairs of filters that matter, including pairs that
# never match in the seeded log (an event with an outcome it never has, a key with an event or
# an address it never has): those are the ones an index on one column alone must scan.
# Each time is curl's time_starttransfer - time_pretransfer: the server's answer time on
# loopback, including the request's own api_key.used commit.
#   bench_access_logs.sh PATH/TO/plexe-sandbox [events] [requests_per_mix]
set -eu
sandbox=${1:?usage: bench_access_logs.sh PATH/TO/plexe-sandbox [events] [requests_per_mix]}
events=${2:-1000000}
requests=${3:-50}

bench_name=logs
. "$(dirname "$0")/sandbox-common.sh"

"$sandbox" seed --data "$tmp/data" --log-events "$events" >"$tmp/seed.txt" 2>"$tmp/seed.err" ||
    { echo "bench: seed failed: $(cat "$tmp/seed.err")" >&2; exit 1; }
rate=$(sed -n 's/.*access-log events (\([0-9]*\) events\/s).*/\1/p' "$tmp/seed.err" | head -n 1)
[ -n "$rate" ] || rate=0
key=$(sed -n 's/^api_key:[[:space:]]*//p' "$tmp/seed.txt" | head -n 1)
[ -n "$key" ] || { echo "bench: seed printed no api_key" >&2; exit 1; }
# The key reaches curl through a header file, never the command line.
printf 'x-api-key: %s\n' "$key" >"$tmp/header"
chmod 600 "$tmp/header"

start_sandbox "$sandbox"

get() {
    curl -sS --cacert "$ca" -H @"$tmp/header" "$url$1"
}
keyid=$(get "/auth/api-keys?status=active&limit=1" | grep -o '"key_id":"key_[0-9A-Za-z]*"' |
    head -n 1 | sed 's/.*"\(key_[0-9A-Za-z]*\)"/\1/')
[ -n "$keyid" ] || { echo "bench: no active key listed" >&2; exit 1; }
deadkey=$(get "/auth/api-keys?status=revoked&limit=1" | grep -o '"key_id":"key_[0-9A-Za-z]*"' |
    head -n 1 | sed 's/.*"\(key_[0-9A-Za-z]*\)"/\1/')
[ -n "$deadkey" ] || { echo "bench: no revoked key listed" >&2; exit 1; }
actor=$(sed -n 's/^email:[[:space:]]*//p' "$tmp/seed.txt" | head -n 1 | sed 's/@/%40/')
[ -n "$actor" ] || { echo "bench: seed printed no email" >&2; exit 1; }
newest=$(get "/auth/access-logs?limit=1" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
[ -n "$newest" ] || { echo "bench: the log is empty" >&2; exit 1; }
middle=$(printf '%s' "$((newest / 2))" | base64 | tr '+/' '-_' | tr -d '=\n')
day=$(date -u -d '45 days ago' +%Y-%m-%dT00:00:00Z)
nextday=$(date -u -d '44 days ago' +%Y-%m-%dT00:00:00Z)

# name|query (limit 100, newest first unless the query says otherwise)
cat >"$tmp/mixes" <<MIXES
none|
event|event=auth.login_failed
event_rare|event=api_key.updated
two_events|event=auth.login&event=auth.login_failed
outcome_failure|outcome=failure
outcome_success|outcome=success
actor|actor=$actor
actor_unknown|actor=nobody@example.com
key|key_id=$keyid
key_revoked|key_id=$deadkey
ip|ip=203.0.113.7
q_bounded|q=fraud-detector
one_day|since=$day&until=$nextday
since|since=$day
until|until=$day
deep_cursor|cursor=$middle&event=auth.mfa
tail|after=$((newest - 500))
event_outcome|event=api_key.used&outcome=failure
event_outcome_never|event=api_key.rejected&outcome=success
event_outcome_never2|event=auth.login&outcome=failure
two_events_outcome_never|event=api_key.rejected&event=auth.login_failed&outcome=success
key_event|key_id=$keyid&event=api_key.used
key_event_never|key_id=$keyid&event=auth.login
key_revoked_event_never|key_id=$deadkey&event=api_key.used
ip_event|ip=203.0.113.7&event=auth.login_failed
ip_event_never|ip=203.0.113.7&event=api_key.used
actor_event|actor=$actor&event=auth.mfa
actor_unknown_event|actor=nobody@example.com&event=auth.login_failed
key_failure|key_id=$keyid&outcome=failure
key_revoked_success_never|key_id=$deadkey&outcome=success
ip_outcome|ip=203.0.113.7&outcome=failure
ip_success_never|ip=203.0.113.7&outcome=success
actor_failure|actor=$actor&outcome=failure
key_ip_never|key_id=$keyid&ip=203.0.113.7
actor_key|actor=$actor&key_id=$deadkey
actor_ip|actor=$actor&ip=203.0.113.7
q_event|q=fraud-detector&event=api_key.used
day_event_outcome_never|since=$day&until=$nextday&event=api_key.rejected&outcome=success
day_ip_failure|since=$day&until=$nextday&ip=198.51.100.23&outcome=failure
MIXES

json=
worst=0
worst50=0
over=
while IFS='|' read -r name query; do
    : >"$tmp/urls"
    n=0
    while [ $n -lt "$requests" ]; do
        printf 'url = "%s/auth/access-logs?limit=100&%s"\noutput = "/dev/null"\n' "$url" "$query" >>"$tmp/urls"
        n=$((n + 1))
    done
    curl -sS --cacert "$ca" -H @"$tmp/header" -K "$tmp/urls" \
        -w '%{http_code} %{time_pretransfer} %{time_starttransfer}\n' >"$tmp/times" ||
        { echo "bench: curl failed for $name" >&2; exit 1; }
    if grep -qv '^200 ' "$tmp/times"; then
        echo "bench: $name answered $(grep -v '^200 ' "$tmp/times" | head -n 1)" >&2
        exit 1
    fi
    awk '{ printf "%.3f\n", ($3 - $2) * 1000 }' "$tmp/times" | sort -n >"$tmp/sorted"
    count=$(wc -l <"$tmp/sorted")
    p50=$(sed -n "$(((count + 1) / 2))p" "$tmp/sorted")
    p95=$(sed -n "$(((count * 95 + 99) / 100))p" "$tmp/sorted")
    worst=$(awk -v a="$worst" -v b="$p95" 'BEGIN { print (b > a ? b : a) }')
    worst50=$(awk -v a="$worst50" -v b="$p50" 'BEGIN { print (b > a ? b : a) }')
    if awk -v b="$p50" 'BEGIN { exit !(b > 20) }'; then over="$over${over:+,}\"$name\""; fi
    json="$json${json:+,}\"$name\":{\"p50_ms\":$p50,\"p95_ms\":$p95}"
done <"$tmp/mixes"

kill -0 "$pid" 2>/dev/null || { echo "bench: the sandbox died during the run" >&2; exit 1; }
printf '{"bench":"access_logs_query","events":%s,"seed_events_per_sec":%s,"requests_per_mix":%s,"mixes":{%s},"worst_p50_ms":%s,"worst_p95_ms":%s,"over_20ms_p50":[%s]}\n' \
    "$events" "$rate" "$requests" "$json" "$worst50" "$worst" "$over"
