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

# A consumer project, as the README shows it: imports the staged BOM, names the starter without a
# version, and compiles against joat-core and Spring Security through the staged POMs alone. Its own
# local repository (reading ~/.m2 as a read-only tail) keeps the release version out of ~/.m2.
consumer="$work/consumer"
mkdir -p "$consumer/src/main/java/consumer"
sed -e "s|@STAGING@|file://$(pwd)/$work/a/target/staging|" -e "s|@VERSION@|$release|" > "$consumer/pom.xml" <<'POM'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>consumer</groupId>
  <artifactId>consumer</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <repositories>
    <repository>
      <id>joat-staging</id>
      <url>@STAGING@</url>
    </repository>
  </repositories>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>dev.joat</groupId>
        <artifactId>joat-bom</artifactId>
        <version>@VERSION@</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>dev.joat</groupId>
      <artifactId>joat-spring-boot-starter</artifactId>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-resources-plugin</artifactId>
        <version>3.3.1</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.14.1</version>
      </plugin>
    </plugins>
  </build>
</project>
POM
cat > "$consumer/src/main/java/consumer/Consumer.java" <<'JAVA'
package consumer;

import dev.joat.SecretResolver;
import dev.joat.TokenParser;
import dev.joat.spring.security.JoatJwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class Consumer {

	static TokenParser parser(byte[] secret) {
		return TokenParser.builder(SecretResolver.of(secret)).issuer("consumer").build();
	}

	static Class<? extends JwtDecoder> decoderType() {
		return JoatJwtDecoder.class;
	}

}
JAVA
./mvnw -B -q -f "$consumer/pom.xml" compile \
  -Dmaven.repo.local="$(pwd)/$work/consumer-repo" -Dmaven.repo.local.tail="$HOME/.m2/repository"
echo "release-dry-run: a consumer project compiled against the staged BOM and starter"

for copy in a b; do
  (cd "$work/$copy/target/staging" && find . -type f ! -name 'maven-metadata*' | LC_ALL=C sort | xargs sha256sum) \
    > "$work/$copy.sha256"
done
if ! diff -u "$work/a.sha256" "$work/b.sha256"; then
  echo "release-dry-run: NOT REPRODUCIBLE: the two builds differ in the files above"
  exit 1
fi
echo "release-dry-run: reproducible: $(wc -l < "$work/a.sha256") staged files identical in two builds"
