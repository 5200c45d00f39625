#!/usr/bin/env bash
# Builds the desktop program into dist/helsevakt-dashboard/ with PyInstaller, in .venv
# (made if missing) with the tested versions from constraints.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -c constraints.txt -e '.[bundle]'
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/helsevakt-dashboard.spec
echo "Bygget: dist/helsevakt-dashboard/helsevakt-dashboard ($(du -sh dist/helsevakt-dashboard | cut -f1))"
