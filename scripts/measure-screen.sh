#!/usr/bin/env bash
# End-to-end measurement of `eeval screen` (BENCHMARKS.md): publishes the host in Release, generates rosters of
# 100,000 and 1,000,000 employees with `eeval generate`, and times `eeval screen` on each with /usr/bin/time -v
# (wall time and peak resident memory), statutory rules only and with both shipped plug-ins.
#
# Usage: scripts/measure-screen.sh [SIZE ...]        (default sizes: 100000 1000000)
# Env:   WORK=DIR (default out/measure)  SEED=N (default 42)  RUNS=N timed runs per case (default 3)
#        BASELINE=REV  also build git revision REV (e.g. the previous main) and run it interleaved with this build,
#                      case by case and run by run, on the same rosters: the only fair before/after on a shared machine.
#        OUT=DIR       write each run's result files under DIR instead of WORK, and delete them after the run: with a
#                      RAM-backed DIR (/dev/shm/...) the kernel's write-back of 1.5–1.9 GB of results to a shared disk,
#                      which lands on whichever run comes next, is kept out of the times (BENCHMARKS.md "End to end").
#        The column workers_M is the screening workers' own figure from the run's Debug log (StageTimes, "Screening
#        workers"): candidate-paths per CPU-second of the threads that screen (rules, criteria, equivalences and
#        sentences; thread CPU time), the screening core as a real run sees it; "-" for a build that does not log it.
#        INPROCESS=1   also run this build with plug-in code in the host's own process
#                      (EnterpriseEval:Plugins:Isolation=InProcess, docs/plugins.md "Process isolation"), interleaved:
#                      what the worker process costs.
set -euo pipefail

if [[ ! -x /usr/bin/time ]]; then
  echo "需要 GNU time（/usr/bin/time）来测量耗时与峰值内存，请先安装：apt-get install -y time" >&2
  exit 2
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${WORK:-$ROOT/out/measure}"
SEED="${SEED:-42}"
RUNS="${RUNS:-3}"
SIZES=("$@")
[[ ${#SIZES[@]} -eq 0 ]] && SIZES=(100000 1000000)

mkdir -p "$WORK"
OUT="${OUT:-}"
[[ -n "$OUT" ]] && mkdir -p "$OUT"

# publish SOURCE_ROOT BUILD_NAME: the host (Release) into $WORK/BUILD_NAME/eeval, both plug-ins into $WORK/BUILD_NAME/plugins.
publish() {
  dotnet publish "$1/host/EnterpriseEval.Host" -c Release -r linux-x64 --self-contained false -o "$WORK/$2/eeval" --nologo -v quiet >/dev/null
  for p in Ganjiang.HeavyMachinery Ganpower.PowerSupply; do
    dotnet build "$1/plugins/$p" -c Release --nologo -v quiet -p:PluginPublishRoot="$WORK/$2/plugins/" >/dev/null
  done
}

echo "== 发布 Release 版本（eeval 与两个插件）"
publish "$ROOT" current
BUILDS=(current)
if [[ -n "${BASELINE:-}" ]]; then
  echo "== 发布对照版本 $BASELINE（与本版本交替运行）"
  rm -rf "$WORK/baseline-src"
  git -C "$ROOT" worktree add --detach --force "$WORK/baseline-src" "$BASELINE" >/dev/null 2>&1
  publish "$WORK/baseline-src" baseline
  git -C "$ROOT" worktree remove --force "$WORK/baseline-src" >/dev/null 2>&1 || true
  BUILDS=(baseline current)
fi
[[ -n "${INPROCESS:-}" ]] && BUILDS+=(inprocess)
EEVAL=("$WORK/current/eeval/eeval")

echo "== 当前负载（其他进程会拉长墙钟时间，CPU 时间受影响较小）：$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== 机器：$(nproc) 核，$(free -g | awk '/Mem:/ {print $2}') GB 内存，$(dotnet --version) SDK，$(uname -sr)"

printf '\n%-10s %-9s %-8s %-4s %8s %8s %12s %10s\n' "employees" "build" "plugins" "run" "wall_s" "cpu_s" "peak_rss_MB" "workers_M"
for n in "${SIZES[@]}"; do
  roster="$WORK/roster-$n-seed$SEED"
  if [[ ! -f "$roster/.complete" ]]; then
    "${EEVAL[@]}" generate --employees "$n" --seed "$SEED" --out "$roster" >/dev/null
    touch "$roster/.complete"
  fi
  # Run by run, each case in turn (none and both, every build), so that a change of the machine's load falls on all of
  # them alike and the both ÷ none ratio of a build compares runs made minutes apart, not a block apart.
  for run in $(seq 1 "$RUNS"); do
    for mode in none both; do
      for build in "${BUILDS[@]}"; do
        out="${OUT:-$WORK}/out-$build-$n-$mode"
        args=(screen --roster "$roster" --as-of 2026-12-31 --out "$out")
        binary=$build isolation=Process
        [[ $build == inprocess ]] && binary=current isolation=InProcess
        [[ $mode == both ]] && args+=(--plugins "$WORK/$binary/plugins")
        log="$WORK/time-$build-$n-$mode-$run.txt"
        EEVAL_EnterpriseEval__Plugins__Isolation=$isolation EEVAL_Logging__LogLevel__EnterpriseEval=Debug \
          /usr/bin/time -v "$WORK/$binary/eeval/eeval" "${args[@]}" >"$WORK/screen-$build-$n-$mode.txt" 2>"$log"
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
        rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
        cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$log")
        workers=$(awk '/Screening workers:/ {for (i = 1; i <= NF; i++) if ($i == "M") v = $(i-1)} END {print (v == "" ? "-" : v)}' "$log")
        printf '%-10s %-9s %-8s %-4s %8s %8s %12s %10s\n' "$n" "$build" "$mode" "$run" "$wall" "$cpu" "$rss" "$workers"
        [[ -n "$OUT" ]] && rm -rf "$out"
      done
    done
  done
done
