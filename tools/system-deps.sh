#!/usr/bin/env bash
# Installs (as root) or names (otherwise) the system packages Attune needs:
# espeak-ng for the system voice, PortAudio for sound, ffmpeg for MP3 export.
set -euo pipefail
PACKAGES=(espeak-ng libespeak-ng1 libportaudio2 ffmpeg)
missing=()
for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Attune needs: espeak-ng, PortAudio (libportaudio2) and ffmpeg. Install them with your package manager." >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
else
    echo "Attune needs a few system packages first. Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    echo "then run this command again." >&2
    exit 1
fi
