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
# 60 s of 1080p30 H.264 at 16 Mbit/s (a phone's rate), lighter grain: what
# playback is measured on. The grainy clip above runs at ~100 Mbit/s, where
# decoding alone takes one of this machine's two cores.
play="$media/clip-1080p30-16mbps-60s.mp4"
if [ ! -s "$play" ]; then
  ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=s=1920x1080:r=30:d=60,noise=alls=4:allf=t" \
    -f lavfi -i "sine=f=440:r=48000:d=60" -c:v libx264 -preset veryfast -b:v 16M -maxrate 16M \
    -bufsize 32M -g 60 -c:a aac -ac 2 -shortest "$media/.tmp.mp4"
  mv "$media/.tmp.mp4" "$play"
fi
# 12 s of 4K30 H.264 at 40 Mbit/s, GOP 60: a phone's default. FFmpeg alone
# decodes it to RGBA at about 60 fps on this machine's two cores.
play4k="$media/clip-4k30-40mbps-12s.mp4"
if [ ! -s "$play4k" ]; then
  ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=s=3840x2160:r=30:d=12,noise=alls=4:allf=t" \
    -c:v libx264 -preset veryfast -b:v 40M -maxrate 40M -bufsize 80M -g 60 -pix_fmt yuv420p \
    "$media/.tmp.mp4"
  mv "$media/.tmp.mp4" "$play4k"
fi
# 10 s of 1080p30 HEVC, GOP 120 (long GOPs are what make a random jump slow),
# and 6 s of 4K60 H.264 at 60 Mbit/s, GOP 120: for the scrub benchmark.
hevc="$media/clip-1080p30-hevc-gop120-10s.mp4"
if [ ! -s "$hevc" ]; then
  ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=s=1920x1080:r=30:d=10,noise=alls=4:allf=t" \
    -c:v libx265 -preset ultrafast -x265-params "keyint=120:min-keyint=120:log-level=error" \
    -b:v 12M -pix_fmt yuv420p -tag:v hvc1 "$media/.tmp.mp4"
  mv "$media/.tmp.mp4" "$hevc"
fi
clip4k60="$media/clip-4k60-60mbps-6s.mp4"
if [ ! -s "$clip4k60" ]; then
  ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=s=3840x2160:r=60:d=6,noise=alls=4:allf=t" \
    -c:v libx264 -preset veryfast -b:v 60M -maxrate 60M -bufsize 120M -g 120 -pix_fmt yuv420p \
    "$media/.tmp.mp4"
  mv "$media/.tmp.mp4" "$clip4k60"
fi
echo "== engine: export vs ffmpeg, ping, render_frame"
"$build/tests/bench/entropic-engine-bench" "$clip"
if [ -x "$build/tests/bench/entropic-effects-bench" ]; then
  echo "== effects: ms per 1080p frame at defaults, 1 and 2 threads"
  "$build/tests/bench/entropic-effects-bench"
fi
if [ -x "$build/tests/bench/entropic-ffmpeg-compare-bench" ]; then
  echo "== ours vs FFmpeg: blur, sharpen, noise, levels, hue, edges at 1080p, 2 threads (fps, ratio)"
  "$build/tests/bench/entropic-ffmpeg-compare-bench"
fi
if [ -x "$build/tests/bench/entropic-signal-bench" ]; then
  echo "== signals: 64 routes per frame, audio analysis (x real time), video analysis (fps)"
  "$build/tests/bench/entropic-signal-bench"
fi
if [ -x "$build/tests/bench/entropic-jpeg-bench" ]; then
  echo "== jpeg: Q95 encode/decode at 1080p"
  "$build/tests/bench/entropic-jpeg-bench"
fi
if [ -x "$build/tests/bench/entropic-editor-bench" ]; then
  echo "== editor: launch to first frame, parameter change to painted frame, memory"
  "$build/tests/bench/entropic-editor-bench" "$clip"
fi
if [ -x "$build/tests/bench/entropic-play-bench" ]; then
  chain=(--fx util.levels --fx util.hsl_adjust --fx fx.noise --fx fx.channelshift --fx util.blur)
  echo "== play: 1080p30, empty chain, uncached, 60 s"
  "$build/tests/bench/entropic-play-bench" "$play" --seconds 60
  echo "== play: 1080p30, levels + hue + noise + channel shift + blur, uncached, 30 s"
  "$build/tests/bench/entropic-play-bench" "$play" --seconds 30 "${chain[@]}"
  echo "== play: the same chain from the green bar (cached first), 10 s"
  "$build/tests/bench/entropic-play-bench" "$play" --seconds 10 --cached "${chain[@]}"
  echo "== play: 4K30, empty chain, uncached, 12 s"
  "$build/tests/bench/entropic-play-bench" "$play4k" --seconds 12
fi
if [ -x "$build/tests/bench/entropic-scrub-bench" ]; then
  # --fresh: an empty cache folder, so the proxy is made (and timed) each run.
  echo "== scrub: random jumps and a dragged playhead, 1080p30 H.264 ~100 Mbit/s GOP 60"
  "$build/tests/bench/entropic-scrub-bench" "$clip" --fresh
  echo "== scrub: the same, 1080p30 HEVC GOP 120"
  "$build/tests/bench/entropic-scrub-bench" "$hevc" --fresh
  echo "== scrub: the same, 4K60 H.264 60 Mbit/s GOP 120"
  "$build/tests/bench/entropic-scrub-bench" "$clip4k60" --fresh --exact-seeks 10
fi
if [ -x "$build/tests/bench/entropic-live-bench" ]; then
  echo "== live: a pad hit by key and by MIDI note to the painted frame, 1080p30, noise + channel shift + levels, uncached"
  "$build/tests/bench/entropic-live-bench" "$play" --hits 30
  echo "== live: the same from the green bar (cached first)"
  "$build/tests/bench/entropic-live-bench" "$play" --hits 30 --cached
fi
