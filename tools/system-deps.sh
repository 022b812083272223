#!/bin/sh
# Installs the Debian packages that Qt (offscreen and xcb) and the test suite need, when missing:
# Xvfb and a CJK font for `make screenshots`, espeak-ng for `make voice-clips`, sane-utils for
# scanimage and SANE's test backend (the virtual scanner of tests/scans), desktop-file-utils to
# validate the .deb's desktop entries (tests/packaging), binutils for PyInstaller's strip,
# poppler-utils for pdfsig (an independent check of signed papers, tests/printing), chromium
# and chromium-driver for the back-office page's tests in a real headless browser
# (tests/central_server/test_figures_page.py), and PulseAudio's client libraries, without which QtMultimedia (the camera, the voice) cannot load.
# Runs as part of `make test`; needs root (or does nothing but report) on a machine without them.
set -eu
pkgs="libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0
      libxcb-xkb1 libxcb-shape0 libpulse0 libpulse-mainloop-glib0
      xvfb xauth fonts-wqy-microhei espeak-ng sane-utils desktop-file-utils binutils
      poppler-utils chromium chromium-driver"
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "system-deps: missing Debian packages:$missing (run: sudo apt-get install$missing)" >&2
  exit 1
fi
echo "system-deps: installing$missing"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
