#!/usr/bin/env bash
# Validates add-in manifests offline against the XSDs in ../shared/schemas/office-addin-manifest/
# (the online `office-addin-manifest validate`, `npm run validate`, needs internet). Those XSDs
# predate 2020: where the current documentation allows an element they do not know, the
# documentation wins.
#
#   bash scripts/check-manifest.sh                       manifest.xml (+ $EXTRA_MANIFESTS)
#   bash scripts/check-manifest.sh dist/manifest.xml     the given manifests (after npm run build)
#   npm run check:manifest -- manifest.xml dist/manifest.xml
#
# A production manifest (any file other than ./manifest.xml) must also point nowhere near the
# development server: no URL or AppDomain with "localhost" (comments do not count).
set -euo pipefail
cd "$(dirname "$0")/.."
SCHEMAS="${SCHEMAS_DIR:-../shared/schemas/office-addin-manifest}"
command -v xmllint >/dev/null || { echo "xmllint ontbreekt (apt-get install libxml2-utils)" >&2; exit 1; }
if [ "$#" -gt 0 ]; then
  manifests=("$@")
else
  # shellcheck disable=SC2206 # EXTRA_MANIFESTS is a space-separated list of paths
  manifests=(manifest.xml ${EXTRA_MANIFESTS:-})
fi
for m in "${manifests[@]}"; do
  [ -f "$m" ] || { echo "$m bestaat niet (voor dist/manifest.xml: eerst npm run build)" >&2; exit 1; }
  xmllint --noout --schema "$SCHEMAS/OfficeAppManifestV1_1.xsd" "$m"
  if [ "$(realpath "$m")" != "$(realpath manifest.xml)" ] \
    && xmllint --xpath '//@*[starts-with(., "http")] | //*[local-name()="AppDomain"]/text()' "$m" 2>/dev/null | grep -q "localhost"; then
    echo "$m verwijst nog naar localhost: bouw met npm run build (productie) en zet ADDIN_URL" >&2
    exit 1
  fi
done
