#!/usr/bin/env bash
# Screenshots for docs/: the Prefect UI's page of a real run, and the HTML report.
#
#   scripts/screenshots.sh [OUT_DIR]
#
# The browser tests start a Prefect server, run the flow on a small fictional corpus,
# and save docs/prefect-ui-run.png and docs/report.png. When OUT_DIR holds a run's
# tables (e.g. data/processed after `make run`), docs/report.png is then retaken
# from OUT_DIR's report, which has more to show.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
bash scripts/install_chromium.sh
NEWSETL_SCREENSHOT_DIR=docs "$BIN/python" -m pytest -q -p no:cacheprovider tests/integration/test_browser.py

OUT_DIR="${1:-}"
if [ -n "$OUT_DIR" ] && [ -d "$OUT_DIR/articles" ]; then
  "$BIN/newsetl" report --out "$OUT_DIR"
  PROFILE="$(mktemp -d)"
  trap 'rm -rf "$PROFILE"' EXIT
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$PROFILE" \
    --window-size=1100,3000 --screenshot="$PWD/docs/report.png" \
    "file://$(cd "$OUT_DIR" && pwd)/report.html" 2>/dev/null
fi
ls -l docs/*.png
