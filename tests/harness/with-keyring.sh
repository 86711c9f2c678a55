#!/bin/sh
# Inside a private D-Bus session: start gnome-keyring's Secret Service with a fresh login
# keyring, unlocked by a (non-empty) password on stdin, run the command, then stop the daemon.
# The daemon runs in the foreground of this script (not --daemonize) so that its PID is known
# and nothing outlives the test.
set -eu
printf '%s' 'plexe-harness-keyring' \
    | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
keyring_pid=$!
stop_keyring() { kill "$keyring_pid" 2>/dev/null || true; wait "$keyring_pid" 2>/dev/null || true; }
trap stop_keyring EXIT

# Wait until the daemon owns the Secret Service name, so that D-Bus does not auto-start a
# second, locked one for the test's first request.
owned=0
for _ in $(seq 1 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
        | grep -q 'boolean true'; then
        owned=1
        break
    fi
    kill -0 "$keyring_pid" 2>/dev/null || break
    sleep 0.05
done
if [ "$owned" != 1 ]; then
    echo "with-keyring.sh: gnome-keyring-daemon did not start" >&2
    exit 1
fi

status=0
"$@" || status=$?
exit "$status"
