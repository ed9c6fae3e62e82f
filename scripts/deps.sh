#!/bin/sh
# Installs the Debian packages Taimako needs, when run as root; otherwise
# prints the exact apt-get line and fails. Usage: deps.sh run|check|fuzz
#   run:   what building and running needs
#   check: that plus the test tools
#   fuzz:  what building needs plus clang and its libFuzzer runtime
set -eu
run_pkgs="build-essential pkg-config gettext libncurses-dev libsqlite3-dev libcrypt-dev libutf8proc-dev libcsv-dev nettle-dev zlib1g-dev"
test_pkgs="libcmocka-dev libvterm-dev cppcheck"
case "${1:-run}" in
	run) pkgs=$run_pkgs ;;
	check) pkgs="$run_pkgs $test_pkgs" ;;
	fuzz) pkgs="$run_pkgs clang libclang-rt-dev" ;;
	*) echo "usage: $0 run|check|fuzz" >&2; exit 2 ;;
esac

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "Missing packages:$missing (install their equivalents for your system)" >&2
	exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "Missing packages. Install them with:" >&2
	echo "  sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
