#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1 for the data tests and prints its admin
# connection string. Usage: start-postgres.sh DIR PORT. Stop it with: pg_ctl -D DIR/data stop.
set -euo pipefail
dir=${1:?usage: start-postgres.sh DIR PORT}
port=${2:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')

# initdb refuses to run as root, so the cluster belongs to the postgres system user.
install -d -o postgres -g postgres -m 700 "$dir" "$dir/data" "$dir/socket"
printf '%s\n' "$password" > "$dir/pwfile"
chown postgres:postgres "$dir/pwfile"
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
  --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
rm -f "$dir/pwfile"
# fsync and synchronous commit off: the cluster is thrown away after the run, speed matters more.
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
