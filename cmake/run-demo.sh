#!/usr/bin/env bash
# `make run`: opens the editor on the demo project when there is a display and
# the editor is built; otherwise renders the demo headless and says where.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
demo="$root/resources/demo/demo.entropic"
if [ -x "$build/app/entropic" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$build/app/entropic" "$demo"
fi
if [ -x "$build/app/entropic" ]; then
  echo "entropic: no display (DISPLAY/WAYLAND_DISPLAY unset): rendering the demo headless instead."
else
  echo "entropic: the editor is not part of this build yet: rendering the demo headless."
fi
mkdir -p "$root/out"
out="$root/out/demo.mp4"
"$build/engine/entropic-render" "$demo" -o "$out"
echo "entropic: wrote $out"
