#!/usr/bin/env bash
# Prints one value from FyneApp.toml, the single source of the app's metadata.
#   .ci/appmeta.sh Version            -> 0.1.0   (key in [Details])
#   .ci/appmeta.sh Build              -> 1
#   .ci/appmeta.sh LinuxAndBSD Comment
# Handles the plain `Key = "text"` and `Key = 123` lines this project uses.
set -euo pipefail
if (($# == 1)); then section=Details key=$1; else section=$1 key=$2; fi
file="${APPMETA_FILE:-$(dirname "$0")/../FyneApp.toml}"
value="$(awk -v want="[$section]" -v key="$key" '
	/^[ \t]*\[/ { gsub(/[ \t]/, ""); sec = $0; next }
	sec == want {
		line = $0
		sub(/^[ \t]+/, "", line)
		if (index(line, key) != 1) next
		rest = substr(line, length(key) + 1)
		if (rest !~ /^[ \t]*=/) next
		sub(/^[ \t]*=[ \t]*/, "", rest)
		sub(/[ \t]*(#.*)?$/, "", rest)
		gsub(/^"|"$/, "", rest)
		print rest
		exit
	}' "$file")"
if [ -z "$value" ]; then
	echo "appmeta.sh: no $key in [$section] of $file" >&2
	exit 1
fi
printf '%s\n' "$value"
