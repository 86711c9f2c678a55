#!/bin/sh
# CI grep (security.md D24, D28, B12): shipped code must not disable TLS verification, enable
# QtKeychain's plaintext fallback or cache API answers on disk.
#   forbidden-apis.sh <source root>   fails (exit 1) listing every hit in app/ ui/ sandbox/
#   forbidden-apis.sh --self-test     proves that each pattern, and each variant, is caught
set -eu

# Extended regular expressions, one a line. Spacing and line breaks inside a call do not hide
# it: the scan also reads each file with its whitespace removed.
PATTERNS='ignoreSslErrors
VerifyNone
QueryPeer
setPeerVerifyMode
setInsecureFallback\(true\)
setInsecureFallback\(!?(1|!0|!false)\)
QNetworkDiskCache'

# Variants the self-test plants; each must be refused.
VARIANTS='x.ignoreSslErrors();
s.setPeerVerifyMode(QSslSocket::VerifyNone);
s.setPeerVerifyMode(QSslSocket::QueryPeer);
c.setPeerVerifyMode(QSslSocket::PeerVerifyMode(0));
job->setInsecureFallback(true);
job->setInsecureFallback( true );
job->setInsecureFallback (true) ;
job->setInsecureFallback(	true	);
job->setInsecureFallback(1);
job->setInsecureFallback(!false);
QNetworkDiskCache cache;'

files_in() {
    find "$1" -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.hpp' -o -name '*.cc' \)
}

scan() {
    root=$1
    status=0
    for dir in app ui sandbox; do
        [ -d "$root/$dir" ] || continue
        for file in $(files_in "$root/$dir"); do
            squeezed=$(tr -d ' \t\r\n' < "$file")
            echo "$PATTERNS" | while IFS= read -r pattern; do
                if printf '%s' "$squeezed" | grep -qE -e "$pattern"; then
                    echo "forbidden: '$pattern' in $file" >&2
                    grep -nE -e "$(printf '%s' "$pattern" | cut -c1-20)" "$file" >&2 || true
                    exit 1
                fi
            done || status=1
        done
    done
    return $status
}

if [ "${1:-}" = "--self-test" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/app/x"
    echo 'int ok() { job->setInsecureFallback(false); return 0; }' > "$tmp/app/x/ok.cpp"
    scan "$tmp" || { echo "self-test: a clean tree was refused" >&2; exit 1; }
    echo "$VARIANTS" | while IFS= read -r variant; do
        for dir in app ui sandbox; do
            rm -rf "$tmp/app" "$tmp/ui" "$tmp/sandbox"
            mkdir -p "$tmp/$dir/sub"
            printf 'void f() {\n    %s\n}\n' "$variant" > "$tmp/$dir/sub/planted.cpp"
            if scan "$tmp" >/dev/null 2>&1; then
                echo "self-test: '$variant' in $dir/ was not caught" >&2
                exit 1
            fi
        done
    done
    echo "self-test passed"
    exit 0
fi

scan "${1:?usage: forbidden-apis.sh <source root> | --self-test}"
echo "no forbidden APIs in app/ ui/ sandbox/"
