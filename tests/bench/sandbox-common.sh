# Shared by the benchmark scripts (sourced, POSIX sh): a temp folder removed on exit, and
# start_sandbox, which serves the seeded data folder "$tmp/data" on a free loopback port with
# the rate limit off and sets $url and $ca from what the sandbox prints.
#   bench_name=NAME; . sandbox-common.sh   then seed into "$tmp/data" and call: start_sandbox PATH/TO/plexe-sandbox
# It also gives figures, median and field (below) to the scripts that summarise runs.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plexe-bench-$bench_name.XXXXXX")
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

start_sandbox() {
    : >"$tmp/serve.log" # exists before the first look at it below
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

# figures < numbers (one a line): {"min":…,"median":…,"max":…}; median < numbers: the median.
figures() {
    sort -n | awk '{ v[NR] = $1 } END {
        if (NR == 0) exit 1
        printf "{\"min\":%.1f,\"median\":%.1f,\"max\":%.1f}", v[1], v[int((NR + 1) / 2)], v[NR] }'
}
median() {
    sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; printf "%.2f", v[int((NR + 1) / 2)] }'
}
# field NAME < lines of NAME=VALUE words: the VALUE of each line.
field() {
    sed -n "s/.*\\b$1=\\([-0-9.]*\\).*/\\1/p"
}
