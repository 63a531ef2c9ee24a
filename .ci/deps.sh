#!/usr/bin/env bash
# Installs the system packages that Speakeasy needs to build and test.
#
#   .ci/deps.sh              C compiler and the X11/OpenGL headers (cgo build of Fyne)
#   .ci/deps.sh --e2e        ... plus Xvfb, xdotool, ImageMagick, espeak-ng, openpyxl and PSPP (tests)
#   .ci/deps.sh --windows    ... plus the mingw-w64 cross compiler (Windows package)
#
# On Debian and Ubuntu it asks dpkg which packages are missing and installs only
# those, as root or through sudo. It prints nothing when nothing is missing, so
# every make target can call it. On other systems it says what to install and
# exits 0 when the build tools seem to be there, 1 when they do not.
set -euo pipefail

e2e=0
windows=0
for arg in "$@"; do
	case "$arg" in
	--e2e) e2e=1 ;;
	--windows) windows=1 ;;
	-h | --help)
		sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "deps.sh: unknown option: $arg (use --e2e and/or --windows)" >&2
		exit 2
		;;
	esac
done

# What the cgo build of Fyne needs (GLFW on X11, OpenGL); make runs the build,
# xz-utils lets `fyne package` write the Linux .tar.xz.
base=(gcc pkg-config libgl1-mesa-dev xorg-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev make xz-utils)
# What the end-to-end tests and the screenshots need, and the independent
# readers the tests check Speakeasy's files with (openpyxl for workbooks,
# GNU PSPP for the SPSS codebook).
e2e_pkgs=(xvfb xdotool imagemagick espeak-ng python3-openpyxl pspp poppler-utils)
# What the Windows cross build needs; `file` checks the result.
windows_pkgs=(gcc-mingw-w64-x86-64 file)

want=("${base[@]}")
((e2e)) && want+=("${e2e_pkgs[@]}")
((windows)) && want+=("${windows_pkgs[@]}")

# ---------------------------------------------------------------- not Debian
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg >/dev/null 2>&1; then
	os="$(uname -s 2>/dev/null || echo unknown)"
	case "$os" in
	Darwin)
		if xcode-select -p >/dev/null 2>&1; then
			exit 0
		fi
		cat >&2 <<'MSG'
deps.sh: Speakeasy needs the Xcode command-line tools (a C compiler for cgo).
  Install them with:  xcode-select --install
MSG
		exit 1
		;;
	MINGW* | MSYS* | CYGWIN* | Windows_NT)
		if command -v gcc >/dev/null 2>&1; then
			exit 0
		fi
		cat >&2 <<'MSG'
deps.sh: Speakeasy needs a 64-bit gcc on PATH for cgo, for example:
  - TDM-GCC (tdm-gcc, 64-bit), or
  - MSYS2, then in its shell:  pacman -S mingw-w64-x86_64-gcc
    and add C:\msys64\mingw64\bin to PATH.
MSG
		exit 1
		;;
	*)
		# Another Linux or a BSD: look for the compiler and the headers.
		missing=()
		command -v gcc >/dev/null 2>&1 || command -v cc >/dev/null 2>&1 || missing+=("a C compiler (gcc)")
		if command -v pkg-config >/dev/null 2>&1; then
			for pc in gl x11 xcursor xrandr xinerama xi xxf86vm; do
				pkg-config --exists "$pc" || missing+=("$pc development headers")
			done
		else
			missing+=("pkg-config")
		fi
		if ((e2e)); then
			for cmd in xvfb-run xdotool espeak-ng; do
				command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
			done
		fi
		if ((windows)); then
			command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || missing+=("x86_64-w64-mingw32-gcc (mingw-w64)")
		fi
		if ((${#missing[@]} == 0)); then
			exit 0
		fi
		{
			echo "deps.sh: no apt-get here, so please install these with your package manager:"
			printf '  - %s\n' "${missing[@]}"
			echo "  (Fedora: gcc libXcursor-devel libXrandr-devel mesa-libGL-devel libXi-devel libXinerama-devel libXxf86vm-devel;"
			echo "   Arch: gcc libxcursor libxrandr libxinerama libxi libxxf86vm mesa;"
			echo "   for the end-to-end tests also Xvfb, xdotool, ImageMagick and espeak-ng)"
		} >&2
		exit 1
		;;
	esac
fi

# ---------------------------------------------------------------- Debian
# One dpkg call for all of them: it prints a stanza for each package it knows.
installed="$(dpkg -s "${want[@]}" 2>/dev/null |
	awk '/^Package: /{p=$2} /^Status: install ok installed$/{print p}' || true)"
missing=()
for p in "${want[@]}"; do
	grep -qxF "$p" <<<"$installed" || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null 2>&1; then
	sudo=(sudo)
else
	echo "deps.sh: missing packages: ${missing[*]}" >&2
	echo "deps.sh: run as root, or install sudo, or run: apt-get install ${missing[*]}" >&2
	exit 1
fi

echo "deps.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp -t speakeasy-deps.XXXXXX)"
start=$SECONDS
if ! "${sudo[@]}" apt-get update -qq >"$log" 2>&1 ||
	! "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$log" 2>&1; then
	tail -n 40 "$log" >&2
	echo "deps.sh: apt-get failed (full log: $log)" >&2
	exit 1
fi
rm -f "$log"
echo "deps.sh: installed in $((SECONDS - start)) s"
