#!/bin/bash
# Installs the Debian 12 packages of the renditions phase if missing: ffmpeg (the service's video renditions, the
# generated media, the command-line baseline) and libvips-tools (vips and vipsthumbnail: the images and their baseline).
set -euo pipefail
if command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null && command -v vips >/dev/null \
   && command -v vipsthumbnail >/dev/null; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends ffmpeg libvips-tools >/dev/null
