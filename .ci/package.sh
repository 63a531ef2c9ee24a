#!/usr/bin/env bash
# Packages Speakeasy with the fyne CLI.      Called by `make package-linux|package-windows`.
#
#   .ci/package.sh linux     -> dist/Speakeasy.tar.xz   (binary, .desktop file, icon, Makefile)
#   .ci/package.sh windows   -> dist/Speakeasy.exe      (GUI exe with icon, manifest, version info)
#   .ci/package.sh darwin    -> dist/Speakeasy.app      (on a Mac only: needs Apple's cgo toolchain)
#   .ci/package.sh clean     removes anything a stopped run left in cmd/speakeasy
#
# `fyne package` reads FyneApp.toml from the source folder (cmd/speakeasy), and it
# adds 1 to Build in that file after every package. The root FyneApp.toml stays the
# single source: this script copies it into cmd/speakeasy for the length of the
# run (with the icon path made relative to there), passes the same values as flags,
# and removes the copy afterwards, so nothing in the repository changes.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

target="${1:-}"
src=cmd/speakeasy
staged="$src/FyneApp.toml"
# fyne rewrites the copy (Build + 1) and drops comments, but keeps [Development],
# so the mark that says "this copy is ours" goes there.
marker='staged_by = ".ci/package.sh"'
ours() { [ -f "$staged" ] && grep -qxF "$marker" "$staged"; }

unstage() {
	if ours; then
		rm -f "$staged"
	fi
	# fyne removes these itself when it finishes; a killed run may leave them.
	rm -f "$src/fyne.syso" "$src/fyne_metadata_init.go" "$src/speakeasy" "$src/speakeasy.exe" "$src/Speakeasy.exe" 2>/dev/null || true
}

case "$target" in
linux | windows | darwin) ;;
clean)
	unstage
	exit 0
	;;
*)
	echo "usage: .ci/package.sh linux|windows|darwin|clean" >&2
	exit 2
	;;
esac

fyne="${FYNE_CLI:-$root/bin/fyne}"
if [ ! -x "$fyne" ]; then
	echo "package.sh: no fyne CLI at $fyne (make fyne-cli installs it)" >&2
	exit 1
fi
if ! ls "$src"/*.go >/dev/null 2>&1; then
	echo "package.sh: no Go code in $src, nothing to package" >&2
	exit 1
fi

meta() { .ci/appmeta.sh "$@"; }
name="$(meta Name)"
id="$(meta ID)"
version="$(meta Version)"
build="$(meta Build)"
icon="$root/$(meta Icon)"
tags=migrated_fynedo,no_emoji

if [ -e "$staged" ] && ! ours; then
	echo "package.sh: $staged exists and is not ours; the root FyneApp.toml is the one to edit." >&2
	exit 1
fi
trap unstage EXIT
if grep -q '^[[:space:]]*\[Development\]' FyneApp.toml; then
	echo "package.sh: FyneApp.toml has a [Development] section; teach .ci/package.sh to merge its mark into it." >&2
	exit 1
fi
{
	echo "# A copy of ../../FyneApp.toml made by .ci/package.sh for one run; it removes it."
	sed -E 's|^([[:space:]]*Icon[[:space:]]*=[[:space:]]*")([^"/][^"]*)"|\1../../\2"|' FyneApp.toml
	printf '\n[Development]\n%s\n' "$marker"
} >"$staged"

# fyne moves -ldflags=... from GOFLAGS onto its own go build line, after which
# it adds -s -w (and -H=windowsgui). This is how main.version/main.build get set.
export GOFLAGS="${GOFLAGS:-} -ldflags=-X=main.version=$version -ldflags=-X=main.build=$build"

args=(--target "$target" --src "$root/$src" --icon "$icon" --app-id "$id" --name "$name"
	--app-version "$version" --app-build "$build" --release --tags "$tags")

mkdir -p dist
start=$SECONDS
case "$target" in
linux)
	out="dist/$name.tar.xz"
	rm -f "$out"
	echo "+ (cd dist && fyne package ${args[*]})"
	(cd dist && env -u GOOS -u GOARCH "$fyne" package "${args[@]}")
	[ -f "$out" ] || { echo "package.sh: fyne did not write $out" >&2; exit 1; }
	echo "package.sh: contents of $out:"
	tar -tJvf "$out" | awk '{printf "  %10s  %s\n", $3, $6}'
	;;
windows)
	out="dist/$name.exe"
	rm -f "$out"
	cc="${CC_WINDOWS:-x86_64-w64-mingw32-gcc}"
	command -v "$cc" >/dev/null || { echo "package.sh: no $cc (run .ci/deps.sh --windows)" >&2; exit 1; }
	echo "+ CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$cc fyne package ${args[*]}"
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC="$cc" "$fyne" package "${args[@]}"
	# fyne leaves the renamed exe in the source folder.
	mv -f "$src/$name.exe" "$out"
	kind="$(file -b "$out")"
	echo "package.sh: $out: $kind"
	case "$kind" in
	"PE32+ executable (GUI) x86-64"*) ;;
	*)
		echo "package.sh: $out is not a PE32+ x86-64 GUI executable" >&2
		exit 1
		;;
	esac
	;;
darwin)
	out="dist/$name.app"
	if [ "$(uname -s)" != Darwin ]; then
		echo "package.sh: the macOS package is built on a Mac (see docs/packaging.md)" >&2
		exit 1
	fi
	rm -rf "$out"
	echo "+ (cd dist && fyne package ${args[*]})"
	(cd dist && env -u GOOS "$fyne" package "${args[@]}")
	[ -d "$out" ] || { echo "package.sh: fyne did not write $out" >&2; exit 1; }
	;;
esac

if [ -d "$out" ]; then
	bytes=$(($(du -sk "$out" | cut -f1) * 1024))
else
	bytes="$(wc -c <"$out" | tr -d ' ')"
fi
printf 'package.sh: %s is %s bytes (%s MiB), built in %d s\n' "$out" "$bytes" \
	"$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1048576}')" $((SECONDS - start))
