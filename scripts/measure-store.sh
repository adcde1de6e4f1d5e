#!/usr/bin/env bash
# Measures `eeval review screen` of N employees into a SQLite file and into PostgreSQL (issue 16's performance line,
# BENCHMARKS.md "Store"), alternating run by run on one generated roster: each run is a fresh store, `review new`
# (not timed) then `review screen --roster` (timed, wall and CPU of the eeval process). The PostgreSQL server is
# Debian's, initdb into a temporary folder with its default (durable) settings, on a Unix socket only, stopped at the
# end; the SQLite file sits on the same disk.
#
# Usage: scripts/measure-store.sh [N]        (default 100000)
# Env:   WORK=DIR (default out/measure-store)  SEED=N (42)  RUNS=N (3)  PG_BIN=DIR (/usr/lib/postgresql/<newest>/bin)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${WORK:-$ROOT/out/measure-store}"
SEED="${SEED:-42}"
RUNS="${RUNS:-3}"
N="${1:-100000}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[[ -x "$PG_BIN/initdb" ]] || { echo "PostgreSQL 服务器程序（initdb）未找到：请安装 postgresql，或设置 PG_BIN" >&2; exit 1; }

mkdir -p "$WORK"
echo "== 发布 Release 版本（eeval、插件）"
dotnet publish "$ROOT/host/EnterpriseEval.Host" -c Release -r linux-x64 --self-contained false -o "$WORK/eeval" --nologo -v quiet >/dev/null
dotnet build "$ROOT/plugins/Ganpower.PowerSupply" -c Release --nologo -v quiet -p:PluginPublishRoot="$WORK/plugins/" >/dev/null
EEVAL="$WORK/eeval/eeval"
export EEVAL_EnterpriseEval__Review__AuditKey="measure-store-audit-key-0123456789"

roster="$WORK/roster-$N-seed$SEED"
if [[ ! -f "$roster/.complete" ]]; then
  "$EEVAL" generate --employees "$N" --seed "$SEED" --out "$roster" >/dev/null
  touch "$roster/.complete"
fi

# The server: as root, PostgreSQL runs as the postgres user (it refuses root).
pg="$(mktemp -d /tmp/eeval-measure-pg.XXXXXX)"
as_pg=()
if [[ "$(id -u)" -eq 0 ]]; then chown postgres "$pg"; as_pg=(runuser -u postgres --); fi
"${as_pg[@]}" "$PG_BIN/initdb" -D "$pg/data" -U eeval -A trust -E UTF8 --locale=C >/dev/null
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$pg/data" -o "-k $pg -c listen_addresses=" -l "$pg/log" -w start >/dev/null
trap '"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null || true; rm -rf "$pg"' EXIT

# run PROVIDER I: a fresh store, review new, then the timed review screen; prints "PROVIDER wall cpu".
run() {
  local store
  if [[ "$1" == sqlite ]]; then
    store="$WORK/review-$2.db"; rm -f "$store"
  else
    psql -h "$pg" -U eeval -d postgres -qc "CREATE DATABASE m$2" >/dev/null
    store="postgres:Host=$pg;Username=eeval;Database=m$2"
  fi
  "$EEVAL" review new --store "$store" --batch b --year 2026 --series engineering --levels assistant,intermediate \
    --plugins "$WORK/plugins/ganpower-supply" --config "$ROOT/samples/review/review.json" --user measure >/dev/null
  local t0 t1 usage
  t0=$(date +%s.%N)
  usage=$( { /usr/bin/time -f '%U %S' "$EEVAL" review screen --store "$store" --batch b --roster "$roster" --user measure >"$WORK/screen.log"; } 2>&1 | tail -1)
  t1=$(date +%s.%N)
  grep -q '资格筛查完成' "$WORK/screen.log" || { cat "$WORK/screen.log" >&2; exit 1; }
  awk -v p="$1" -v a="$t0" -v b="$t1" -v u="$usage" 'BEGIN { split(u, c, " "); printf "%s %.2f %.2f\n", p, b - a, c[1] + c[2] }'
  if [[ "$1" == sqlite ]]; then rm -f "$store"; else psql -h "$pg" -U eeval -d postgres -qc "DROP DATABASE m$2" >/dev/null; fi
}

echo "== review screen，$N 名员工，交替 $RUNS 轮（墙钟秒、CPU 秒）"
results="$WORK/results.txt"; : >"$results"
for i in $(seq 1 "$RUNS"); do
  for p in sqlite postgres; do run "$p" "$i" | tee -a "$results"; done
done
awk '{ w[$1] = w[$1] " " $2; c[$1] = c[$1] " " $3 }
  function median(s,   a, n, i, j, t) { n = split(s, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END { ws = median(w["sqlite"]); wp = median(w["postgres"]);
    printf "中位数：SQLite %.2f s（CPU %.2f s），PostgreSQL %.2f s（CPU %.2f s），PostgreSQL ÷ SQLite = %.2f×\n", ws, median(c["sqlite"]), wp, median(c["postgres"]), wp / ws }' "$results"
