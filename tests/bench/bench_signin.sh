#!/bin/sh
# Benchmark: password sign-in, click to populated window, on the sandbox (engineering.md: <= 300
# ms on loopback). RUNS times, each in a new console_driver process (the console's composition,
# signed out at the end, so each run is a first sign-in with a new TLS connection), then the same
# two requests RUNS times with curl to get the server's own share. Prints one JSON line:
#   {"bench":"signin_password","runs":10,"click_to_shown_ms":{"min":…,"median":…,"max":…},
#    "click_to_painted_ms":{…},"client":{"login_call_ms":…,"user_call_ms":…,"rest_ms":…,
#    "keychain_save_ms":…},"server":{"login_ms":{…},"user_ms":…,"tls_handshake_ms":…}}
# (single figures are medians)
# client.*_call_ms: each call as the console times it (request to decoded answer; the login
# call includes the TLS handshake); rest_ms: shown - login call - user call, per run (the
# click, starting the session, showing the workspace); keychain_save_ms: "signed in" to the
# keychain's answer, which runs beside GET /auth/user. server.*: curl's time_starttransfer -
# time_pretransfer (the server's answer time; the PBKDF2 of the password is in login_ms).
#   bench_signin.sh PATH/TO/plexe-sandbox PATH/TO/console_driver [runs]
set -eu
sandbox=${1:?usage: bench_signin.sh PATH/TO/plexe-sandbox PATH/TO/console_driver [runs]}
driver=${2:?usage: bench_signin.sh PATH/TO/plexe-sandbox PATH/TO/console_driver [runs]}
runs=${3:-10}

bench_name=signin
. "$(dirname "$0")/sandbox-common.sh"

"$sandbox" seed --data "$tmp/data" >"$tmp/seed.txt" 2>"$tmp/seed.err" ||
    { echo "bench: seed failed: $(cat "$tmp/seed.err")" >&2; exit 1; }
email=$(sed -n 's/^email:[[:space:]]*//p' "$tmp/seed.txt" | head -n 1)
password=$(sed -n 's/^password:[[:space:]]*//p' "$tmp/seed.txt" | head -n 1)
[ -n "$email" ] && [ -n "$password" ] || { echo "bench: seed printed no email/password" >&2; exit 1; }
start_sandbox "$sandbox"

i=0
while [ $i -lt "$runs" ]; do
    printf '%s\n%s\n' "$email" "$password" | "$driver" "$url" "$ca" >>"$tmp/runs" ||
        { echo "bench: run $i could not measure" >&2; exit 1; }
    i=$((i + 1))
done

# The same requests with curl; the password and token reach it through files, never argv.
case "$password$email" in *'"'* | *'\'*) echo "bench: credentials need JSON escaping" >&2; exit 1 ;; esac
printf '{"email":"%s","password":"%s"}' "$email" "$password" >"$tmp/login.json"
chmod 600 "$tmp/login.json"
i=0
while [ $i -lt "$runs" ]; do
    curl -sS --cacert "$ca" -H 'Content-Type: application/json' --data-binary @"$tmp/login.json" \
        -o "$tmp/answer" -w '%{http_code} %{time_pretransfer} %{time_starttransfer} %{time_connect} %{time_appconnect}\n' \
        "$url/auth/login" >>"$tmp/login.times"
    token=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' "$tmp/answer")
    [ -n "$token" ] || { echo "bench: curl sign-in failed: $(tail -n 1 "$tmp/login.times")" >&2; exit 1; }
    printf 'Authorization: Bearer %s\n' "$token" >"$tmp/header"
    curl -sS --cacert "$ca" -H @"$tmp/header" -o /dev/null \
        -w '%{http_code} %{time_pretransfer} %{time_starttransfer}\n' "$url/auth/user" >>"$tmp/user.times"
    i=$((i + 1))
done
grep -qv '^200 ' "$tmp/login.times" "$tmp/user.times" && { echo "bench: a curl request failed" >&2; exit 1; }
server() { awk '{ printf "%.3f\n", ($3 - $2) * 1000 }' "$1"; }

runs_of() { field "$1" <"$tmp/runs"; }
rest=$(awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
              print v["shown_ms"] - v["login_call_ms"] - v["user_call_ms"] }' "$tmp/runs" | median)
save=$(awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
              if (v["saved_ms"] >= 0) print v["saved_ms"] - v["signed_in_ms"] }' "$tmp/runs" | median)
printf '{"bench":"signin_password","platform":"%s","runs":%s,"click_to_shown_ms":%s,"click_to_painted_ms":%s,' \
    "${QT_QPA_PLATFORM:-default}" "$runs" "$(runs_of shown_ms | figures)" "$(runs_of painted_ms | figures)"
printf '"client":{"login_call_ms":%s,"user_call_ms":%s,"rest_ms":%s,"keychain_save_ms":%s},' \
    "$(runs_of login_call_ms | median)" "$(runs_of user_call_ms | median)" "$rest" "$save"
printf '"server":{"login_ms":%s,"user_ms":%s,"tls_handshake_ms":%s}}\n' \
    "$(server "$tmp/login.times" | figures)" "$(server "$tmp/user.times" | median)" \
    "$(awk '{ printf "%.3f\n", ($5 - $4) * 1000 }' "$tmp/login.times" | median)"
