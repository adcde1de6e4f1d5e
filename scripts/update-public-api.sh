#!/usr/bin/env bash
# Regenerates the declared public API (PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt, checked by
# Microsoft.CodeAnalysis.PublicApiAnalyzers) of the SDK, the test kit and the engine after an intended change
# (docs/plugin-authoring.md "Versioning"):
#   - a new public member is added to PublicAPI.Unshipped.txt (RS0016), by the analyzer's own code fix:
#     `dotnet format analyzers <project> --diagnostics RS0016`;
#   - a member that is no longer public (RS0017) is deleted from PublicAPI.Unshipped.txt when it never shipped, and
#     declared `*REMOVED*<line>` in PublicAPI.Unshipped.txt when it did (a breaking change: say so in the docs).
# `dotnet format` has no fix for RS0017, hence this script. Review `git diff -- '*PublicAPI.*.txt'` before committing.
#
# Usage: scripts/update-public-api.sh [PROJECT.csproj ...]   (default: the three tracked projects)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ $# -gt 0 ]]; then
  PROJECTS=("$@")
else
  PROJECTS=(sdk/EnterpriseEval.Sdk/EnterpriseEval.Sdk.csproj
            sdk/EnterpriseEval.Sdk.Testing/EnterpriseEval.Sdk.Testing.csproj
            host/EnterpriseEval.Engine/EnterpriseEval.Engine.csproj)
fi

for project in "${PROJECTS[@]}"; do
  echo "== 登记新增的公开 API（RS0016）：$project"
  dotnet format analyzers "$project" --diagnostics RS0016 -v q

  echo "== 登记移除的公开 API（RS0017）：$project"
  log="$(mktemp)"
  dotnet build "$project" -v q -nologo >"$log" 2>&1 || true
  # "<dir>/PublicAPI.Shipped.txt(12,1): error RS0017: Symbol '<line>' is part of the declared API, …"
  sed -n "s/^\(.*PublicAPI\.\(Shipped\|Unshipped\)\.txt\)([0-9]*,[0-9]*): \(error\|warning\) RS0017: Symbol '\(.*\)' is part of the declared API.*/\1\t\4/p" "$log" |
    sort -u |
    while IFS=$'\t' read -r file symbol; do
      unshipped="$(dirname "$file")/PublicAPI.Unshipped.txt"
      if [[ "$file" == *Unshipped.txt ]]; then
        grep -vxF -- "$symbol" "$unshipped" >"$unshipped.tmp" || true
        mv "$unshipped.tmp" "$unshipped"
        echo "   删除（未发布过）：$symbol"
      elif ! grep -qxF -- "*REMOVED*$symbol" "$unshipped"; then
        [[ -s "$unshipped" && -n "$(tail -c1 "$unshipped")" ]] && echo >>"$unshipped"
        printf '*REMOVED*%s\n' "$symbol" >>"$unshipped"
        echo "   标记 *REMOVED*（已发布，属破坏性变更）：$symbol"
      fi
    done
  rm -f "$log"

  echo "== 复核构建：$project"
  dotnet build "$project" -v q -nologo
done

git --no-pager diff --stat -- '*PublicAPI.*.txt'
