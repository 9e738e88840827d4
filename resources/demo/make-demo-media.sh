#!/usr/bin/env bash
# Generates the demo project's media with FFmpeg's synthetic sources, so the
# repository carries no large binaries. Idempotent: existing files are kept.
set -euo pipefail
out=${1:-$(dirname "$0")/media}
mkdir -p "$out"
ff=(ffmpeg -v error -nostdin -y)

make() { # make NAME ARGS...: writes NAME via a temporary file, so a killed run leaves nothing half-made
  local name=$1; shift
  [ -s "$out/$name" ] && return 0
  local tmp="$out/.tmp-$$-$name"
  "${ff[@]}" "$@" "$tmp" && mv "$tmp" "$out/$name"
}

# 8 s, 1280x720, 30 fps: drifting radial gradient under a Game of Life, with a
# bass pulse every half second (a beat for audio-reactive effects later).
make demo-clip.mp4 \
  -f lavfi -i "gradients=s=1280x720:r=30:d=8:speed=0.015:type=radial:c0=0x1b0033:c1=0xff2a6d:c2=0x05d9e8:c3=0xd1f7ff:nb_colors=4" \
  -f lavfi -i "life=s=320x180:r=30:mold=10:ratio=0.3:death_color=#00000000:life_color=#ffffff,scale=1280:720:flags=neighbor" \
  -f lavfi -i "aevalsrc=0.6*sin(2*PI*55*t)*exp(-9*mod(t\,0.5))+0.15*sin(2*PI*440*t)*exp(-4*mod(t+0.25\,0.5)):s=48000:d=8" \
  -filter_complex "[1]format=rgba,colorchannelmixer=aa=0.35[l];[0]format=rgba[g];[g][l]overlay=format=auto,format=yuv420p[v]" \
  -map "[v]" -map 2:a -t 8 -c:v libx264 -preset veryfast -crf 23 -bf 2 -g 30 \
  -c:a aac -b:a 128k -ac 2 -movflags +faststart -f mp4

# 4 s of a cellular automaton scrolling over a linear gradient.
make demo-texture.mp4 \
  -f lavfi -i "gradients=s=1280x720:r=30:d=4:speed=0.03:c0=0x0d0221:c1=0x0f084b:c2=0x26408b:c3=0xa6cfd5:nb_colors=4" \
  -f lavfi -i "cellauto=s=320x180:rule=110:rate=30:scroll=1:random_fill_ratio=0.5,scale=1280:720:flags=neighbor" \
  -filter_complex "[1]format=rgba,colorchannelmixer=aa=0.3[c];[0]format=rgba[g];[g][c]overlay=format=auto,format=yuv420p[v]" \
  -map "[v]" -t 4 -c:v libx264 -preset veryfast -crf 23 -bf 2 -g 30 -movflags +faststart -f mp4

# 12 s of music: a minor arpeggio over a pulse.
make demo-music.m4a \
  -f lavfi -i "aevalsrc=0.25*sin(2*PI*(220*pow(2\,(floor(mod(t*4\,4))*3)/12))*t)*exp(-3*mod(t\,0.25))+0.3*sin(2*PI*55*t)*exp(-9*mod(t\,0.5)):s=48000:d=12" \
  -ac 2 -c:a aac -b:a 128k -f ipod
