#!/usr/bin/env bash
# Rebuilds the sample workbooks from ../shared/domain/data into a temporary folder and checks that
# their cell contents equal the committed ones in assets/ (the test suite compares the values).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
OUT_DIR="$tmp" node scripts/build-samples.js >/dev/null
node scripts/compare-workbooks.js assets/parkstad-woonzorg-2023.xlsx "$tmp/parkstad-woonzorg-2023.xlsx"
node scripts/compare-workbooks.js assets/kerkrade-sociale-huur-2020.xlsx "$tmp/kerkrade-sociale-huur-2020.xlsx"
