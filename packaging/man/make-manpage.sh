#!/bin/sh
# Writes a man page from a program's own --help and a hand-written template, so that the
# options the page lists are always the ones the program accepts.
#   make-manpage.sh PROGRAM TEMPLATE OUTPUT
# In TEMPLATE (roff), @VERSION@ becomes the program's --version line, @SYNOPSIS@ the usage line
# of --help, @SUMMARY@ the description paragraph of --help, and @HELP_SECTIONS@ one section per
# list of --help (COMMANDS, OPTIONS, ARGUMENTS), each entry a tagged paragraph.
set -eu
[ $# -eq 3 ] || { echo "usage: make-manpage.sh PROGRAM TEMPLATE OUTPUT" >&2; exit 2; }
program=$1 template=$2 output=$3
name=$(basename "$program")
# English whatever the build machine's locale, and no display needed (--help is answered first).
help=$(LC_ALL=C.UTF-8 LANGUAGE= QT_QPA_PLATFORM=offscreen "$program" --help)
version=$(LC_ALL=C.UTF-8 LANGUAGE= QT_QPA_PLATFORM=offscreen "$program" --version)

# --help as QCommandLineParser prints it: "Usage: PATH [options] ...", the description up to a
# blank line, then "Commands:", "Options:" and "Arguments:" lists whose entries start with two
# spaces, the term, two or more spaces and the text (continued on deeper-indented lines).
sections=$(printf '%s\n' "$help" | awk '
function esc(s) {
    gsub(/\\/, "\\e", s)
    gsub(/-/, "\\-", s)
    return s
}
function line(s) {
    # A roff request starts with a dot or an apostrophe: keep them as text.
    if (s ~ /^[.'"'"']/) s = "\\&" s
    return s
}
function flush() {
    if (term != "") { print ".TP"; print ".B " esc(term); print line(esc(text)) }
    term = ""; text = ""
}
/^Usage: / { next }
/^(Commands|Options|Arguments):$/ {
    flush()
    header = toupper(substr($0, 1, length($0) - 1))
    print ".SH " header
    inlist = 1
    next
}
!inlist { next }
/^$/ { flush(); next }
/^  [^ ]/ {
    flush()
    entry = substr($0, 3)
    split_at = match(entry, /  +/)
    if (split_at) { term = substr(entry, 1, split_at - 1); text = substr(entry, split_at + RLENGTH) }
    else { term = entry; text = "" }
    next
}
/^   +/ { sub(/^ +/, ""); text = (text == "" ? $0 : text " " $0); next }
END { flush() }
')
synopsis=$(printf '%s\n' "$help" | sed -n 's/^Usage: [^ ]*//p' | head -n 1)
synopsis=$(printf '.B %s\n%s' "$name" "$(printf '%s' "$synopsis" | sed 's/^ //; s/-/\\-/g')")
summary=$(printf '%s\n' "$help" | awk 'NR == 1 { next } /^$/ { exit } { print }' |
          sed 's/\\/\\e/g; s/^\([.'"'"']\)/\\\&\1/; s/--/\\-\\-/g')

tmp="$output.tmp"
# Through the environment, not awk -v, which would eat the backslashes of the roff escapes.
VERSION=$version SYNOPSIS=$synopsis SUMMARY=$summary SECTIONS=$sections awk '
{
    if ($0 == "@SYNOPSIS@") { print ENVIRON["SYNOPSIS"]; next }
    if ($0 == "@SUMMARY@") { print ENVIRON["SUMMARY"]; next }
    if ($0 == "@HELP_SECTIONS@") { print ENVIRON["SECTIONS"]; next }
    i = index($0, "@VERSION@")
    if (i) $0 = substr($0, 1, i - 1) ENVIRON["VERSION"] substr($0, i + 9)
    print
}' "$template" >"$tmp"
mv "$tmp" "$output"
