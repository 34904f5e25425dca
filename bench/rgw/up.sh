#!/bin/bash
# Single-node Ceph RADOS Gateway (Debian 12 radosgw 16.2) for tests/benchmarks, loopback only.
#   1 mon + 1 OSD (bluestore on a sparse file, or memstore) + radosgw, no mgr, no cephx.
# Prereq (Debian 12): ./install.sh  (apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd)
# Usage: RGW_DIR=/tmp/ceph-rgw RGW_PORT=7480 OSD_STORE=bluestore ./up.sh   -> S3 at http://127.0.0.1:$RGW_PORT
#        keys: access=testkey secret=testsecret (override with RGW_ACCESS_KEY / RGW_SECRET_KEY)
# Stop:  ./down.sh  (kills the PIDs in $RGW_DIR/*.pid)
set -euo pipefail
D=${RGW_DIR:-/tmp/ceph-rgw}
PORT=${RGW_PORT:-7480}
MONPORT=${RGW_MON_PORT:-3300}
STORE=${OSD_STORE:-bluestore}
AK=${RGW_ACCESS_KEY:-testkey}; SK=${RGW_SECRET_KEY:-testsecret}
T0=$(date +%s%N); ts(){ echo "[$(( ($(date +%s%N)-T0)/1000000 )) ms] $*"; }
rm -rf "$D"; mkdir -p "$D"/{mon,osd,run,log}
FSID=$(cat /proc/sys/kernel/random/uuid)
cat > "$D/ceph.conf" <<CONF
[global]
fsid = $FSID
mon host = v2:127.0.0.1:$MONPORT
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
public network = 127.0.0.0/8
cluster network = 127.0.0.0/8
ms bind ipv6 = false
# no cephx; a client must then offer crc mode (radosgw's default mon-client mode list is 'secure' only -> EACCES)
auth cluster required = none
auth service required = none
auth client required = none
ms mon client mode = crc
ms client mode = crc
run dir = $D/run
admin socket = $D/run/\$name.asok
log file = $D/log/\$name.log
pid file = $D/run/\$name.pid
mon data = $D/mon/\$name
osd data = $D/osd/\$name
keyring = $D/keyring
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
mon data avail warn = 1
mon data avail crit = 0
osd crush chooseleaf type = 0
osd objectstore = $STORE
osd memory target = 1073741824
osd op num shards = 1
osd op num threads per shard = 2
memstore device bytes = ${MEMSTORE_BYTES:-12884901888}
bluestore block path = $D/osd/bluestore.block
bluestore block create = true
bluestore block size = ${BLUESTORE_BYTES:-21474836480}
bluestore fsck on mount = false
[client.rgw.lab]
rgw frontends = beast endpoint=127.0.0.1:$PORT
rgw thread pool size = 128
rgw gc obj min wait = 5
rgw gc processor period = 5
rgw gc processor max time = 5
CONF
C="-c $D/ceph.conf"
ceph-authtool --create-keyring "$D/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
ceph-authtool "$D/keyring" --gen-key -n client.admin --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' >/dev/null
monmaptool --create --addv a "[v2:127.0.0.1:$MONPORT]" --fsid "$FSID" "$D/monmap" >/dev/null
ceph-mon $C --mkfs -i a --monmap "$D/monmap" --keyring "$D/keyring"
ceph-mon $C -i a -f >>"$D/log/mon.stdout" 2>&1 & echo $! > "$D/mon.pid"
ok=0; for i in $(seq 1 150); do ceph $C --connect-timeout 2 mon stat >/dev/null 2>&1 && { ok=1; break; }; sleep 0.2; done
[ $ok = 1 ] || { echo "mon did not come up; see $D/log" >&2; exit 1; }
ts mon up
OSD_UUID=$(cat /proc/sys/kernel/random/uuid)
ID=$(ceph $C osd new "$OSD_UUID")
mkdir -p "$D/osd/osd.$ID"
ceph-osd $C -i "$ID" --mkfs --osd-uuid "$OSD_UUID" >>"$D/log/osd-mkfs.out" 2>&1
ceph $C osd crush add-bucket localhost host >/dev/null 2>&1
ceph $C osd crush move localhost root=default >/dev/null 2>&1
ceph $C osd crush add "osd.$ID" 1.0 host=localhost >/dev/null 2>&1
ceph-osd $C -i "$ID" -f >>"$D/log/osd.stdout" 2>&1 & echo $! > "$D/osd.pid"
ok=0; for i in $(seq 1 300); do ceph $C osd stat 2>/dev/null | grep -q "1 up" && { ok=1; break; }; sleep 0.2; done
[ $ok = 1 ] || { echo "osd did not come up; see $D/log" >&2; exit 1; }
ts osd up
# pre-create RGW pools in parallel (otherwise radosgw creates them one by one, ~2 s each)
PIDS=""
for pool in .rgw.root default.rgw.control default.rgw.meta default.rgw.log default.rgw.buckets.index default.rgw.buckets.data default.rgw.buckets.non-ec; do
  ( ceph $C osd pool create $pool 8 8 >/dev/null 2>&1; ceph $C osd pool application enable $pool rgw >/dev/null 2>&1 ) & PIDS="$PIDS $!"
done
wait $PIDS
ts pools created
radosgw $C -n client.rgw.lab -f >>"$D/log/rgw.stdout" 2>&1 & echo $! > "$D/rgw.pid"
ok=0; for i in $(seq 1 300); do [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/)" = 200 ] && { ok=1; break; }; sleep 0.2; done
[ $ok = 1 ] || { echo "radosgw did not answer; see $D/log" >&2; exit 1; }
ts radosgw answering
radosgw-admin $C user create --uid=test --display-name=test --access-key="$AK" --secret="$SK" >/dev/null
ts "user created; S3 endpoint http://127.0.0.1:$PORT access=$AK secret=$SK"
