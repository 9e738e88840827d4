#!/usr/bin/env bash
# `make bench`: makes the benchmark media once, then runs every benchmark.
# Each prints JSON; together they are the figures quoted in docs/benchmarks.md.
set -euo pipefail
build=${1:-build}
media="$build/bench-media"
mkdir -p "$media"
clip="$media/clip-1080p30.mp4"
if [ ! -s "$clip" ]; then
  # 10 s of 1080p30 H.264 with sound: moving test pattern with grain, so the
  # encoder works as hard as on real footage.
  ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=s=1920x1080:r=30:d=10,noise=alls=12:allf=t" \
    -f lavfi -i "sine=f=440:r=48000:d=10" -c:v libx264 -preset veryfast -crf 20 -g 60 \
    -c:a aac -ac 2 -shortest "$media/.tmp.mp4"
  mv "$media/.tmp.mp4" "$clip"
fi
echo "== engine: export vs ffmpeg, ping, render_frame"
"$build/tests/bench/entropic-engine-bench" "$clip"
if [ -x "$build/tests/bench/entropic-effects-bench" ]; then
  echo "== effects: ms per 1080p frame at defaults, 1 and 2 threads"
  "$build/tests/bench/entropic-effects-bench"
fi
if [ -x "$build/tests/bench/entropic-jpeg-bench" ]; then
  echo "== jpeg: Q95 encode/decode at 1080p"
  "$build/tests/bench/entropic-jpeg-bench"
fi
if [ -x "$build/tests/bench/entropic-editor-bench" ]; then
  echo "== editor: launch to first frame, parameter change to painted frame, memory"
  "$build/tests/bench/entropic-editor-bench" "$clip"
fi
