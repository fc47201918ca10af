#!/usr/bin/env bash
# joat's asymmetric tokens, and the JWK Sets joat publishes, verified by node's `jose` 6.2.18:
#   joat-core/src/test/interop/run.sh        (after `./mvnw package`; needs java 17+ and node with npm)
# Mints with MintJoatTokens.java (the JDK's source launcher, joat-core's jar), installs `jose` into
# a temporary folder, runs verify-joat-tokens.mjs. Exit status 0 when every token verifies and every
# tampered one is refused.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
jar="$(ls "$root"/joat-core/target/joat-core-*.jar | grep -v -e sources -e javadoc -e tests | head -n 1)"
work="$(mktemp -d /tmp/joat-jose.XXXXXX)"
trap 'rm -rf "$work"' EXIT
java -cp "$jar" "$here/MintJoatTokens.java" https://issuer.example > "$work/tokens.json"
cp "$here/verify-joat-tokens.mjs" "$work/"
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent jose@6.2.18 >/dev/null)
(cd "$work" && node verify-joat-tokens.mjs tokens.json)
