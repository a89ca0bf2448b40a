#!/usr/bin/env bash
# A streaming replica of the CI machine's PostgreSQL (issue 12): a second cluster on port 5433,
# made with pg_basebackup -R from 127.0.0.1:5432, started, its URL printed for TEST_REPLICA_URL.
# Idempotent: a replica cluster left by an earlier run is reused when it is streaming, else
# dropped and made again. Debian's pg_ctlcluster / pg_createcluster; run as root.
set -euo pipefail
PORT="${REPLICA_PORT:-5433}"
VER="$(ls /etc/postgresql | sort -n | tail -1)"
HBA="/etc/postgresql/$VER/main/pg_hba.conf"
log() { echo "[ci] replica: $*" >&2; }

# Replication connections are not matched by "all": the primary must allow them from loopback.
if ! grep -qE '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$HBA"; then
  log "allowing replication from 127.0.0.1 in $HBA"
  echo 'host replication all 127.0.0.1/32 trust' >> "$HBA"
  pg_ctlcluster --skip-systemctl-redirect "$VER" main reload >/dev/null
fi

streaming() {
  pg_isready -h 127.0.0.1 -p "$PORT" -q 2>/dev/null &&
    [ "$(psql -h 127.0.0.1 -p "$PORT" -U postgres -Atc 'select pg_is_in_recovery()' 2>/dev/null)" = "t" ]
}

if pg_lsclusters -h | awk '{print $2}' | grep -qx replica; then
  cp "$HBA" "/etc/postgresql/$VER/replica/pg_hba.conf"
  pg_ctlcluster --skip-systemctl-redirect "$VER" replica start >/dev/null 2>&1 || pg_ctlcluster --skip-systemctl-redirect "$VER" replica reload >/dev/null 2>&1 || true
  for _ in $(seq 1 20); do streaming && break; sleep 0.5; done
  if streaming; then
    log "reusing the replica on port $PORT"
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    exit 0
  fi
  log "the replica left by an earlier run does not stream: making it again"
  pg_dropcluster --stop "$VER" replica
fi

pg_createcluster "$VER" replica -p "$PORT" >/dev/null
# Its configuration lives in /etc, not in the copied data directory: the same access rules as the primary.
cp "$HBA" "/etc/postgresql/$VER/replica/pg_hba.conf"
DATA="/var/lib/postgresql/$VER/replica"
rm -rf "${DATA:?}"/*
# -R writes standby.signal and primary_conninfo: the copy starts as a streaming standby.
su postgres -c "pg_basebackup -h 127.0.0.1 -p 5432 -U postgres -D '$DATA' -R -X stream -c fast" >&2
pg_ctlcluster --skip-systemctl-redirect "$VER" replica start >/dev/null
for _ in $(seq 1 40); do streaming && break; sleep 0.5; done
streaming || { log "the replica did not start streaming"; exit 1; }
log "streaming on port $PORT"
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
