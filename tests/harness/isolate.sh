#!/bin/sh
# Runs one test in a world of its own: a temp HOME and XDG folders, a private D-Bus session with
# gnome-keyring unlocked (the real Secret Service), and a display.
#   isolate.sh [--xvfb] [--no-keyring] -- COMMAND [ARGS...]
# --xvfb gives the test a real X server (clipboard, window manager hints); otherwise Qt's
# offscreen platform. The temp folder is exported as PLEXE_TEST_TMP so that a test can grep it
# for canary secrets before it is removed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
use_xvfb=0
use_keyring=1
while [ $# -gt 0 ]; do
    case "$1" in
        --xvfb) use_xvfb=1; shift ;;
        --no-keyring) use_keyring=0; shift ;;
        --) shift; break ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || { echo "isolate.sh: no command given" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/plexe-test.XXXXXX")
# A daemon of the test may still be closing files: retry once, and never let cleanup decide the
# test's result.
cleanup() { rm -rf "$tmp" 2>/dev/null || { sleep 0.2; rm -rf "$tmp" 2>/dev/null; } || true; }
trap cleanup EXIT INT TERM

export PLEXE_TEST_TMP="$tmp"
export HOME="$tmp/home"
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache"
export XDG_STATE_HOME="$tmp/state" XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" \
         "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK || true

if [ "$use_xvfb" = 1 ]; then
    unset WAYLAND_DISPLAY || true
    export QT_QPA_PLATFORM=xcb
    set -- xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" "$@"
else
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
fi

if [ "$use_keyring" = 1 ]; then
    exec_status=0
    dbus-run-session -- sh "$here/with-keyring.sh" "$@" || exec_status=$?
    exit "$exec_status"
else
    status=0
    "$@" || status=$?
    exit "$status"
fi
