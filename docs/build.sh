#!/usr/bin/env bash
# Builds the reference documentation site into target/site and checks it (docs/README.md).
#   bash docs/build.sh           build, check links, open every page in headless Chromium
#   bash docs/build.sh --no-browser   the same without Chromium (a machine without it)
# Needs Debian's mkdocs, mkdocs-material and python3-pymdownx (and chromium for the page check),
# run with /usr/bin/python3: the site is built by Debian's MkDocs, never by a Python on the PATH
# that lacks them. Needs the compiled configuration metadata and Javadoc of the published modules;
# when they are missing (no `./mvnw -B verify` before), it compiles them first.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
MKDOCS=/usr/bin/mkdocs
browser=yes
[ "${1:-}" = "--no-browser" ] && browser=no

published=(joat-core joat-spring-boot-starter joat-test joat-revocation-redis)
metadata=(joat-spring-boot-starter/target/classes/META-INF/spring-configuration-metadata.json
          joat-revocation-redis/target/classes/META-INF/spring-configuration-metadata.json)

# ---- What Maven makes: the configuration metadata (the property table) and the Javadoc ----
missing=no
for file in "${metadata[@]}"; do [ -f "$file" ] || missing=yes; done
for module in "${published[@]}"; do [ -f "$module/target/reports/apidocs/index.html" ] || missing=yes; done
if [ "$missing" = yes ]; then
  echo "docs: compiling the published modules for their configuration metadata and Javadoc"
  nice ./mvnw -B -q -pl "$(IFS=,; echo "${published[*]}")" -am process-classes javadoc:jar \
    -Denforcer.skip=true
fi

# ---- Snippets: the tagged regions of the test sources (and of SECURITY.md) ----
rm -rf target/site-snippets target/site-generated target/site-src target/site
"$PY" docs/tools/extract-snippets.py target/site-snippets \
  joat-core/src/test joat-spring-boot-starter/src/test joat-test/src/test joat-revocation-redis/src/test \
  joat-sample-app/src/test \
  joat-sample-app/src/main/resources/application.yml SECURITY.md

# ---- The property table, from the metadata spring-boot-configuration-processor wrote ----
mkdir -p target/site-generated
"$PY" docs/tools/property-table.py target/site-generated/configuration-properties-table.md \
  "joat-spring-boot-starter=${metadata[0]}" "joat-revocation-redis=${metadata[1]}"

# ---- The pages, staged with the benchmark charts they show and the Javadoc, then MkDocs in strict mode ----
mkdir -p target/site-src
cp -r docs/pages target/site-src/pages
cp docs/mkdocs.yml target/site-src/mkdocs.yml
sed -i 's|^site_dir: .*|site_dir: ../site|' target/site-src/mkdocs.yml
mkdir -p target/site-src/pages/results
cp joat-benchmarks/results/*.svg target/site-src/pages/results/
for module in "${published[@]}"; do   # the Javadoc, beside the pages: strict mode checks links into it
  mkdir -p "target/site-src/pages/api/$module"
  cp -r "$module/target/reports/apidocs/." "target/site-src/pages/api/$module/"
done
"$MKDOCS" build --strict --quiet -f target/site-src/mkdocs.yml

# ---- Checks: anchors and links into the repository (site and README), then every page in Chromium ----
"$PY" docs/tools/check-links.py site target/site .
"$PY" docs/tools/check-links.py markdown . README.md
if [ "$browser" = yes ]; then
  "$PY" docs/tools/check-pages.py target/site target/site-screenshots \
    index.html=front-page.png protecting-an-app.html=protecting-an-app.png
fi
echo "docs: the site is in target/site (open target/site/index.html)"
