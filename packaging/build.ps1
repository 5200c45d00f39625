# Builds the desktop program into dist\helsevakt-dashboard\ with PyInstaller, in .venv
# (made if missing) with the tested versions from constraints.txt. Not yet tried on Windows.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path .venv\Scripts\python.exe)) {
    py -3.11 -m venv .venv
    if ($LASTEXITCODE) { exit $LASTEXITCODE }
}
.venv\Scripts\python -m pip install -q -c constraints.txt -e ".[bundle]"
if ($LASTEXITCODE) { exit $LASTEXITCODE }
.venv\Scripts\pyinstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\helsevakt-dashboard.spec
if ($LASTEXITCODE) { exit $LASTEXITCODE }
Write-Output "Bygget: dist\helsevakt-dashboard\helsevakt-dashboard.exe"
