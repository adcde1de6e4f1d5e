#!/usr/bin/env bash
# The plug-in author's path, end to end, against freshly packed packages (docs/plugin-authoring.md, "Tutorial"):
# pack → install the template → dotnet new eeval-plugin → restore and check the dependency graph (no SQLite, Excel
# or review code) → dotnet test (the case files too, through the kit) → dotnet publish → eeval plugins validate →
# eeval test on the template's case files → a plugin.json naming another SDK major fails the build → a plugin.json
# without sdkVersion gets the stamped one in the published copy.
# Runs in a temporary folder outside the repository, so the generated solution cannot lean on this repository's
# Directory.Build.props; the template is installed into a temporary CLI home, so the machine's template list is
# left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The version every package carries (Directory.Build.props: EnterpriseEvalVersion).
version=$(sed -n 's:.*<EnterpriseEvalVersion>\(.*\)</EnterpriseEvalVersion>.*:\1:p' Directory.Build.props)
packages="$repo/artifacts/packages"
work=$(mktemp -d "${TMPDIR:-/tmp}/eeval-roundtrip.XXXXXX")
trap 'rm -rf "$work"' EXIT

step() { echo; echo "== $*"; }

step "pack $version into $packages"
rm -f "$packages"/EnterpriseEval.*.nupkg
dotnet pack EnterpriseEval.sln -o "$packages" --nologo -v quiet

# NuGet caches packages by id and version, and the version does not change between runs: without this, restore would
# take the bits cached by an earlier run instead of those just packed.
nuget_cache=${NUGET_PACKAGES:-$HOME/.nuget/packages}
for id in enterpriseeval.sdk enterpriseeval.sdk.testing enterpriseeval.engine; do
  rm -rf "${nuget_cache:?}/$id/$version"
done

step "dotnet new install EnterpriseEval.Templates $version (temporary CLI home)"
export DOTNET_CLI_HOME="$work/cli-home"
dotnet new install "$packages/EnterpriseEval.Templates.$version.nupkg"

step "dotnet new eeval-plugin -n Acme.Plugin"
dotnet new eeval-plugin -n Acme.Plugin -o "$work/acme" --package-source "$packages"

step "dotnet restore, then the dependency graph: the engine's public API only (docs/architecture.md, \"The engine\")"
dotnet restore "$work/acme"
# The test kit depends on the engine with an ordinary version range and reaches it through its public API: a plug-in
# author's projects must not pull in the host's SQLite store, Excel reader or review workflow.
graph=$(dotnet list "$work/acme" package --include-transitive)
echo "$graph"
if forbidden=$(echo "$graph" | grep -E '^\s*>\s*(Microsoft\.Data\.Sqlite|SQLitePCLRaw[^ ]*|MiniExcel|EnterpriseEval\.Workflow)\s'); then
  echo "the plug-in project made from the template depends on host-only packages:" >&2
  echo "$forbidden" >&2
  exit 1
fi
if ! echo "$graph" | grep -qE '^\s*>\s*EnterpriseEval\.Engine\s'; then
  echo "the dependency graph does not list EnterpriseEval.Engine: the check above would prove nothing" >&2
  exit 1
fi

step "dotnet test (the generated tests, through the test kit)"
dotnet test "$work/acme"

step "dotnet publish the plug-in into a plug-ins folder"
dotnet publish "$work/acme/Acme.Plugin" -c Release -o "$work/plugins/acme-plugin" --nologo -v quiet
if ls "$work/plugins/acme-plugin" | grep -q '^EnterpriseEval\.Sdk\.dll$'; then
  echo "the published plug-in carries its own EnterpriseEval.Sdk.dll; the host would refuse it" >&2
  exit 1
fi

step "eeval plugins validate (the host, unchanged)"
unset DOTNET_CLI_HOME
dotnet run --project host/EnterpriseEval.Host -- plugins validate --plugins "$work/plugins"

step "eeval test: the template's case files against the published plug-in (docs/test-cases.md)"
# The same files the generated tests ran through the test kit above, now through the host and its worker process.
dotnet run --project host/EnterpriseEval.Host -- test "$work/acme/cases" --plugins "$work/plugins"

step "dotnet new eeval-plugin -n Contoso.Plugin: nothing of the template's own name is left (docs/plugin-authoring.md, \"What the template created\")"
# Ids, CSS classes, namespaces, file names and the plug-in id follow the name given (template.json symbols); a leftover
# Acme in a plug-in of another name would ship as that firm's criterion id or letterhead class.
(
  export DOTNET_CLI_HOME="$work/cli-home"
  dotnet new eeval-plugin -n Contoso.Plugin -o "$work/contoso" --package-source "$packages"
  # The package folder's own path (in nuget.config) is the machine's, not the template's: left out of the check.
  leftovers=$( (grep -rni acme "$work/contoso" || true) | grep -vF -- "$packages" || true)
  leftovers+=$(find "$work/contoso" -iname '*acme*')
  if [ -n "$leftovers" ]; then
    echo "the plug-in made with -n Contoso.Plugin still names Acme:" >&2
    echo "$leftovers" >&2
    exit 1
  fi
  if ! grep -q '"CONTOSO-SERVICE"' "$work/contoso/Contoso.Plugin/Criteria/ServiceYearsCriterion.cs"; then
    echo "the criterion id of Contoso.Plugin is not CONTOSO-SERVICE: the check above would prove nothing" >&2
    exit 1
  fi
  dotnet test "$work/contoso"
)

# The package's build files stamp the SDK version into the plug-in (validate above refuses an unstamped one) and check
# plugin.json's sdkVersion against it: a manifest naming another SDK major must fail the build
# (docs/plugin-authoring.md "Versioning and compatibility").
step "a plugin.json naming another SDK major fails the build (EEVAL002)"
other="$(( ${version%%.*} + 1 )).0.0"
sed -i "s/\"sdkVersion\": *\"$version\"/\"sdkVersion\": \"$other\"/" "$work/acme/Acme.Plugin/plugin.json"
grep -q "\"sdkVersion\": \"$other\"" "$work/acme/Acme.Plugin/plugin.json"
if log=$(dotnet build "$work/acme/Acme.Plugin" --nologo -v quiet 2>&1); then
  echo "the plug-in built although its plugin.json says sdkVersion $other and the package is $version" >&2
  exit 1
fi
if ! echo "$log" | grep -q "EEVAL002"; then
  echo "the build failed, but not on the sdkVersion check:" >&2
  echo "$log" >&2
  exit 1
fi
echo "$log" | grep -m1 "EEVAL002"

# Without sdkVersion the build fills it: the published plugin.json carries the stamped version, the source file stays
# as written, and the host loads the plug-in (docs/plugin-authoring.md "Versioning and compatibility").
step "a plugin.json without sdkVersion: the build writes the stamped version into the published copy"
sed -i '/"sdkVersion"/d' "$work/acme/Acme.Plugin/plugin.json"
if grep -q sdkVersion "$work/acme/Acme.Plugin/plugin.json"; then
  echo "could not remove sdkVersion from the generated plugin.json" >&2
  exit 1
fi
rm -rf "$work/plugins-filled"
dotnet publish "$work/acme/Acme.Plugin" -c Release -o "$work/plugins-filled/acme-plugin" --nologo -v quiet
if grep -q sdkVersion "$work/acme/Acme.Plugin/plugin.json"; then
  echo "the build wrote sdkVersion into the source plugin.json; only the published copy should have it" >&2
  exit 1
fi
if ! grep -q "\"sdkVersion\": \"$version\"" "$work/plugins-filled/acme-plugin/plugin.json"; then
  echo "the published plugin.json does not carry sdkVersion $version:" >&2
  cat "$work/plugins-filled/acme-plugin/plugin.json" >&2
  exit 1
fi
dotnet run --project host/EnterpriseEval.Host -- plugins validate --plugins "$work/plugins-filled"

echo
echo "template round trip passed ($version)"
