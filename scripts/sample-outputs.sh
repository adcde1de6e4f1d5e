#!/usr/bin/env bash
# Writes every sample roster's outputs — screening with no plug-in, each shipped plug-in and both, and every notice
# kind in both formats — into OUT, one folder per run, with the dates fixed so two builds can be compared byte for
# byte (issue 13: outputs identical before and after the engine redesign except where a defect is fixed).
#   scripts/sample-outputs.sh OUT [EEVAL_DLL]
#   scripts/sample-outputs.sh --compare OUT_A OUT_B    every file byte for byte; console logs without line breaks,
#                                                      spaces and the output folder's own path
# EEVAL_DLL defaults to this checkout's Debug build of eeval; plug-ins come from $PLUGINS, by default artifacts/plugins
# (built with the solution): give both builds the same plug-in files, since decisions record their hash.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --compare ]; then
  a=${2:?}; b=${3:?}; status=0
  diff -rq -x '*.log' "$a" "$b" || status=1
  for f in "$a"/*.log; do
    n=$(basename "$f")
    [ "$(tr -d ' \n' <"$f" | sed "s#$a#<out>#g")" = "$(tr -d ' \n' <"$b/$n" | sed "s#$b#<out>#g")" ] || { echo "console output differs: $n"; status=1; }
  done
  exit $status
fi
out=${1:?usage: scripts/sample-outputs.sh OUT [EEVAL_DLL]}
dll=${2:-host/EnterpriseEval.Host/bin/Debug/net10.0/eeval.dll}
plugins=${PLUGINS:-$(pwd)/artifacts/plugins}
mkdir -p "$out"
run() { local name=$1 status=0; shift; dotnet "$dll" "$@" >"$out/$name.log" 2>&1 || status=$?; [ "$status" -eq 0 ] || echo "exit $status" >>"$out/$name.log"; }
declare -A sets=([none]="" [ganjiang]="$plugins/ganjiang-heavy" [ganpower]="$plugins/ganpower-supply" [both]="$plugins")
for roster in samples/rosters/*/; do
  r=$(basename "$roster")
  for set in none ganjiang ganpower both; do
    args=(--roster "$roster" --as-of 2026-12-31)
    [ -n "${sets[$set]}" ] && args+=(--plugins "${sets[$set]}")
    # The plug-in's options and the enterprise's review authorisation (host configuration, docs/plugins.md); the group
    # roster with both plug-ins runs with the group's (samples/rosters/group/README.md).
    case $set in
      both) if [ "$r" = group ]; then args+=(--config samples/config/group.json); else args+=(--config samples/config/ganjiang-heavy.json); fi ;;
      ganjiang) args+=(--config samples/config/ganjiang-heavy.json) ;;
      ganpower) args+=(--config samples/config/ganpower-supply.json) ;;
    esac
    run "screen-$r-$set" screen "${args[@]}" --out "$out/screen-$r-$set"
    for kind in post_equivalence_notice wage_notice allowance_notice screening_result_notice publicity_list; do
      for format in html md; do
        run "notices-$r-$set-$kind-$format" notices "${args[@]}" --kind "$kind" --format "$format" --issued-on 2027-01-05 --out "$out/notices-$r-$set-$kind-$format"
      done
    done
  done
done
# Timings and paths differ between runs by nature; everything else is compared.
sed -i -E 's/[0-9]+(\.[0-9]+)? ?(秒|ms|s)\b/<t>/g' "$out"/*.log
