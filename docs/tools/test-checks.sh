#!/usr/bin/env bash
# Proves that each check of docs/build.sh fails when it should: the site's build runs on a copy of
# the pages (or a copy of README.md) with one thing broken, and must exit non-zero naming the
# problem; the page check runs in Chromium on pages with a console error, a missing image and an
# undecodable one. Run from .ci/run after the site's own build (which makes the metadata and Javadoc).
#   bash docs/tools/test-checks.sh            every case
#   bash docs/tools/test-checks.sh --no-browser   without the Chromium case
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# expect_failure NAME EXPECTED-TEXT COMMAND...: the command must fail, and say EXPECTED-TEXT.
expect_failure() {
  local name=$1 expected=$2
  shift 2
  if "$@" >"$work/out.txt" 2>&1; then
    echo "test-checks: FAILED $name: the check passed"
    failures=$((failures + 1))
  elif ! grep -qF -- "$expected" "$work/out.txt"; then
    echo "test-checks: FAILED $name: it failed, but without saying '$expected':"
    tail -5 "$work/out.txt"
    failures=$((failures + 1))
  else
    echo "test-checks: ok, $name fails: $(grep -F -- "$expected" "$work/out.txt" | head -1 | cut -c1-160)"
  fi
}

# build_with NAME LINE: the site built from a copy of docs/pages whose security.md ends with LINE.
build_with() {
  rm -rf "$work/pages" "$work/target"
  cp -r docs/pages "$work/pages"
  printf '\n%s\n' "$2" >>"$work/pages/security.md"
  JOAT_DOCS_PAGES="$work/pages" JOAT_SITE_TARGET="$work/target" bash docs/build.sh --no-browser
}

# The unbroken copy builds: so each failure below comes from the one thing broken.
build_with "control" "A [working link](revocation.md#503-not-401)." >"$work/control.txt" 2>&1 \
  || { cat "$work/control.txt"; echo "test-checks: FAILED the unbroken pages do not build"; exit 1; }
echo "test-checks: ok, the unbroken copy builds"

expect_failure "a link to a missing page" "no-such-page.md" \
  build_with x "A [link](no-such-page.md) to a page that does not exist."
expect_failure "a link to a missing anchor" "no id 'no-such-anchor' in revocation.html" \
  build_with x "A [link](revocation.md#no-such-anchor) to a heading that does not exist."
expect_failure "a link to a file the repository does not have" "names joat-core/src/main/java/dev/joat/NoSuchClass.java" \
  build_with x "See [NoSuchClass](https://github.com/joat-dev/joat/blob/main/joat-core/src/main/java/dev/joat/NoSuchClass.java)."
expect_failure "an include of a region no source tags" "ReadmeExamplesTests-no-such-region.java" \
  build_with x $'```java\n--8<-- "ReadmeExamplesTests-no-such-region.java"\n```'

cp README.md "$work/README.md"
printf '\nSee [the guide](docs/pages/no-such-guide.md) and [a section](docs/pages/security.md#no-such-section).\n' >>"$work/README.md"
mkdir -p "$work/docs" && ln -sfn "$PWD/docs/pages" "$work/docs/pages"
expect_failure "a README link to a missing file" "docs/pages/no-such-guide.md" \
  "$PY" docs/tools/check-links.py markdown "$work" "$work/README.md"
expect_failure "a README link to a missing heading" "no heading with the anchor 'no-such-section'" \
  "$PY" docs/tools/check-links.py markdown "$work" "$work/README.md"

mkdir -p "$work/unbalanced"
printf 'class A {\n\t// tag::open[]\n\tint a;\n}\n' >"$work/unbalanced/A.java"
expect_failure "a region opened and never closed" "region 'open' opened and never closed" \
  "$PY" docs/tools/extract-snippets.py "$work/snippets" "$work/unbalanced"

printf '{"properties":[{"name":"joat.undocumented","type":"java.lang.String"}]}' >"$work/metadata.json"
expect_failure "a property without a description" "property joat.undocumented has no description" \
  "$PY" docs/tools/property-table.py "$work/table.md" "module=$work/metadata.json"

if [ "${1:-}" != "--no-browser" ]; then
  mkdir -p "$work/pages-in-browser"
  printf '<!doctype html><title>fine</title><p>fine</p>\n' >"$work/pages-in-browser/fine.html"
  printf '<!doctype html><title>e</title><script>console.error("deliberate error")</script>\n' >"$work/pages-in-browser/console-error.html"
  printf '<!doctype html><title>m</title><img src="no-such-image.png" alt="">\n' >"$work/pages-in-browser/missing-image.html"
  printf 'not a PNG' >"$work/pages-in-browser/broken.png"
  printf '<!doctype html><title>b</title><img src="broken.png" alt="">\n' >"$work/pages-in-browser/broken-image.html"
  "$PY" docs/tools/check-pages.py "$work/pages-in-browser" "$work/shots" >"$work/browser.txt" 2>&1 && browser_rc=0 || browser_rc=$?
  for expected in "console-error.html: console.error: deliberate error" "missing-image.html: image not loaded: no-such-image.png" \
      "broken-image.html: image not loaded: broken.png" "problems on 4 pages"; do
    if [ "$browser_rc" -ne 0 ] && grep -qF "$expected" "$work/browser.txt"; then
      echo "test-checks: ok, the page check fails: $expected"
    else
      echo "test-checks: FAILED the page check did not report '$expected' (exit $browser_rc):"
      cat "$work/browser.txt"
      failures=$((failures + 1))
    fi
  done
fi

if [ "$failures" -ne 0 ]; then
  echo "test-checks: $failures checks did not fail as they should"
  exit 1
fi
echo "test-checks: every check fails when it should"
