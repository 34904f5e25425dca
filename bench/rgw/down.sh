#!/bin/bash
# Stops what up.sh started (by PID file), waits up to 30 s, then SIGKILLs leftovers.
D=${RGW_DIR:-/tmp/ceph-rgw}
for p in rgw osd mon; do [ -f "$D/$p.pid" ] && kill "$(cat "$D/$p.pid")" 2>/dev/null; done
for i in $(seq 1 60); do
  alive=0; for p in rgw osd mon; do [ -f "$D/$p.pid" ] && kill -0 "$(cat "$D/$p.pid")" 2>/dev/null && alive=1; done
  [ $alive = 0 ] && break; sleep 0.5
done
for p in rgw osd mon; do [ -f "$D/$p.pid" ] && kill -9 "$(cat "$D/$p.pid")" 2>/dev/null; rm -f "$D/$p.pid"; done
[ "${RGW_KEEP_DATA:-0}" = 1 ] || rm -rf "$D/osd" "$D/mon"
