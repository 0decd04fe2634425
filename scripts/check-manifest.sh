#!/usr/bin/env bash
# Validates manifest.xml offline against the XSDs in ../shared/schemas/office-addin-manifest/
# (the online `office-addin-manifest validate` needs internet). Those XSDs predate 2020: where the
# current documentation allows an element they do not know, the documentation wins.
set -euo pipefail
cd "$(dirname "$0")/.."
SCHEMAS="${SCHEMAS_DIR:-../shared/schemas/office-addin-manifest}"
command -v xmllint >/dev/null || { echo "xmllint ontbreekt (apt-get install libxml2-utils)" >&2; exit 1; }
for m in manifest.xml ${EXTRA_MANIFESTS:-}; do
  xmllint --noout --schema "$SCHEMAS/OfficeAppManifestV1_1.xsd" "$m"
done
