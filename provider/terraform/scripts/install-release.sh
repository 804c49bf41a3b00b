#!/bin/sh
# Installs a release of the Callplane provider (the files `pnpm run release` writes, which are
# also a GitHub release's assets) for Terraform, with no Node and no registry:
#
#   install-release.sh RELEASE_DIR MIRROR_DIR >> .terraform.lock.hcl
#
#  1. checks the signature on SHA256SUMS with gpg (import the release's public key first;
#     CALLPLANE_SKIP_SIGNATURE_CHECK=1 skips this, for your own unsigned builds);
#  2. checks every zip against SHA256SUMS;
#  3. copies the zips into MIRROR_DIR/registry.terraform.io/callplane/callplane/ (Terraform's
#     packed layout: a filesystem_mirror's path, or ~/.terraform.d/plugins);
#  4. prints the lock file entry with every zip's `zh:` hash from the verified SHA256SUMS.
#     Appended to a working directory's .terraform.lock.hcl (before its first `terraform init`
#     of this provider), it makes `terraform init` check the zip against the signed sums.
# Needs gpg, sha256sum (or shasum) and a POSIX shell.
set -eu

if [ $# -ne 2 ]; then
  echo "usage: $0 RELEASE_DIR MIRROR_DIR >> .terraform.lock.hcl" >&2
  exit 2
fi
release=$1
mirror=$2

set -- "$release"/terraform-provider-callplane_*_SHA256SUMS
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "$release: expected exactly one terraform-provider-callplane_<version>_SHA256SUMS" >&2
  exit 1
fi
sums=$1
version=${sums##*/terraform-provider-callplane_}
version=${version%_SHA256SUMS}

if [ "${CALLPLANE_SKIP_SIGNATURE_CHECK:-}" != 1 ]; then
  if ! gpg --batch --verify "$sums.sig" "$sums" 2>/dev/null; then
    echo "$sums.sig: not a good signature from a key in your keyring (import the release's public key with gpg --import)" >&2
    exit 1
  fi
  echo "signature on ${sums##*/}: good" >&2
fi

if command -v sha256sum >/dev/null 2>&1; then check="sha256sum -c -"; else check="shasum -a 256 -c -"; fi
(cd "$release" && grep '\.zip$' "${sums##*/}" | $check >&2)

target="$mirror/registry.terraform.io/callplane/callplane"
mkdir -p "$target"
grep '\.zip$' "$sums" | while read -r hash name; do
  cp "$release/$name" "$target/$name"
  echo "installed $target/$name" >&2
done

echo ""
echo 'provider "registry.terraform.io/callplane/callplane" {'
echo "  version = \"$version\""
echo "  hashes = ["
grep '\.zip$' "$sums" | while read -r hash name; do echo "    \"zh:$hash\","; done
echo "  ]"
echo "}"
