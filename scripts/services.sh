#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432, trust auth, database `test`) and Redis (127.0.0.1:6379) answer.
# The Bouture machines start both before a session; a fresh Debian machine gets them installed and started
# here (as root). The SQLite default needs neither: only the multi-process mode and its tests do.
set -euo pipefail

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }

if ! command -v pg_isready >/dev/null || ! command -v redis-cli >/dev/null; then
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server >/dev/null
fi

if ! pg_up; then
	cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1" "$2}')
	if [ -z "$cluster" ]; then
		version=$(ls /usr/lib/postgresql | sort -n | tail -1)
		pg_createcluster "$version" main >/dev/null
		cluster="$version main"
	fi
	# shellcheck disable=SC2086
	set -- $cluster
	conf=/etc/postgresql/$1/$2
	# Trust on loopback: the test machines' setting (never for a real deployment).
	sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$conf/pg_hba.conf"
	sed -i -E 's/^(local\s+all\s+all\s+)\S+/\1trust/' "$conf/pg_hba.conf"
	pg_ctlcluster "$1" "$2" start
	for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi
pg_up || { echo "services: PostgreSQL does not answer on 127.0.0.1:5432" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname = 'test'" | grep -q 1 ||
	psql -h 127.0.0.1 -U postgres -qc 'create database test'

if ! redis_up; then
	redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no >/dev/null
	for _ in $(seq 1 30); do redis_up && break; sleep 1; done
fi
redis_up || { echo "services: Redis does not answer on 127.0.0.1:6379" >&2; exit 1; }
echo "services: PostgreSQL and Redis are up"
