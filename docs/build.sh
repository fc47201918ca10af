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
# Where the pages come from and where everything goes; docs/tools/test-checks.sh points these at a
# broken copy of the pages to see each check fail.
pages=${JOAT_DOCS_PAGES:-docs/pages}
out=${JOAT_SITE_TARGET:-target}
readme=${JOAT_README:-README.md}

published=(joat-core joat-spring-boot-starter joat-test joat-revocation-redis)
metadata=(joat-spring-boot-starter/target/classes/META-INF/spring-configuration-metadata.json
          joat-revocation-redis/target/classes/META-INF/spring-configuration-metadata.json)

# ---- What Maven makes: the configuration metadata (the property table) and the Javadoc ----
missing=no
for file in "${metadata[@]}"; do [ -f "$file" ] || missing=yes; done
# The pages link the Javadoc's package layout (api/<module>/dev/joat/...): a Javadoc laid out by
# module (as a later JDK writes it, e.g. CI's JDK 25 build) is made again by the JDK on the PATH.
for module in "${published[@]}"; do [ -d "$module/target/reports/apidocs/dev" ] || missing=yes; done
if [ "$missing" = yes ]; then
  for module in "${published[@]}"; do rm -rf "$module/target/reports/apidocs"; done
  echo "docs: compiling the published modules for their configuration metadata and Javadoc"
  nice ./mvnw -B -q -pl "$(IFS=,; echo "${published[*]}")" -am process-classes javadoc:jar \
    -Denforcer.skip=true
fi

# ---- Snippets: the tagged regions of the test sources (and of SECURITY.md) ----
rm -rf "$out/site-snippets" "$out/site-generated" "$out/site-src" "$out/site" "$out/site-screenshots"
"$PY" docs/tools/extract-snippets.py "$out/site-snippets" \
  joat-core/src/test joat-spring-boot-starter/src/test joat-test/src/test joat-revocation-redis/src/test \
  joat-sample-app/src/test \
  joat-sample-app/src/main/resources/application.yml SECURITY.md

# ---- The property table, from the metadata spring-boot-configuration-processor wrote ----
mkdir -p "$out/site-generated"
"$PY" docs/tools/property-table.py "$out/site-generated/configuration-properties-table.md" \
  "joat-spring-boot-starter=${metadata[0]}" "joat-revocation-redis=${metadata[1]}"

# ---- The pages, staged with the benchmark charts they show and the Javadoc, then MkDocs in strict mode ----
mkdir -p "$out/site-src"
cp -r "$pages" "$out/site-src/pages"
sed -e 's|^site_dir: .*|site_dir: ../site|' \
    -e "s|base_path: \[target/site-snippets, target/site-generated, .\]|base_path: [$out/site-snippets, $out/site-generated, .]|" \
    docs/mkdocs.yml > "$out/site-src/mkdocs.yml"
grep -q "base_path: \[$out/site-snippets" "$out/site-src/mkdocs.yml" || { echo "docs: base_path not found in docs/mkdocs.yml"; exit 1; }
mkdir -p "$out/site-src/pages/results"
cp joat-benchmarks/results/*.svg "$out/site-src/pages/results/"
for module in "${published[@]}"; do   # the Javadoc, beside the pages: strict mode checks links into it
  mkdir -p "$out/site-src/pages/api/$module"
  cp -r "$module/target/reports/apidocs/." "$out/site-src/pages/api/$module/"
  rm -f "$out/site-src/pages/api/$module"/legal/*.md   # would become pages: copied as they are below
done
"$MKDOCS" build --strict -f "$out/site-src/mkdocs.yml"
for module in "${published[@]}"; do
  cp -r "$module/target/reports/apidocs/legal/." "$out/site/api/$module/legal/"
done

# ---- Checks: anchors and links into the repository (site and README), then every page in Chromium ----
"$PY" docs/tools/check-links.py site "$out/site" .
"$PY" docs/tools/check-links.py markdown . "$readme"
if [ "$browser" = yes ]; then
  "$PY" docs/tools/check-pages.py "$out/site" "$out/site-screenshots" \
    index.html=front-page.png protecting-an-app.html=protecting-an-app.png
fi
echo "docs: the site is in $out/site (open $out/site/index.html); screenshots in $out/site-screenshots"
