#!/bin/sh
# Checks of the Debian package (ctest -L packaging). The first builds the package once, into
# OUT; the others take that .deb (a ctest fixture orders them), each in a folder of its own.
#   package-check.sh build BUILD_DIR OUT     cpack -G DEB into OUT
#   package-check.sh contents OUT            the files every install needs are in it
#   package-check.sh desktop OUT             desktop-file-validate on the packaged entry
#   package-check.sh appstream OUT           appstreamcli validate --no-net on the metainfo
#   package-check.sh lintian OUT NOTES       no error; every warning justified in NOTES
#   package-check.sh manpages OUT SRC_DIR    the man pages match the programs' --help
#   package-check.sh run OUT                 the unpacked programs start, and --sandbox too
# A missing tool is a failure: packaging/dev.sh installs every one of them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
step=$1
shift

fail() { echo "FAIL: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null || fail "$1 is not installed (packaging/dev.sh deps installs it)"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/plexe-package.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT INT TERM

the_deb() {
    set -- "$1"/plexe-console_*.deb
    [ -f "$1" ] || fail "no package in $(dirname "$1"): the packaging_build test makes it"
    [ $# -eq 1 ] || fail "more than one package in $(dirname "$1")"
    echo "$1"
}

unpack() {
    need dpkg-deb
    dpkg-deb -x "$(the_deb "$1")" "$work/root"
    echo "$work/root"
}

case "$step" in
build)
    build=$1 out=$2
    need cpack
    need dpkg-shlibdeps
    rm -rf "$out"
    mkdir -p "$out"
    # The build folder is already built (ctest runs after the build); cpack only installs into
    # its staging folder, computes the dependencies and compresses.
    (cd "$build" && cpack -G DEB -B "$out" --config CPackConfig.cmake >"$out/cpack.log" 2>&1) ||
        { cat "$out/cpack.log" >&2; fail "cpack failed"; }
    deb=$(the_deb "$out")
    dpkg-deb --info "$deb"
    ;;
contents)
    deb=$(the_deb "$1")
    dpkg-deb --contents "$deb" | awk '{ print $1, $6 }' >"$work/list"
    cat "$work/list"
    for f in ./usr/bin/plexe-console ./usr/libexec/plexe-console/plexe-sandbox \
             ./usr/share/applications/ai.plexe.Console.desktop \
             ./usr/share/metainfo/ai.plexe.Console.metainfo.xml \
             ./usr/share/icons/hicolor/scalable/apps/ai.plexe.Console.svg \
             ./usr/share/icons/hicolor/48x48/apps/ai.plexe.Console.png \
             ./usr/share/icons/hicolor/256x256/apps/ai.plexe.Console.png \
             ./usr/share/man/man1/plexe-console.1.gz ./usr/share/man/man1/plexe-sandbox.1.gz \
             ./usr/share/doc/plexe-console/copyright \
             ./usr/share/doc/plexe-console/changelog.Debian.gz; do
        grep -q " $f\$" "$work/list" || fail "$f is not in the package"
    done
    grep -q '^-rwxr-xr-x ./usr/bin/plexe-console$' "$work/list" || fail "plexe-console is not 0755"
    # The sandbox is not a command of its own (it would shadow nothing, but it is an internal
    # program of the console).
    if grep -q ' ./usr/bin/plexe-sandbox$' "$work/list"; then fail "plexe-sandbox is on PATH"; fi
    depends=$(dpkg-deb --field "$deb" Depends)
    echo "Depends: $depends"
    for lib in libqt6widgets6 libqt6network6 libqt6keychain1 libssl3 libsqlite3-0 libqt6svg6; do
        echo "$depends" | grep -q "$lib" || fail "Depends lacks $lib (shlibdeps)"
    done
    ;;
desktop)
    need desktop-file-validate
    root=$(unpack "$1")
    out=$(desktop-file-validate "$root/usr/share/applications/ai.plexe.Console.desktop" 2>&1) ||
        fail "desktop-file-validate: $out"
    # Hints too: each one is a real problem of the entry (a second main category, ...).
    [ -z "$out" ] || fail "desktop-file-validate: $out"
    echo "desktop entry valid"
    ;;
appstream)
    need appstreamcli
    root=$(unpack "$1")
    # --no-net: CI has no network; the screenshot URLs are checked for form, not fetched.
    appstreamcli validate --no-net --explain "$root/usr/share/metainfo/ai.plexe.Console.metainfo.xml" ||
        fail "appstreamcli validate"
    ;;
lintian)
    need lintian
    deb=$(the_deb "$1")
    notes=$2
    # lintian exits non-zero on errors with --fail-on error; warnings are compared with NOTES.
    status=0
    lintian --fail-on error --display-level '>=warning' --tag-display-limit 0 "$deb" \
        >"$work/lintian" 2>&1 || status=$?
    cat "$work/lintian"
    [ "$status" = 0 ] || fail "lintian reports errors (status $status)"
    if grep -q '^E: ' "$work/lintian"; then fail "lintian reports errors"; fi
    for tag in $(sed -n 's/^W: [^ ]*: \([^ ]*\).*/\1/p' "$work/lintian" | sort -u); do
        grep -q "\`$tag\`" "$notes" || fail "lintian warning $tag is not justified in $notes"
    done
    echo "lintian: no errors; every warning is justified in $(basename "$notes")"
    ;;
manpages)
    root=$(unpack "$1")
    src=$2
    need man
    for program in usr/bin/plexe-console usr/libexec/plexe-console/plexe-sandbox; do
        name=$(basename "$program")
        page="$root/usr/share/man/man1/$name.1.gz"
        gzip -dc "$page" >"$work/$name.packaged.1"
        # The packaged page is the one the packaged program's --help gives today...
        sh "$src/packaging/man/make-manpage.sh" "$root/$program" \
            "$src/packaging/man/$name.1.in" "$work/$name.fresh.1"
        diff -u "$work/$name.packaged.1" "$work/$name.fresh.1" ||
            fail "$name.1 in the package is not what $name --help gives"
        # ...it names every option of --help...
        LC_ALL=C.UTF-8 "$root/$program" --help >"$work/$name.help"
        for option in $(grep -o -- '^  .*' "$work/$name.help" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
            escaped=$(printf '%s' "$option" | sed 's/-/\\\\-/g')
            grep -q -- "$escaped" "$work/$name.fresh.1" || fail "$name.1 does not name $option"
        done
        # ...and the hand-written text names no option the program no longer has.
        # Options are set in bold (.B/.BR) or on the program's own example command lines; the
        # other commands of the examples (curl) have options of their own.
        escaped_name=$(printf '%s' "$name" | sed 's/-/\\\\-/g')
        for option in $(grep -e '^\.BR\? ' -e "$escaped_name " "$src/packaging/man/$name.1.in" |
                        grep -o '\\-\\-[a-z][a-z\\-]*' | sed 's/\\-/-/g' | sort -u); do
            grep -q -- "$option" "$work/$name.help" ||
                fail "packaging/man/$name.1.in names $option, which $name --help does not know"
        done
        # groff's own warnings (what lintian's groff-message reports).
        LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$work/$name.packaged.1" \
            >"$work/$name.txt" 2>"$work/$name.warnings" || fail "man cannot format $name.1"
        [ ! -s "$work/$name.warnings" ] || { cat "$work/$name.warnings" >&2; fail "groff warns on $name.1"; }
        grep -q 'OPTIONS' "$work/$name.txt" || fail "$name.1 has no OPTIONS section"
        echo "$name.1: in step with --help"
    done
    ;;
run)
    root=$(unpack "$1")
    console="$root/usr/bin/plexe-console"
    sandbox="$root/usr/libexec/plexe-console/plexe-sandbox"
    "$console" --version | grep -qx 'plexe-console [0-9.]*' || fail "plexe-console --version"
    "$sandbox" --version | grep -qx 'plexe-sandbox [0-9.]*' || fail "plexe-sandbox --version"
    echo "versions: $("$console" --version), $("$sandbox" --version)"
    # The unpacked console must find the unpacked sandbox (../libexec/plexe-console/ from its own
    # folder), seed it, start it and show its demo accounts, which it logs.
    QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='plexe.ui.info=true' \
        "$console" --sandbox >"$work/console.log" 2>&1 &
    pid=$!
    shown=0
    for _ in $(seq 1 120); do
        if grep -q 'sign-in page shown: "Local sandbox" demo accounts: 3' "$work/console.log"; then
            shown=1
            break
        fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    child=$(cat /proc/"$pid"/task/*/children 2>/dev/null | tr -s ' ' '\n' | grep . | head -n 1 || true)
    exe=$( [ -n "$child" ] && readlink "/proc/$child/exe" || true)
    args=$( [ -n "$child" ] && tr '\0' ' ' <"/proc/$child/cmdline" || true)
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" || true
    cat "$work/console.log"
    [ "$shown" = 1 ] || fail "plexe-console --sandbox did not show the sandbox's sign-in page"
    [ "$exe" = "$(readlink -f "$sandbox")" ] ||
        fail "the console's child is '$exe', not the unpacked $sandbox"
    case "$args" in *" serve "*) ;; *) fail "the sandbox child is not serving: $args" ;; esac
    for _ in $(seq 1 40); do
        [ -d "/proc/$child" ] || break
        sleep 0.5
    done
    [ ! -d "/proc/$child" ] || fail "the sandbox outlived the console"
    echo "plexe-console --sandbox started $exe ($args) and stopped it on quit"
    ;;
*)
    echo "usage: package-check.sh build|contents|desktop|appstream|lintian|manpages|run ..." >&2
    exit 2
    ;;
esac
