#!/usr/bin/env bash
# Writes the sample forms rendered by the Documents tests to a folder (default: outside the work
# tree, so nothing is committed by mistake), with page 1 of each as PNG, for a person to look at.
# Needs poppler-utils (pdftoppm, pdftotext).  Usage: render-samples.sh [folder]
set -euo pipefail
cd "$(dirname "$0")/../../.."
out="$(realpath -m "${1:-${TMPDIR:-/tmp}/motcua-form-samples}")"
mkdir -p "$out"
MOTCUA_FORM_SAMPLES="$out" dotnet test tests/MotCua.Tests --filter "FullyQualifiedName~Documents" --nologo -v q
for pdf in "$out"/*.pdf; do
  pdftoppm -png -r 80 -f 1 -l 1 "$pdf" "${pdf%.pdf}"
done
ls -l "$out"
