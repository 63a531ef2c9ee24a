#!/usr/bin/env bash
# Makes sure the en_US.UTF-8 locale exists (Debian), so that LANG=en_US.UTF-8
# gives Fyne a language and perl/apt print no locale warnings. Harmless when it
# cannot: Go reads LANG itself and does not need the locale files.
set -uo pipefail
if locale -a 2>/dev/null | grep -qiE '^en_US\.utf-?8$'; then
	exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "locale.sh: no en_US.UTF-8 locale here (harmless; Fyne reads LANG itself)"
	exit 0
fi
if ! command -v localedef >/dev/null 2>&1 || [ ! -e /usr/share/i18n/locales/en_US ]; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends locales >/dev/null 2>&1 ||
		{ apt-get update -qq >/dev/null 2>&1 &&
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends locales >/dev/null 2>&1; } ||
		{ echo "locale.sh: could not install the locales package (harmless)"; exit 0; }
fi
if [ -f /etc/locale.gen ] && grep -qE '^#? *en_US.UTF-8 UTF-8' /etc/locale.gen; then
	sed -i -E 's/^# *(en_US.UTF-8 UTF-8)/\1/' /etc/locale.gen
fi
if localedef -i en_US -c -f UTF-8 -A /usr/share/locale/locale.alias en_US.UTF-8 2>/dev/null; then
	echo "locale.sh: made the en_US.UTF-8 locale"
else
	echo "locale.sh: could not make the en_US.UTF-8 locale (harmless)"
fi
exit 0
