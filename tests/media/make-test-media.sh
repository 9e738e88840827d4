#!/usr/bin/env bash
# make-test-media.sh OUTDIR [--bench]
# Generates the clips the tests use with FFmpeg's synthetic sources (lavfi
# testsrc2 / sine), small and fast. Idempotent: a clip that exists is kept;
# each is written to a temporary name and moved into place, so an interrupted
# run never leaves a half-written clip behind. --bench also makes a 10 s
# 1080p30 H.264 clip (bench-1080p30.mp4) for speed measurements.
set -euo pipefail
out=${1:?usage: make-test-media.sh OUTDIR [--bench]}
bench=${2:-}
mkdir -p "$out"
ff=(ffmpeg -v error -nostdin -y -threads 1)
# Fixed settings so the clips are the same on every run of the script.
x264=(-c:v libx264 -preset veryfast -pix_fmt yuv420p -threads 1 -flags +bitexact -fflags +bitexact)

# gen NAME COMMAND... : runs COMMAND with "$tmp" as its output unless NAME exists.
gen() {
  local name=$1; shift
  [ -e "$out/$name" ] && return 0
  local tmp="$out/.tmp-$$-$name"
  "$@" "$tmp"
  mv "$tmp" "$out/$name"
}
ffout() { "${ff[@]}" "$@"; }

# H.264 with B-frames (3 between references, a keyframe every 12 frames) and a
# 440 Hz stereo AAC track: 4 s, 120 frames at 30 fps.
gen bframes.mp4 ffout -f lavfi -i testsrc2=s=320x240:r=30:d=4 -f lavfi -i sine=f=440:r=48000:d=4 \
  "${x264[@]}" -bf 3 -g 12 -c:a aac -ac 2 -b:a 96k -shortest -f mp4

# Open GOPs: pictures after a keyframe that reference the GOP before it, the
# case where a seek must start from an earlier keyframe.
gen opengop.mp4 ffout -f lavfi -i testsrc2=s=320x240:r=25:d=4 \
  "${x264[@]}" -bf 3 -g 10 -x264-params open-gop=1:scenecut=0 -an -f mp4

# Variable frame rate: timestamps 0, 1, 3, 4, 6, 7, … (1/30 s units) – 60
# frames whose gaps alternate between 1/30 s and 2/30 s.
gen vfr.mp4 ffout -f lavfi -i testsrc2=s=320x240:r=30:d=2 \
  -vf "setpts='(N+floor(N/2))/(30*TB)'" -fps_mode vfr "${x264[@]}" -bf 2 -g 15 -an -video_track_timescale 30 -f mp4

# Display matrix rotated 90° clockwise: stored 320x240, shown 240x320 (the top-left
# shown pixel is the stored bottom-left). FFmpeg 5.1 writes the matrix only on
# a stream copy, and its `rotate` tag turns into a counterclockwise matrix angle:
# rotate=270 gives -90°, which players (and ffmpeg's autorotate) show 90° clockwise.
rotate() {
  "${ff[@]}" -f lavfi -i testsrc2=s=320x240:r=30:d=1 "${x264[@]}" -bf 2 -g 15 -an -f mp4 "$1.src"
  "${ff[@]}" -i "$1.src" -c copy -metadata:s:v:0 rotate=270 -f mp4 "$1"
  rm -f "$1.src"
}
gen rotated.mp4 rotate

# Odd dimensions (testsrc: testsrc2 rounds sizes to even; yuv444p: 4:2:0
# cannot store an odd size exactly).
gen odd.mp4 ffout -f lavfi -i testsrc=s=161x97:r=30:d=2 \
  -c:v libx264 -preset veryfast -pix_fmt yuv444p -threads 1 -bf 3 -g 12 -an -f mp4

# Plain clip with sound at 44.1 kHz mono, the resampling case.
gen audio44k.mp4 ffout -f lavfi -i testsrc2=s=160x120:r=24:d=3 -f lavfi -i sine=f=1000:r=44100:d=3 \
  "${x264[@]}" -c:a aac -ac 1 -b:a 64k -shortest -f mp4

# Audio only: 2 s of 440 Hz in AAC (.m4a).
gen audio-only.m4a ffout -f lavfi -i sine=f=440:r=48000:d=2 -c:a aac -ac 2 -f mp4

# Bad inputs: empty, cut short, text, and a known container with no usable stream.
gen zero-bytes.mp4 bash -c ': > "$1"' _
gen truncated.mp4 bash -c 'head -c 6000 "$0" > "$1"' "$out/bframes.mp4"
gen not-media.mp4 bash -c 'printf "This is a text file, not a movie.\n%.0s" {1..50} > "$1"' _
# A WebVTT subtitle file: FFmpeg opens it, but it holds no audio or video.
gen subtitles-only.vtt bash -c 'printf "WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n" > "$1"' _

if [ "$bench" = "--bench" ]; then
  # 10 s of 1080p30 H.264 with sound; grain so the encoder works as on real footage.
  gen bench-1080p30.mp4 ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=s=1920x1080:r=30:d=10,noise=alls=12:allf=t" \
    -f lavfi -i sine=f=440:r=48000:d=10 -c:v libx264 -preset veryfast -crf 20 -g 60 -c:a aac -ac 2 -shortest -f mp4
fi
