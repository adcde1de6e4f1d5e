#!/usr/bin/env bash
# Screenshots of the web app (1366×768) for README.md: runs the browser tests (tests/EnterpriseEval.Browser.Tests),
# which drive a real `eeval serve --demo` in Debian's chromium and save the dashboard, the decisions table, the ballot page, the screenings list and a
# person's page into docs/screenshots/. Needs /usr/bin/chromium (apt-get install -y chromium) and, for Chinese text,
# a CJK font (apt-get install -y fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p docs/screenshots
EEVAL_SCREENSHOTS=docs/screenshots dotnet test tests/EnterpriseEval.Browser.Tests "$@"
ls -l docs/screenshots/*.png
