#!/usr/bin/env bash
# The screening core with both shipped plug-ins, interleaved with another build (BENCHMARKS.md, "Screening core (#14)"):
# builds the benchmark project in Release here and, with BASELINE, in a worktree of that revision; then, for MINUTES,
# runs `--split 6` (20,000 employees: the statutory core, the criteria stage, both together; warmed up until the JIT
# has settled) on one core, this build and the baseline in turn, and prints each run and a summary: per build the
# median of the runs' medians per candidate-path and how many runs reached 1,000,000 candidate-paths a CPU-second, and
# the run-by-run ratio of this build to the baseline.
#
# Usage: scripts/measure-core.sh [MINUTES]            (default 20)
# Env:   BASELINE=REV  the build to alternate with (e.g. the previous main); without it only this build runs.
#        WORK=DIR      where the baseline's worktree and the log go (default out/measure)
#        EMPLOYEES=N   the first N employees of the benchmark roster only (1000: records that stay in the cache)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${WORK:-$ROOT/out/measure}"
MINUTES="${1:-20}"
EMPLOYEES="${EMPLOYEES:-}"
LOG="$WORK/core-$(date +%Y%m%d-%H%M%S).txt"
BENCH=tests/EnterpriseEval.Benchmarks/bin/Release/net10.0/EnterpriseEval.Benchmarks.dll
mkdir -p "$WORK"

build() {
  rm -rf "$1/artifacts/benchmark-plugins"
  dotnet build "$1/tests/EnterpriseEval.Benchmarks" -c Release --nologo -v quiet >/dev/null
}

echo "== 编译本版本的基准测试（Release）"
build "$ROOT"
BUILDS=(current)
if [[ -n "${BASELINE:-}" ]]; then
  echo "== 编译对照版本 $BASELINE 的基准测试（与本版本交替运行）"
  rm -rf "$WORK/core-baseline-src"
  git -C "$ROOT" worktree add --detach --force "$WORK/core-baseline-src" "$BASELINE" >/dev/null 2>&1
  # Before 8f4f517 `--split` had no warm-up and counted the JIT's first seconds: such a baseline gets this build's
  # benchmark driver, so that both are measured alike.
  if ! git -C "$ROOT" merge-base --is-ancestor 8f4f517 "$BASELINE" 2>/dev/null; then
    echo "   （$BASELINE 早于 8f4f517，其基准程序没有预热：换用本版本的 tests/EnterpriseEval.Benchmarks/Program.cs）"
    cp "$ROOT/tests/EnterpriseEval.Benchmarks/Program.cs" "$WORK/core-baseline-src/tests/EnterpriseEval.Benchmarks/Program.cs"
  fi
  build "$WORK/core-baseline-src"
  # The same roster for both (generated once, deterministically, by the first benchmark run).
  if [[ -d "$ROOT/out/benchmarks" ]]; then
    mkdir -p "$WORK/core-baseline-src/out"
    cp -r "$ROOT/out/benchmarks" "$WORK/core-baseline-src/out/"
  fi
  BUILDS=(current baseline)
fi

# One core of the machine, the same for every run (the benchmark measures one thread's CPU time).
PIN=()
if command -v taskset >/dev/null && [[ $(nproc) -gt 1 ]]; then
  PIN=(taskset -c 1)
fi

echo "== 交替运行 $MINUTES 分钟；负载：$(cut -d' ' -f1-3 /proc/loadavg)；记录：$LOG"
end=$(( $(date +%s) + MINUTES * 60 ))
run=0
while [[ $(date +%s) -lt $end ]]; do
  run=$((run + 1))
  for build in "${BUILDS[@]}"; do
    dir="$ROOT"
    [[ $build == baseline ]] && dir="$WORK/core-baseline-src"
    # The three workloads every build has (not `pass`, which older builds lack), so both builds run the same loop.
    line=$("${PIN[@]}" dotnet "$dir/$BENCH" --split 6 "${EMPLOYEES:-20000}" core,stage,plugins | grep -E '^(core|stage|plugins) ' | tr -s ' ' | tr '\n' ' ')
    printf '%s %s r%s %s %s\n' "$(date +%H:%M:%S)" "$build" "$run" "$(cut -d' ' -f1 /proc/loadavg)" "$line" | tee -a "$LOG"
  done
done

if [[ -n "${BASELINE:-}" ]]; then
  git -C "$ROOT" worktree remove --force "$WORK/core-baseline-src" >/dev/null 2>&1 || true
fi

# The median of the runs' medians of both together (the `plugins` workload), per build.
echo "== 汇总（两者合计 plugins，每个候选路径的线程 CPU 时间，取各次运行中位数的中位数）"
for build in "${BUILDS[@]}"; do
  grep " $build r" "$LOG" | sed -E 's/.*plugins fastest *[0-9,]+ ns, median *([0-9,]+) ns.*/\1/' | tr -d ',' | sort -n |
    awk -v b="$build" '{v[NR] = $1; if ($1 <= 1000) fast++}
      END {m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
           printf "%-9s %d 次运行：中位数 %d ns（每 CPU 秒 %.2f M 个候选路径）；%d 次达到每 CPU 秒 100 万\n", b, NR, m, 1000 / m, fast + 0}'
done
if [[ -n "${BASELINE:-}" ]]; then
  grep -E ' (current|baseline) r' "$LOG" | sed -E 's/^[^ ]+ ([a-z]+) r([0-9]+) .*plugins fastest *[0-9,]+ ns, median *([0-9,]+) ns.*/\2 \1 \3/' | tr -d ',' |
    awk '{t[$1 " " $2] = $3; r[$1] = 1}
      END {for (k in r) if ((k " current") in t && (k " baseline") in t) print t[k " current"] / t[k " baseline"]}' | sort -n |
    awk '{q[NR] = $1; if ($1 < 1) lower++}
      END {m = (NR % 2) ? q[(NR + 1) / 2] : (q[NR / 2] + q[NR / 2 + 1]) / 2;
           printf "本版本 ÷ 对照版本（逐次配对）：中位数 %.3f；%d 对中本版本更快 %d 对\n", m, NR, lower + 0}'
fi
