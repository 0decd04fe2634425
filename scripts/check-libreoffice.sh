#!/usr/bin/env bash
# Proves that a real spreadsheet reader opens the result workbooks written by `npm run demo`:
# LibreOffice (Debian) converts each result sheet to CSV, and the CSV must hold the sheet's title
# and, for Kerkrade, the stock total. Fails when LibreOffice is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
SOFFICE=$(command -v soffice || command -v libreoffice || true)
if [ -z "$SOFFICE" ]; then
  echo "LibreOffice ontbreekt (apt-get install libreoffice-calc-nogui)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in out/kerkrade-resultaat.xlsx out/parkstad-resultaat.xlsx; do
  [ -f "$f" ] || { echo "$f ontbreekt: eerst npm run demo" >&2; exit 1; }
  base=$(basename "$f" .xlsx)
  for sheet in BZK-indeling Tekort Aanpassingspotentieel Controle; do
    # The CSV filter's 12th token selects the sheet by name (LibreOffice 7.2+).
    "$SOFFICE" --headless -env:UserInstallation=file://"$tmp"/profile \
      --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,$sheet" \
      --outdir "$tmp/$base-$sheet" "$f" >/dev/null 2>&1
    csv=$(ls "$tmp/$base-$sheet"/*.csv 2>/dev/null | head -n1 || true)
    [ -n "$csv" ] || { echo "LibreOffice kon blad $sheet van $f niet omzetten" >&2; exit 1; }
  done
  grep -q "Controle: balans en meldingen" "$tmp/$base-Controle"/*.csv || { echo "Controle-blad van $f onleesbaar" >&2; exit 1; }
  echo "LibreOffice opent $f (4 resultaatbladen omgezet naar CSV)"
done
grep -q "7824" "$tmp/kerkrade-resultaat-BZK-indeling"/*.csv || { echo "Kerkrade-totaal 7824 niet gevonden in BZK-indeling (LibreOffice)" >&2; exit 1; }
echo "LibreOffice-controle geslaagd"
