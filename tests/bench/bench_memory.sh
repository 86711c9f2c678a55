#!/bin/sh
# Benchmark: resident memory of the console signed in with every pane loaded from the demo data,
# beside bare_window (a bare Qt Widgets window of the same size), as a ratio (engineering.md:
# <= 2x). RUNS times each: console_driver (the console's composition) signs in on the sandbox,
# visits every pane, settles and reads its own /proc/self VmRSS and Pss; bare_window reads its
# own the same way 500 ms after its first paint. Prints one JSON line:
#   {"bench":"memory_signed_in","platform":"xcb","runs":5,"console_rss_kb":{"min":…,"median":…,
#    "max":…},"bare_rss_kb":{…},"console_pss_kb":{…},"bare_pss_kb":{…},"ratio_rss_median":…,
#    "ratio_pss_median":…}
#   bench_memory.sh PATH/TO/plexe-sandbox PATH/TO/console_driver PATH/TO/bare_window [runs]
set -eu
usage="usage: bench_memory.sh PATH/TO/plexe-sandbox PATH/TO/console_driver PATH/TO/bare_window [runs]"
sandbox=${1:?$usage}
driver=${2:?$usage}
bare=${3:?$usage}
runs=${4:-5}

bench_name=memory
. "$(dirname "$0")/sandbox-common.sh"

"$sandbox" seed --data "$tmp/data" >"$tmp/seed.txt" 2>"$tmp/seed.err" ||
    { echo "bench: seed failed: $(cat "$tmp/seed.err")" >&2; exit 1; }
email=$(sed -n 's/^email:[[:space:]]*//p' "$tmp/seed.txt" | head -n 1)
password=$(sed -n 's/^password:[[:space:]]*//p' "$tmp/seed.txt" | head -n 1)
[ -n "$email" ] && [ -n "$password" ] || { echo "bench: seed printed no email/password" >&2; exit 1; }
start_sandbox "$sandbox"

i=0
while [ $i -lt "$runs" ]; do
    printf '%s\n%s\n' "$email" "$password" | "$driver" "$url" "$ca" >>"$tmp/console" ||
        { echo "bench: console run $i could not measure" >&2; exit 1; }
    "$bare" --memory 500 >>"$tmp/bare" 2>/dev/null ||
        { echo "bench: bare_window run $i could not measure" >&2; exit 1; }
    i=$((i + 1))
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf '{"bench":"memory_signed_in","platform":"%s","runs":%s,' "${QT_QPA_PLATFORM:-default}" "$runs"
printf '"console_rss_kb":%s,"bare_rss_kb":%s,"console_pss_kb":%s,"bare_pss_kb":%s,' \
    "$(field rss_kb <"$tmp/console" | figures)" "$(field rss_kb <"$tmp/bare" | figures)" \
    "$(field pss_kb <"$tmp/console" | figures)" "$(field pss_kb <"$tmp/bare" | figures)"
printf '"ratio_rss_median":%s,"ratio_pss_median":%s}\n' \
    "$(ratio "$(field rss_kb <"$tmp/console" | median)" "$(field rss_kb <"$tmp/bare" | median)")" \
    "$(ratio "$(field pss_kb <"$tmp/console" | median)" "$(field pss_kb <"$tmp/bare" | median)")"
