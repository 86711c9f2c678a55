#!/bin/bash
# Real-browser sign-in, end to end (issue 9): `plexe-console --sandbox` on Xvfb with the
# harness' Secret Service; keyboard input through xdotool (XTEST, as a person types) starts the
# sign-in; browser.mjs, as $BROWSER, drives Debian's Chromium on the sandbox's page; the console
# must end up signed in, seen from outside (its log and its X window title). Then the canary
# grep, and a check that no process of the test is left.
#   tests/harness/isolate.sh --xvfb -- tests/e2e/signin.sh github|password PLEXE_CONSOLE
# github:   "Continue with GitHub", the sandbox's GitHub stand-in, the OAuth-only demo account
# password: "Continue in browser", the sandbox's page, the demo account's email and password
set -euo pipefail

scenario=${1:?scenario: github or password}
console=${2:?path to plexe-console}
here=$(cd "$(dirname "$0")" && pwd)
tmp=${PLEXE_TEST_TMP:?run through tests/harness/isolate.sh --xvfb}
state=$tmp/e2e # logs, pid files; outside HOME, grepped too
mkdir -p "$state"
log=$state/console.log
data=$XDG_DATA_HOME/Plexe/plexe-console/sandbox
console_pid=""
failed=0

say() { echo "signin.sh [$scenario]: $*"; }
fail() {
    say "FAIL: $*"
    failed=1
    exit 1
}

# A missing tool is a failure, never a skip: dev.sh installs all of these.
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing (bash packaging/dev.sh deps)"
[ -d "$here/node_modules/playwright-core" ] ||
    fail "playwright-core is missing in tests/e2e (bash packaging/dev.sh deps)"
for tool in node xdotool xprop secret-tool; do
    command -v "$tool" >/dev/null || fail "$tool is missing (bash packaging/dev.sh deps)"
done
case "$scenario" in
    github) tabs=4 ;;   # email → password → Show → (Sign in, disabled) → Google → GitHub
    password) tabs=5 ;; # … → GitHub → Continue in browser
    *) fail "unknown scenario $scenario" ;;
esac

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
    local seconds=$1
    shift
    local end=$((SECONDS + seconds))
    until "$@"; do
        [ "$SECONDS" -lt "$end" ] || return 1
        sleep 0.2
    done
}
logged() { grep -qF -- "$1" "$log"; }
alive() { [ -n "$console_pid" ] && kill -0 "$console_pid" 2>/dev/null; }
console_gone() { ! alive; }
browser_gone() { ! kill -0 "$(cat "$state/browser.pid")" 2>/dev/null; }
# The sandbox child and Chromium both carry a path under $tmp on their command lines.
nothing_left() { [ -z "$(pgrep -f -- "$tmp")" ]; }

# Ends the console like a session manager would (SIGTERM: it quits through its event loop and
# stops the sandbox child), then makes sure nothing of the test is still running.
stop_all() {
    local status=$?
    if alive; then
        kill -TERM "$console_pid"
        wait_for 10 console_gone || { say "the console ignored SIGTERM"; kill -KILL "$console_pid"; status=1; }
    fi
    # The driver closes Chromium after its verdict; on a loaded machine that takes seconds.
    if [ -f "$state/browser.pid" ] && ! wait_for 20 browser_gone; then
        say "the browser driver was still running"
        kill -TERM "$(cat "$state/browser.pid")" 2>/dev/null || true
        status=1
    fi
    local left
    if ! wait_for 5 nothing_left; then
        left=$(pgrep -a -f -- "$tmp" || true)
        say "processes left behind:"
        echo "$left"
        pkill -KILL -f -- "$tmp" || true
        status=1
    fi
    if [ "$status" != 0 ] || [ "$failed" != 0 ]; then
        say "console log (tail):"
        tail -n 40 "$log" 2>/dev/null || true
        status=1
    fi
    exit "$status"
}
trap stop_all EXIT
trap 'exit 1' INT TERM

# PATH: the xdg-open stand-in (see bin/xdg-open for why Qt would not reach $BROWSER otherwise).
# plexe.*=true: every level of the console's own categories, debug included, so that the canary
# grep also covers what it logs at debug level (security.md E31).
PATH="$here/bin:$PATH" BROWSER="$here/browser.mjs" PLEXE_E2E_SCENARIO="$scenario" \
    PLEXE_E2E_STATE_DIR="$state" QT_LOGGING_RULES='plexe.*=true' \
    "$console" --sandbox >"$log" 2>&1 &
console_pid=$!

wait_for 40 logged 'sign-in page shown' || fail "the sign-in page was not shown"
window=$(xdotool search --name '^Plexe Console — Sign in$' | head -n 1)
[ -n "$window" ] || fail "no window titled 'Plexe Console — Sign in'"
say "window $window; typing $tabs × Tab, then Space"
# No window manager on Xvfb: give the window the input focus ourselves, then type for real.
xdotool windowfocus --sync "$window"
sleep 0.5
for _ in $(seq "$tabs"); do xdotool key --delay 150 Tab; done
xdotool key --delay 150 space

# Either the console gets there, or the driver says why it could not (no need to wait it out).
settled() { logged 'workspace shown' || logged 'browser.mjs: failed'; }
wait_for 60 settled || fail "the console did not reach the workspace"
logged 'workspace shown' || fail "the browser driver failed"
wait_for 15 logged 'browser.mjs: done' || fail "the browser driver did not finish"

field() { sed -n "s/^$1: *//p" "$data/demo-credentials" | head -n 1; }
if [ "$scenario" = github ]; then email=$(field oauth_email); else email=$(field email); fi
title=$(xprop -id "$window" _NET_WM_NAME | sed -n 's/^_NET_WM_NAME(UTF8_STRING) = "\(.*\)"$/\1/p')
say "window title: $title"
[ "$title" = "Plexe Console — $email (Local sandbox)" ] || fail "unexpected window title"

# Canary secrets: every demo password, key and TOTP secret, and the access and refresh tokens
# the console keeps in the keychain (QtKeychain stores them base64-encoded as libsecret items;
# read back from the test's own Secret Service and decoded to the tokens themselves).
canaries=$state/canaries
sed -n 's/^[a-z_]*\(password\|key\|secret\|uri\)[a-z_]*: *//p' "$data/demo-credentials" >"$canaries"
secret-tool search --all xdg:schema org.qt.keychain 2>/dev/null | sed -n 's/^secret = //p' |
    while read -r encoded; do
        printf '%s' "$encoded" | base64 -d 2>/dev/null | grep -E '^plx_(at|rt)_' || true
    done >"$state/tokens"
grep -q '^plx_at_' "$state/tokens" || fail "no access token in the keychain"
grep -q '^plx_rt_' "$state/tokens" || fail "no refresh token in the keychain"
cat "$state/tokens" >>"$canaries"
rm -f "$state/tokens"
# An empty pattern would match every file; every real canary is much longer than this.
awk 'length($0) >= 12' "$canaries" >"$canaries.kept" && mv "$canaries.kept" "$canaries"
say "$(wc -l <"$canaries") canary values, the session's access and refresh tokens included"

# HOME (with Chromium's profile), every XDG folder, the console's stdout/stderr (which also
# holds the driver's): none may hold a canary, except the demo-credentials file, whose job it is.
hits=$(grep -rlF -f "$canaries" "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" \
    "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR" "$log" 2>/dev/null | grep -vxF "$data/demo-credentials" || true)
rm -f "$canaries"
[ -z "$hits" ] || fail "canary secrets found in: $hits"
say "PASS: signed in as $email through the browser; no canary outside demo-credentials"
