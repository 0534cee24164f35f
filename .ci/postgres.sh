# Sourced by .ci/run: starts a throwaway PostgreSQL server for the shared-ledger tests and exports
# DEPLOYOFTEN_PG_URL, _USER, _PASSWORD and _CTL (a script taking 'start' or 'stop'); on exit it stops the
# server and deletes its folder (trap EXIT).
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/pg_ctl" ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
fi
PG_BIN="$(pg_bin)"
PG_HOME="$(mktemp -d /tmp/deployoften-pg.XXXXXX)"
PG_DATA="$PG_HOME/data"
# on failure, the server's log goes to the output before the folder is deleted
stop_postgres() {
  local status=$?
  [ -x "$PG_HOME/pgctl" ] && "$PG_HOME/pgctl" stop >/dev/null 2>&1 || true
  if [ "$status" != 0 ] && [ -s "$PG_HOME/server.log" ]; then
    echo "--- PostgreSQL server log ($PG_HOME/server.log) ---" >&2
    cat "$PG_HOME/server.log" >&2
    echo "--- end of the PostgreSQL server log ---" >&2
  fi
  rm -rf "$PG_HOME"
  return "$status"
}
trap stop_postgres EXIT
# a loopback port nothing listens on now; a concurrent run may take it first, so the start is retried
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
PG_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"

# root cannot run postgres: run it as the 'postgres' user (or a user made for it)
if [ "$(id -u)" = 0 ]; then
  PG_OS_USER=postgres
  id "$PG_OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /bin/sh "$PG_OS_USER"
  chown "$PG_OS_USER" "$PG_HOME"
  as_pg() { su -s /bin/sh "$PG_OS_USER" -c "$1"; }
else
  PG_OS_USER="$(id -un)"
  as_pg() { sh -c "$1"; }
fi

printf '%s\n' "$PG_PASSWORD" > "$PG_HOME/pwfile"
chmod 600 "$PG_HOME/pwfile"
if [ "$(id -u)" = 0 ]; then chown "$PG_OS_USER" "$PG_HOME/pwfile"; fi
as_pg "'$PG_BIN/initdb' -D '$PG_DATA' -U deployoften --pwfile='$PG_HOME/pwfile' --auth-local=trust \
  --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8" > "$PG_HOME/initdb.log"
rm -f "$PG_HOME/pwfile"

# the script the fault test calls with 'stop' or 'start' (a throwaway server: durability off for speed)
write_pgctl() {
cat > "$PG_HOME/pgctl" <<SCRIPT
#!/bin/sh
set -e
OPTIONS="-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$PG_HOME -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
case "\$1" in
  start) CMD="'$PG_BIN/pg_ctl' -D '$PG_DATA' -l '$PG_HOME/server.log' -w -t 60 -o \"\$OPTIONS\" start" ;;
  stop) CMD="'$PG_BIN/pg_ctl' -D '$PG_DATA' -w -t 60 -m fast stop" ;;
  *) echo "usage: \$0 start|stop" >&2; exit 2 ;;
esac
if [ "\$(id -u)" = 0 ]; then su -s /bin/sh '$PG_OS_USER' -c "\$CMD"; else sh -c "\$CMD"; fi
SCRIPT
chmod 755 "$PG_HOME/pgctl"
}

for attempt in 1 2 3 4 5; do
  PG_PORT=$(free_port)
  write_pgctl
  if "$PG_HOME/pgctl" start > /dev/null; then break; fi
  echo "PostgreSQL did not start on port $PG_PORT (attempt $attempt)" >&2
  [ "$attempt" -lt 5 ] || exit 1
done
as_pg "'$PG_BIN/createdb' -h '$PG_HOME' -p $PG_PORT -U deployoften deployoften"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT for the shared-ledger tests"

export DEPLOYOFTEN_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/deployoften"
export DEPLOYOFTEN_PG_USER=deployoften
export DEPLOYOFTEN_PG_PASSWORD="$PG_PASSWORD"
export DEPLOYOFTEN_PG_CTL="$PG_HOME/pgctl"

