#!/usr/bin/env sh
# Downloads the Akoma Ntoso 3.0 schema (OASIS LegalDocML, OASIS Standard 2018-08-29) and the W3C
# xml.xsd it imports into schemas/akn/ (git-ignored), and checks both against the sha256 values
# recorded in shared/schemas/akn/SOURCE.md. Any mismatch or failed download fails loudly, and
# nothing unverified is left in schemas/akn/.
#
#   scripts/fetch-schemas.sh            # into <project>/schemas/akn
#   AKN_SCHEMA_DIR=/some/dir scripts/fetch-schemas.sh
#
# The validator (pipeline/validate/akn-schema.ts) looks in AKN_SCHEMA_DIR, then ../shared/schemas/akn,
# then schemas/akn.
set -eu

# The official location; AKN_SCHEMA_BASE_URL may name a mirror (the checksums still apply).
BASE_URL=${AKN_SCHEMA_BASE_URL:-'http://docs.oasis-open.org/legaldocml/akn-core/v1.0/os/part2-specs/schemas'}
AKN_SHA256='6f61fe84cbb6f8cb0e8418cd67b74a63da9990e6573b5a3491f623184f45c4fd'
XML_SHA256='81aed1bb30c9d475f5b16b6bb92e6ede9879dcd7e146c0ed8df577b87b1d2815'

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
target=${AKN_SCHEMA_DIR:-"$root/schemas/akn"}

fail() {
  printf 'fetch-schemas: %s\n' "$*" >&2
  exit 1
}

if command -v sha256sum >/dev/null 2>&1; then
  sha256() { sha256sum "$1" | cut -d ' ' -f 1; }
elif command -v shasum >/dev/null 2>&1; then
  sha256() { shasum -a 256 "$1" | cut -d ' ' -f 1; }
else
  fail 'need sha256sum or shasum'
fi

if command -v curl >/dev/null 2>&1; then
  download() { curl --fail --silent --show-error --location --max-time 60 --output "$2" "$1"; }
elif command -v wget >/dev/null 2>&1; then
  download() { wget --quiet --timeout=60 --output-document="$2" "$1"; }
else
  fail 'need curl or wget'
fi

mkdir -p "$target"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/akn-schemas.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

fetch() {
  name=$1
  expected=$2
  url="$BASE_URL/$name"
  printf 'fetch-schemas: %s\n' "$url"
  download "$url" "$tmp/$name" || fail "cannot download $url"
  actual=$(sha256 "$tmp/$name")
  if [ "$actual" != "$expected" ]; then
    fail "sha256 mismatch for $name: expected $expected, got $actual (not installed)"
  fi
}

fetch akomantoso30.xsd "$AKN_SHA256"
fetch xml.xsd "$XML_SHA256"

# Install only when both files verified.
mv "$tmp/akomantoso30.xsd" "$target/akomantoso30.xsd"
mv "$tmp/xml.xsd" "$target/xml.xsd"
printf 'fetch-schemas: verified and installed into %s\n' "$target"
