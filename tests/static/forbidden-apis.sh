#!/bin/sh
# CI grep (security.md D24, D28, B12): shipped code must not disable TLS verification, enable
# QtKeychain's plaintext fallback or cache API answers on disk.
#   forbidden-apis.sh <source root>   fails (exit 1) listing every hit in app/ ui/ sandbox/
#   forbidden-apis.sh --self-test     proves that each pattern is caught
set -eu

PATTERNS='ignoreSslErrors
VerifyNone
setInsecureFallback(true)
QNetworkDiskCache'

scan() {
    root=$1
    status=0
    for dir in app ui sandbox; do
        [ -d "$root/$dir" ] || continue
        echo "$PATTERNS" | while IFS= read -r pattern; do
            if grep -rnF --include='*.cpp' --include='*.h' --include='*.hpp' --include='*.cc' \
                -e "$pattern" "$root/$dir"; then
                echo "forbidden: '$pattern' in $dir/" >&2
                exit 1
            fi
        done || status=1
    done
    return $status
}

if [ "${1:-}" = "--self-test" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/app/x"
    echo 'int ok() { return 0; }' > "$tmp/app/x/ok.cpp"
    scan "$tmp" || { echo "self-test: a clean tree was refused" >&2; exit 1; }
    echo "$PATTERNS" | while IFS= read -r pattern; do
        for dir in app ui sandbox; do
            rm -rf "$tmp/app" "$tmp/ui" "$tmp/sandbox"
            mkdir -p "$tmp/$dir/sub"
            printf 'void f() { x.%s; }\n' "$pattern" > "$tmp/$dir/sub/planted.cpp"
            if scan "$tmp" >/dev/null 2>&1; then
                echo "self-test: '$pattern' in $dir/ was not caught" >&2
                exit 1
            fi
        done
    done
    echo "self-test passed"
    exit 0
fi

scan "${1:?usage: forbidden-apis.sh <source root> | --self-test}"
echo "no forbidden APIs in app/ ui/ sandbox/"
