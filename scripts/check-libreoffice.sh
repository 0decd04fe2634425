#!/usr/bin/env bash
# Proves that a real spreadsheet reader opens the result workbooks written by `npm run demo`:
# LibreOffice (Debian) converts every sheet to CSV (filter token 12 = -1: one CSV per sheet), and
# the four result sheets must be there with their titles; for Kerkrade the stock total too.
# Fails when LibreOffice is missing.
#
#   scripts/check-libreoffice.sh                  the demo's out/kerkrade- and out/parkstad-resultaat.xlsx
#   scripts/check-libreoffice.sh FILE.xlsx ...    other result workbooks, e.g. the browser page's
#                                                 download (node scripts/bench/worker-path.js IN OUT);
#                                                 the Kerkrade checks apply to a file named kerkrade*
set -euo pipefail
cd "$(dirname "$0")/.."
SOFFICE=$(command -v soffice || command -v libreoffice || true)
if [ -z "$SOFFICE" ]; then
  echo "LibreOffice ontbreekt (apt-get install libreoffice-calc-nogui)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(out/kerkrade-resultaat.xlsx out/parkstad-resultaat.xlsx)
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "$f ontbreekt: eerst npm run demo" >&2; exit 1; }
  base=$(basename "$f" .xlsx)
  "$SOFFICE" --headless -env:UserInstallation=file://"$tmp"/profile \
    --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1" \
    --outdir "$tmp/$base" "$f" >/dev/null 2>&1 || true
  for pair in "BZK-indeling:BZK-indeling van de woningvoorraad" "Tekort:Tekort: aanbod tegenover vraag" \
              "Aanpassingspotentieel:Aanpassingspotentieel van de voorraad" "Controle:Controle: balans en meldingen"; do
    sheet=${pair%%:*}; title=${pair#*:}
    csv="$tmp/$base/$base-$sheet.csv"
    [ -f "$csv" ] || { echo "LibreOffice kon blad $sheet van $f niet openen" >&2; exit 1; }
    grep -q "$title" "$csv" || { echo "Blad $sheet van $f: titel '$title' niet gevonden" >&2; exit 1; }
  done
  echo "LibreOffice opent $f: de 4 resultaatbladen zijn leesbaar"
done
for f in "${files[@]}"; do
  base=$(basename "$f" .xlsx)
  case "$base" in kerkrade*) ;; *) continue ;; esac
  grep -q '^totaal,7824' "$tmp/$base/$base-BZK-indeling.csv" \
    || { echo "Kerkrade ($f): totaal 7824 niet gevonden in BZK-indeling (LibreOffice)" >&2; exit 1; }
  grep -q '^Rijen gelezen,7824' "$tmp/$base/$base-Controle.csv" \
    || { echo "Kerkrade ($f): balans niet gevonden in Controle (LibreOffice)" >&2; exit 1; }
done
echo "LibreOffice-controle geslaagd"
