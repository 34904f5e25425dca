#!/bin/bash
# Upload and renditions benchmark, one command: a one-node Ceph RGW on loopback, the service published in Release
# against it, then bench/AssetManager.Bench measures uploads through the service beside direct presigned PUTs, and
# the renditions of real images and videos beside vipsthumbnail and ffmpeg (and uploads while those are made).
#   bench/run.sh            full: 64 MiB and 1 GiB x 5 runs each way, 1000 x 100 KiB at concurrency 16 x 3 runs;
#                           renditions of 20 images of 4096 px and 5 one-minute 1080p videos, 2 runs each way
#   bench/run.sh --small    CI: 1 MiB and 8 MiB x 1 run, 50 x 100 KiB x 1 run; 4 images of 1024 px, one 10 s 720p video
#   bench/run.sh --sizes , --small-count 0     (renditions only; any option of the tool, later ones win;
#                                               --media-images 0 --media-videos 0 leaves the renditions out)
# Needs Debian 12 as root (it apt-installs radosgw, ceph-mon, ceph-osd, ffmpeg, libvips-tools if missing), .NET 10 SDK.
# Writes the report to bench/results/<UTC timestamp>.md (git-ignored) and prints it. Stops all it started.
# Environment: BENCH_WORK_DIR (default /tmp/assetmanager-bench), BENCH_RGW_PORT (17480), BENCH_RGW_MON_PORT (13300),
# BENCH_SERVICE_PORT (18080), BENCH_KEEP=1 keeps the generated files and the RGW data.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_WORK_DIR:-/tmp/assetmanager-bench}
export RGW_DIR="$WORK/rgw"
export RGW_PORT=${BENCH_RGW_PORT:-17480}
export RGW_MON_PORT=${BENCH_RGW_MON_PORT:-13300}
SERVICE_PORT=${BENCH_SERVICE_PORT:-18080}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/$STAMP.md"

ARGS=()
MODE=full
for a in "$@"; do
  case "$a" in
    --small) MODE=small ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) ARGS+=("$a") ;;
  esac
done
if [ "$MODE" = small ]; then
  PRESET=(--sizes 1M,8M --runs 1 --small-count 50 --small-runs 1)
  RENDITIONS=(--media-images 4 --media-image-size 1024 --media-videos 1 --media-video-seconds 10 --media-video-height 720
              --media-runs 1 --busy-small-count 50 --busy-size 8M --busy-runs 1)
else
  PRESET=(--sizes 64M,1G --runs 5 --small-count 1000 --small-runs 3)
  RENDITIONS=(--media-images 20 --media-image-size 4096 --media-videos 5 --media-video-seconds 60 --media-video-height 1080
              --media-runs 2 --busy-small-count 300 --busy-size 64M --busy-runs 3)
fi

T0=$(date +%s)
say() { echo "[bench $(( $(date +%s) - T0 )) s] $*"; }

BENCH_PID=""
PUBLISH_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  [ -n "$BENCH_PID" ] && kill "$BENCH_PID" 2>/dev/null && wait "$BENCH_PID" 2>/dev/null
  [ -n "$PUBLISH_PID" ] && kill "$PUBLISH_PID" 2>/dev/null
  if [ -f "$WORK/service.pid" ]; then
    kill "$(cat "$WORK/service.pid")" 2>/dev/null; sleep 1; kill -9 "$(cat "$WORK/service.pid")" 2>/dev/null
    rm -f "$WORK/service.pid"
  fi
  if [ -d "$RGW_DIR" ]; then say "stopping RGW"; "$ROOT/bench/rgw/down.sh" || true; fi
  if [ $rc = 0 ] && [ "${BENCH_KEEP:-0}" != 1 ]; then rm -rf "$WORK"/large-* "$WORK"/small-* "$WORK"/media-* "$WORK"/cli-renditions "$RGW_DIR"; fi
  [ $rc = 0 ] || echo "benchmark FAILED (exit $rc); logs in $WORK" >&2
  say "done"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$RGW_PORT" "$RGW_MON_PORT" "$SERVICE_PORT"; do
  if port_busy "$p"; then echo "port $p on 127.0.0.1 is in use; set BENCH_RGW_PORT / BENCH_RGW_MON_PORT / BENCH_SERVICE_PORT" >&2; exit 1; fi
done

mkdir -p "$WORK" "$ROOT/bench/results"
rm -f "$WORK"/service-*.log

say "installing Ceph RGW packages, ffmpeg and libvips-tools if missing"
"$ROOT/bench/rgw/install.sh"
"$ROOT/bench/media-tools.sh"

say "publishing the service (Release) and building the benchmark tool, while RGW starts"
(
  set -e
  dotnet publish "$ROOT/src/WebApi" -c Release -o "$WORK/service" --nologo -v q
  dotnet build "$ROOT/bench/AssetManager.Bench" -c Release -o "$WORK/tool" --nologo -v q
) >"$WORK/build.log" 2>&1 &
PUBLISH_PID=$!

"$ROOT/bench/rgw/up.sh"
if ! wait "$PUBLISH_PID"; then PUBLISH_PID=""; cat "$WORK/build.log" >&2; exit 1; fi
PUBLISH_PID=""

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
MEM=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
RGW_VERSION=$(radosgw --version 2>/dev/null | head -1 | sed 's/ (.*)//')
DOTNET_VERSION=$(dotnet --list-runtimes | grep -m1 'Microsoft.AspNetCore.App' | cut -d' ' -f2)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)
LABEL="Machine: $(nproc) cores ($CPU), $MEM RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r).
S3 server: $RGW_VERSION, one-node (1 mon, 1 bluestore OSD on a sparse file, beast frontend) on 127.0.0.1:$RGW_PORT.
Service: AssetManager.WebApi at commit $COMMIT$DIRTY, Release, ASP.NET Core $DOTNET_VERSION, SQLite.
Command: \`bench/run.sh${*:+ $*}\`"

say "running the benchmark"
dotnet "$WORK/tool/AssetManager.Bench.dll" \
  --service-dir "$WORK/service" --work-dir "$WORK" --out "$OUT" \
  --s3-endpoint "http://127.0.0.1:$RGW_PORT" --access-key testkey --secret-key testsecret --bucket bench \
  --service-port "$SERVICE_PORT" --rgw-pid "$(cat "$RGW_DIR/rgw.pid")" --ceph-pids "$(cat "$RGW_DIR/osd.pid"),$(cat "$RGW_DIR/mon.pid")" --label "$LABEL" \
  "${PRESET[@]}" "${RENDITIONS[@]}" ${ARGS[@]+"${ARGS[@]}"} &
BENCH_PID=$!
wait "$BENCH_PID"
BENCH_PID=""
