#!/bin/sh
# Inside a private D-Bus session: start gnome-keyring's Secret Service with a fresh login
# keyring, unlocked by a (non-empty) password on stdin, then run the command.
set -eu
keyring_env=$(printf '%s' 'plexe-harness-keyring' \
    | gnome-keyring-daemon --unlock --components=secrets --daemonize 2>/dev/null) || {
    echo "with-keyring.sh: gnome-keyring-daemon failed to start" >&2
    exit 1
}
# --daemonize may print GNOME_KEYRING_CONTROL=...; pass it on when it does.
if [ -n "$keyring_env" ]; then eval "export $keyring_env"; fi
status=0
"$@" || status=$?
exit "$status"
