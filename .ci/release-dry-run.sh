#!/usr/bin/env bash
# Release dry run and reproducibility check (issue 14). Nothing leaves the machine.
#
# Copies the project's files twice, to target/release-dry-run/a and .../b (two paths, so a path baked
# into an artifact shows), sets the release version (the current one without -SNAPSHOT) in each copy,
# and stages each with `./mvnw -Prelease deploy` into <copy>/target/staging. Then:
#   1. .ci/check-staging.py checks copy a's staging against Maven Central's rules;
#   2. the two stagings must be identical byte for byte (maven-metadata.xml, which records the deploy
#      time, aside): the build is reproducible.
# The release version is never installed into ~/.m2 (the release profile skips install).
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/release-dry-run
rm -rf "$work"
mkdir -p "$work"

# The project version is the root pom's first <version> (the root pom has no parent).
snapshot=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -1)
release=${snapshot%-SNAPSHOT}
echo "release-dry-run: staging $release (from $snapshot) twice"

for copy in a b; do
  dir="$work/$copy"
  mkdir -p "$dir"
  # Tracked and new (not ignored) files, as they are in the working tree.
  git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
    | xargs -0 cp --parents -t "$dir"
  find "$dir" -name pom.xml -exec sed -i "s|<version>$snapshot</version>|<version>$release</version>|" {} +
  (cd "$dir" && ./mvnw -B -q -Prelease deploy)
done

python3 .ci/check-staging.py "$work/a/target/staging"
echo "release-dry-run: what the staged jars hold (unzip -l):"
find "$work/a/target/staging" -name '*.jar' | sort | while read -r jar; do
  printf '  %-60s %s\n' "${jar##*/}" "$(unzip -l "$jar" | tail -1 | awk '{print $2, "files,", $1, "bytes"}')"
done

for copy in a b; do
  (cd "$work/$copy/target/staging" && find . -type f ! -name 'maven-metadata*' | LC_ALL=C sort | xargs sha256sum) \
    > "$work/$copy.sha256"
done
if ! diff -u "$work/a.sha256" "$work/b.sha256"; then
  echo "release-dry-run: NOT REPRODUCIBLE: the two builds differ in the files above"
  exit 1
fi
echo "release-dry-run: reproducible: $(wc -l < "$work/a.sha256") staged files identical in two builds"
