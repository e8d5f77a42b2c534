#!/usr/bin/env bash
# Draws the app icon (installers/signalbench.png, 256x256) and its Windows form (signalbench.ico)
# with ImageMagick (Debian package imagemagick). Run once by hand; the results are committed.
# macOS's .icns is made from the PNG during installers/build.sh on the Mac (sips, iconutil).
set -euo pipefail
cd "$(dirname "$0")"
convert -size 256x256 xc:none \
  -fill '#1f5f8b' -draw 'roundrectangle 8,8 247,247 44,44' \
  -fill '#ffffff' \
  -draw 'roundrectangle 52,160 84,204 6,6' \
  -draw 'roundrectangle 100,124 132,204 6,6' \
  -draw 'roundrectangle 148,88 180,204 6,6' \
  -fill '#f2b134' -draw 'roundrectangle 196,52 228,204 6,6' \
  -strip signalbench.png
convert signalbench.png -define icon:auto-resize=256,48,32,16 signalbench.ico
