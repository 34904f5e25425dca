#!/bin/bash
# Installs the Debian 12 packages that up.sh needs (idempotent, about 70 MB, 40 s to a few minutes).
set -euo pipefail
if command -v radosgw >/dev/null && command -v ceph-mon >/dev/null && command -v ceph-osd >/dev/null \
   && command -v curl >/dev/null; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends radosgw ceph-mon ceph-osd curl ca-certificates >/dev/null
