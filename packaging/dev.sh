#!/usr/bin/env bash
# Plexe Console developer script. On a fresh Debian 12 machine (as root, or with sudo):
#   packaging/dev.sh run    install what is missing, build, and open the console on its bundled
#                           sandbox with demo data (plexe-console --sandbox)
#   packaging/dev.sh test   install what is missing, build, and run the whole test suite headless
#                           (format check, sanitizer build + ctest, ThreadSanitizer build + the
#                           tests labelled tsan, fuzzing, release build + ctest)
#   packaging/dev.sh package  install what is missing, build, and make the Debian package
#                           build/dev/plexe-console_<version>_<arch>.deb (cpack -G DEB)
#   packaging/dev.sh deps   only install what is missing
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=$(nproc 2>/dev/null || echo 2)
# ccache keyed on paths relative to the checkout, so that a fresh clone (as CI makes) reuses
# what an earlier build of the same sources compiled. Debug info may then name the other clone.
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1

# Debian packages, by purpose. Keep in step with docs and engineering.md.
build_pkgs=(cmake ninja-build g++ pkg-config ccache clang-format)
# qt6-l10n-tools + qt6-tools-dev: lupdate/lrelease and their CMake functions (Qt6LinguistTools)
# for the translations compiled into the console;
# librsvg2-bin: rsvg-convert renders the PNG icons of the package from the SVG at build time.
console_pkgs=(qt6-base-dev qt6-base-dev-tools libqt6svg6 qtkeychain-qt6-dev libssl-dev libgl-dev
              qt6-l10n-tools qt6-tools-dev librsvg2-bin)
sandbox_pkgs=(libcpp-httplib-dev libsqlite3-dev)
# xclip: the secret clipboard test reads the clipboard from a second process.
test_pkgs=(xvfb xauth dbus gnome-keyring libsecret-tools wrk curl procps valgrind xclip)
# The real-browser test (tests/e2e/): Debian's Chromium driven by playwright-core from npm,
# xdotool to click the console's real window, xprop to read its title.
e2e_pkgs=(chromium nodejs xdotool x11-utils)
# clang-14 and its runtimes: the libFuzzer and the ThreadSanitizer builds.
fuzz_pkgs=(clang-14 libclang-rt-14-dev)
# The Debian package and its checks (ctest label `packaging`): cpack's shlibdeps (dpkg-dev, file),
# lintian, desktop-file-validate, appstreamcli, man (man-db) for the man page check, and Qt's own
# German translations (qtbase_de.qm) that the German GUI test and the package recommend.
package_pkgs=(dpkg-dev file lintian desktop-file-utils appstream man-db
              qt6-translations-l10n)

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
    local missing=()
    local p
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "dev.sh: installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

# Debian's nodejs ships npm as a package of its own; other nodejs builds (NodeSource) include
# it and conflict with Debian's npm, so it is only installed when there is no npm command.
install_e2e() {
    install_missing "${e2e_pkgs[@]}"
    command -v npm >/dev/null || install_missing npm
    # playwright-core only (no browser download: it drives /usr/bin/chromium), pinned by the
    # lock file into tests/e2e/node_modules.
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

configure_and_build() {
    local preset=$1
    cmake --preset "$preset" -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
    cmake --build --preset "$preset" -j "$jobs"
}

check_format() {
    local files
    files=$(git ls-files -- '*.cpp' '*.h' 2>/dev/null || find app ui sandbox tests -name '*.cpp' -o -name '*.h')
    # shellcheck disable=SC2086
    clang-format --dry-run --Werror $files
    echo "dev.sh: clang-format check passed"
}

cmd_run() {
    install_missing "${build_pkgs[@]}" "${console_pkgs[@]}" "${sandbox_pkgs[@]}" xvfb xauth
    configure_and_build dev
    # --sandbox starts the bundled plexe-sandbox (seeded on first use under the user's data
    # folder), shows its demo accounts on the sign-in page, and stops it when the console quits.
    local console=(build/dev/app/plexe-console --sandbox)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "dev.sh: no display; starting the console under Xvfb (DISPLAY from xvfb-run)"
        xvfb-run -a -s "-screen 0 1280x900x24" "${console[@]}"
    else
        "${console[@]}"
    fi
}

# The suite's four build trees take about 2.7 GB (sanitizer 0.9, thread sanitizer 0.07, fuzz
# 0.25, release 1.5) and ccache up to its 5 GB limit. A full disk shows up as a linker failure deep in the build, so
# say it first, with the figures.
check_disk_space() {
    local need_kb=$((3 * 1024 * 1024)) free_kb
    free_kb=$(df -Pk "$root" | awk 'NR == 2 { print $4 }')
    if [ "$free_kb" -lt "$need_kb" ]; then
        echo "dev.sh: warning: $((free_kb / 1024)) MB free on the disk of $root;" \
             "the test builds need about 3000 MB (plus ccache's cache)" >&2
    fi
}

cmd_test() {
    check_disk_space
    install_missing "${build_pkgs[@]}" "${console_pkgs[@]}" "${sandbox_pkgs[@]}" \
        "${test_pkgs[@]}" "${fuzz_pkgs[@]}" "${package_pkgs[@]}"
    install_e2e
    check_format
    # Sanitizers first, so that the last lines printed are the release suite's ctest summary.
    configure_and_build asan
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --preset asan -j "$jobs" --label-exclude bench
    # ThreadSanitizer (clang-14): only the tests labelled tsan, the worker-thread code of
    # app/logs and app/session (the preset builds the target tsan-tests and nothing else).
    configure_and_build tsan
    ctest --preset tsan -j "$jobs"
    # libFuzzer (clang-14): only the fuzz targets are built; each fuzzes for a bounded time.
    cmake --preset fuzz -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
    cmake --build --preset fuzz -j "$jobs" --target fuzzers
    ctest --preset fuzz -j "$jobs" -L fuzz
    configure_and_build dev
    ctest --preset dev -j "$jobs" --label-exclude bench
}

# The package is made from the dev (RelWithDebInfo, stripped by CPack) tree, as ctest's packaging
# tests make theirs (tests/packaging/package-check.sh build).
cmd_package() {
    install_missing "${build_pkgs[@]}" "${console_pkgs[@]}" "${sandbox_pkgs[@]}" \
        "${package_pkgs[@]}"
    configure_and_build dev
    (cd build/dev && cpack -G DEB >/dev/null)
    ls "$root"/build/dev/plexe-console_*.deb
}

case "${1:-}" in
    run) cmd_run ;;
    test) cmd_test ;;
    package) cmd_package ;;
    deps) install_missing "${build_pkgs[@]}" "${console_pkgs[@]}" "${sandbox_pkgs[@]}" \
              "${test_pkgs[@]}" "${fuzz_pkgs[@]}" "${package_pkgs[@]}"
          install_e2e ;;
    *) echo "usage: packaging/dev.sh run|test|package|deps" >&2; exit 2 ;;
esac
