#!/usr/bin/env bash
# Measures the service against the CLI on one generated roster (issue 15's performance lines, BENCHMARKS.md "Service"):
#   1. `eeval screen` of N employees (the CLI) and the same roster uploaded as a zip and screened through the API of a
#      running `eeval serve` (from the upload's first byte to the job's completion), alternating run by run;
#   2. then a bounded load loop on the decisions page of the last screening: USERS concurrent clients, each at most
#      REQUESTS requests, all stopping after SECONDS (tests/EnterpriseEval.Benchmarks, `--service`).
# Both with the two shipped plug-ins (the CLI in its worker process, the service in-process). Loopback only; the server
# is stopped at the end.
#
# Usage: scripts/measure-service.sh [N]        (default 100000)
# Env:   WORK=DIR (default out/measure-service)  SEED=N (42)  RUNS=N (3)  USERS=N (50)  REQUESTS=N (100)  LOAD_SECONDS=N (120)
#        PAGES="path-template…"  decisions pages to load, {id} = the screening job (default: the API's decisions page)
#        LOAD_EMPLOYEES=N (200000: about 103,000 decisions with the generator's proportions) the roster of the load loop
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${WORK:-$ROOT/out/measure-service}"
SEED="${SEED:-42}"
RUNS="${RUNS:-3}"
USERS="${USERS:-50}"
REQUESTS="${REQUESTS:-100}"
SECONDS_MAX="${LOAD_SECONDS:-120}"
N="${1:-100000}"
default_pages='/api/v1/screenings/{id}/decisions'
read -r -a PAGE_TEMPLATES <<<"${PAGES:-$default_pages}"
LOAD_N="${LOAD_EMPLOYEES:-200000}"

mkdir -p "$WORK"
echo "== 发布 Release 版本（eeval、两个插件、测量程序）"
dotnet publish "$ROOT/host/EnterpriseEval.Host" -c Release -r linux-x64 --self-contained false -o "$WORK/eeval" --nologo -v quiet >/dev/null
for p in Ganjiang.HeavyMachinery Ganpower.PowerSupply; do
  dotnet build "$ROOT/plugins/$p" -c Release --nologo -v quiet -p:PluginPublishRoot="$WORK/plugins/" >/dev/null
done
dotnet build "$ROOT/tests/EnterpriseEval.Benchmarks" -c Release --nologo -v quiet -o "$WORK/bench" >/dev/null
EEVAL="$WORK/eeval/eeval"

# roster_zip N: generates (once) a roster of N employees and zips its folder for the upload.
roster_zip() {
  local roster="$WORK/roster-$1-seed$SEED"
  if [[ ! -f "$roster/.complete" ]]; then
    "$EEVAL" generate --employees "$1" --seed "$SEED" --out "$roster" >/dev/null
    touch "$roster/.complete"
  fi
  [[ -f "$roster.zip" ]] || (cd "$WORK" && python3 -m zipfile -c "$roster.zip" "$(basename "$roster")"/*.csv)
}
roster_zip "$N"
roster_zip "$LOAD_N"
roster="$WORK/roster-$N-seed$SEED"
zipfile="$roster.zip"

# The server: a new store with demo accounts (their passwords are printed once), on a free loopback port.
rm -rf "$WORK/service" && mkdir -p "$WORK/service"
log="$WORK/service/serve.log"
(cd "$ROOT" && exec "$EEVAL" serve --port 0 --demo --store "$WORK/service/review.db" --plugins "$WORK/plugins" >"$log" 2>&1) &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q '已启动' "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1)
password=$(awk '$0 ~ /用户名 admin / {for (i = 1; i <= NF; i++) if ($i == "密码") print $(i + 1)}' "$log")
[[ -n "$url" && -n "$password" ]] || { echo "服务未输出地址或管理员密码：" >&2; cat "$log" >&2; exit 1; }

echo "== 当前负载：$(cut -d' ' -f1-3 /proc/loadavg)；$(nproc) 核；服务 $url"
printf '\n%-4s %-5s %8s %8s\n' "run" "how" "wall_s" "cpu_s"
for run in $(seq 1 "$RUNS"); do
  t="$WORK/time-cli-$run.txt"
  /usr/bin/time -v "$EEVAL" screen --roster "$roster" --as-of 2026-12-31 --plugins "$WORK/plugins" --out "$WORK/out-cli" >/dev/null 2>"$t"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$t" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$t")
  printf '%-4s %-5s %8s %8s\n' "$run" "cli" "$wall" "$cpu"
  api=$(dotnet "$WORK/bench/EnterpriseEval.Benchmarks.dll" --service "$url" "$password" "$zipfile" 0 0 0)
  printf '%-4s %-5s %8s %8s   %s\n' "$run" "api" "$(sed -n 's/.*upload+screen \([0-9.]*\) s.*/\1/p' <<<"$api")" "-" "$api"
done

echo
echo "== 决策分页负载（${LOAD_N} 名员工的花名册）：${USERS} 个并发客户端，每个最多 ${REQUESTS} 次请求，最长 ${SECONDS_MAX} 秒；负载 $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$WORK/bench/EnterpriseEval.Benchmarks.dll" --service "$url" "$password" "$WORK/roster-$LOAD_N-seed$SEED.zip" "$USERS" "$REQUESTS" "$SECONDS_MAX" "${PAGE_TEMPLATES[@]}"
