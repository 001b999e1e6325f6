#!/bin/sh
# The Debian/Ubuntu packages the test suite and the standalone build need beyond Python:
# the X11 libraries the frozen program bundles, binutils (the build trims Qt's ICU data),
# Xvfb and xdotool (the frozen window is opened on a virtual screen and looked for there),
# the desktop entry validator,
# and PostgreSQL's server binaries (the suite starts a throw-away server of its own; the
# package's own cluster is not used). Installs only what is missing; needs root (or sudo)
# when something is.
set -eu
packages="binutils libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 xvfb xauth xdotool desktop-file-utils"
missing=""
for package in $packages; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done
# Any installed PostgreSQL server will do (Debian keeps each version under its own folder).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
    missing="$missing postgresql"
fi
if [ -z "$missing" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-system-packages: not a Debian-like system; install the equivalents of:$missing" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    run=""
elif command -v sudo >/dev/null 2>&1; then
    run="sudo"
else
    echo "install-system-packages: run as root to install:$missing" >&2
    exit 1
fi
echo "Installing system packages:$missing"
$run env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
