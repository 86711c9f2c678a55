#!/bin/sh
# Fails when a user-visible string has no translation, or when the committed .ts files are not
# what lupdate makes of today's sources (a string added, changed or removed without running
# lupdate). lupdate runs on copies, with the project file and options of the build.
#   check-translations.sh CMAKE LUPDATE PROJECT_CMAKE GENERATOR_CMAKE TS_DIR [LUPDATE OPTIONS...]
# To fix a failure: cmake --build build/dev --target update_translations, translate what it
# marks unfinished (Qt Linguist, or the .ts by hand), commit (packaging/README.md).
set -eu
cmake=$1 lupdate=$2 project=$3 generator=$4 ts_dir=$5
shift 5
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -x "$lupdate" ] || fail "lupdate not found at $lupdate (qt6-l10n-tools; packaging/dev.sh deps)"

work=$(mktemp -d "${TMPDIR:-/tmp}/plexe-ts.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

options="$*"
found=0
for ts in "$ts_dir"/plexe-console_*.ts; do
    [ -f "$ts" ] || continue
    found=1
    name=$(basename "$ts")
    cp "$ts" "$work/$name"
    "$cmake" -DIN_FILE="$project" -DOUT_FILE="$work/project.json" -P "$generator" ||
        fail "cannot make the lupdate project from $project"
    # English is the source language: its file holds only the plural forms (ui/CMakeLists.txt).
    only=""
    [ "$name" = plexe-console_en.ts ] && only=-pluralonly
    # shellcheck disable=SC2086
    "$lupdate" -project "$work/project.json" $options $only -ts "$work/$name" >"$work/lupdate.log" 2>&1 ||
        { cat "$work/lupdate.log" >&2; fail "lupdate failed"; }
    grep -v 'lacks Q_OBJECT\|override TRANSLATIONS' "$work/lupdate.log" || true
    unfinished=$(grep -c 'type="unfinished"' "$work/$name" || true)
    if [ "$unfinished" != 0 ]; then
        # The source texts without a translation, for the log.
        awk '/<source>/ { src = $0 } /type="unfinished"/ { print src }' "$work/$name" |
            sed 's/^ *<source>//; s/<\/source>$//' >&2
        fail "$name: $unfinished string(s) without a translation"
    fi
    cmp -s "$ts" "$work/$name" || {
        diff -u "$ts" "$work/$name" | head -n 60 >&2
        fail "$name is not current: run the update_translations target and commit the result"
    }
    echo "$name: every string translated, file current ($(grep -c '<message' "$ts") strings)"
done
[ "$found" = 1 ] || fail "no plexe-console_*.ts in $ts_dir"
