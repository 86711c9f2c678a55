#!/bin/sh
# run-fuzzer.sh FUZZER CORPUS SECONDS: fuzz for a bounded time from a scratch copy of the corpus
# (the checked-in corpus is never modified by CI). A crash fails the test and leaves the input
# in the scratch folder, whose path is printed.
set -eu
fuzzer=$1 corpus=$2 seconds=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/plexe-fuzz.XXXXXX")
cp -r "$corpus/." "$work/"
echo "fuzzing $(basename "$fuzzer") for ${seconds}s in $work"
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/" \
    -print_final_stats=1 "$work"
rm -rf "$work"
