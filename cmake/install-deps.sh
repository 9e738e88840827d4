#!/usr/bin/env bash
# Installs the Debian 12 packages Entropic builds and runs with (docs/architecture.md).
# Idempotent: asks apt only for what is missing, so `make` stays fast once set up.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ninja-build clang-format
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libswresample-dev libavfilter-dev
  ffmpeg
  libturbojpeg0-dev
  libzmq3-dev cppzmq-dev
  nlohmann-json3-dev
  catch2
  portaudio19-dev
  librtmidi-dev libjack-jackd2-dev
  jackd2
  qt6-base-dev qt6-base-dev-tools libgl-dev
  xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "entropic: missing packages: ${missing[*]}" >&2
    echo "entropic: run as root (or install them) and try again" >&2
    exit 1
  fi
else
  SUDO=
fi

echo "entropic: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
