# Shared by the benchmark scripts (sourced, POSIX sh): a temp folder removed on exit, and
# start_sandbox, which serves the seeded data folder "$tmp/data" on a free loopback port with
# the rate limit off and sets $url and $ca from what the sandbox prints.
#   bench_name=NAME; . sandbox-common.sh   then seed into "$tmp/data" and call: start_sandbox PATH/TO/plexe-sandbox
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plexe-bench-$bench_name.XXXXXX")
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

start_sandbox() {
    "$1" serve --data "$tmp/data" --port 0 --rate-limit 0 >"$tmp/serve.log" 2>&1 &
    pid=$!
    url=
    ca=
    i=0
    while [ $i -lt 300 ]; do
        url=$(sed -n 's/^URL:[[:space:]]*\(https:[^[:space:]]*\).*/\1/p' "$tmp/serve.log" | head -n 1)
        ca=$(sed -n 's/^CA:[[:space:]]*//p' "$tmp/serve.log" | head -n 1)
        [ -n "$url" ] && [ -n "$ca" ] && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
        i=$((i + 1))
    done
    echo "bench: sandbox did not report its URL: $(cat "$tmp/serve.log")" >&2
    exit 1
}
