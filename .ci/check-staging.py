#!/usr/bin/env python3
"""Checks the release dry run's staging repository against Maven Central's rules.

Usage: .ci/check-staging.py [STAGING_DIR]   (default: target/staging, written by ./mvnw -Prelease deploy)

The published set is read from the reactor: every module whose pom.xml sets
<joat.skipPublishing>false</joat.skipPublishing>. The staging directory must hold exactly those
artifacts (nothing of the parent, the sample app or the benchmarks, no test jar), and for each:
- a POM that a consumer can use on its own: no <parent> unless that parent is staged too, no
  unresolved ${...}, every dependency with a version, joat dependencies only on published modules;
  and every element Central requires: groupId, artifactId, version, name, description, url,
  licenses (name + url), developers, scm (url + connection);
- for a jar module: the jar (with Automatic-Module-Name in its manifest and some classes), a
  -sources.jar holding .java files and a -javadoc.jar holding index.html, and no other classifier;
- .md5/.sha1 files matching each file, and .asc signatures on all files or on none (none is
  reported: signing is skipped without a key);
- the BOM (packaging pom with dependencyManagement) pins exactly the published jar modules, at the
  staged version.
Prints one line per artifact and a summary; exits 1 on any violation.
"""
import hashlib
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

NS = {"m": "http://maven.apache.org/POM/4.0.0"}
ROOT = Path(__file__).resolve().parent.parent
GROUP_ID = "dev.joat"


def text(element, path):
    found = element.find(path, NS)
    return found.text.strip() if found is not None and found.text else None


def published_modules():
    """artifactId -> packaging of every reactor module that opts into publishing."""
    root = ET.parse(ROOT / "pom.xml").getroot()
    modules = {}
    for module in root.findall("m:modules/m:module", NS):
        pom = ET.parse(ROOT / module.text.strip() / "pom.xml").getroot()
        if text(pom, "m:properties/m:joat.skipPublishing") == "false":
            modules[text(pom, "m:artifactId")] = text(pom, "m:packaging") or "jar"
    return modules


def main():
    staging = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target" / "staging"
    errors = []
    expected = published_modules()
    group_dir = staging / GROUP_ID.replace(".", "/")
    if not group_dir.is_dir():
        print(f"check-staging: {group_dir} does not exist; run ./mvnw -Prelease deploy first")
        return 1

    other_groups = [p for p in staging.rglob("*.pom") if group_dir not in p.parents]
    for pom in other_groups:
        errors.append(f"{pom.relative_to(staging)}: outside {GROUP_ID}")

    staged = sorted(p.name for p in group_dir.iterdir() if p.is_dir())
    for artifact_id in staged:
        if artifact_id not in expected:
            errors.append(f"{artifact_id}: staged but not a published module (joat.skipPublishing is not false)")
    for artifact_id in expected:
        if artifact_id not in staged:
            errors.append(f"{artifact_id}: a published module, but not staged")

    signed = unsigned = 0
    files_checked = 0
    boms = []
    versions = set()
    for artifact_id in sorted(set(staged) & set(expected)):
        packaging = expected[artifact_id]
        version_dirs = [p for p in (group_dir / artifact_id).iterdir() if p.is_dir()]
        if len(version_dirs) != 1:
            errors.append(f"{artifact_id}: expected one version directory, found {[p.name for p in version_dirs]}")
            continue
        version_dir = version_dirs[0]
        base_version = version_dir.name
        versions.add(base_version)
        # Release files are a-v[-classifier].ext; SNAPSHOT deploys name them a-v-yyyyMMdd.HHmmss-n[-classifier].ext.
        pattern = re.compile(
            re.escape(artifact_id) + "-" + re.escape(base_version.removesuffix("-SNAPSHOT"))
            + r"(?:-SNAPSHOT|-\d{8}\.\d{6}-\d+)?(?:-(?P<classifier>[A-Za-z0-9_.]+))?\.(?P<ext>jar|pom)$")
        artifacts = {}
        for file in sorted(version_dir.iterdir()):
            name = file.name
            if name.startswith("maven-metadata") or name.endswith((".md5", ".sha1", ".sha256", ".sha512", ".asc")):
                continue
            match = pattern.match(name)
            if not match:
                errors.append(f"{artifact_id}: unexpected file {name}")
                continue
            key = (match.group("classifier"), match.group("ext"))
            artifacts[key] = file  # sorted: a later SNAPSHOT timestamp replaces an earlier one
        wanted = {(None, "pom")} | ({(None, "jar"), ("sources", "jar"), ("javadoc", "jar")} if packaging == "jar" else set())
        for key in sorted(set(artifacts) - wanted, key=str):
            errors.append(f"{artifact_id}: must not be published: {artifacts[key].name}")
        for key in sorted(wanted - set(artifacts), key=str):
            errors.append(f"{artifact_id}: missing {'-' + key[0] if key[0] else 'main'} {key[1]}")

        for key, file in artifacts.items():
            files_checked += 1
            data = file.read_bytes()
            for algorithm in ("md5", "sha1"):
                checksum = file.with_name(file.name + "." + algorithm)
                if not checksum.exists():
                    errors.append(f"{artifact_id}: no {checksum.name}")
                elif checksum.read_text().split()[0] != hashlib.new(algorithm, data).hexdigest():
                    errors.append(f"{artifact_id}: {checksum.name} does not match")
            if file.with_name(file.name + ".asc").exists():
                signed += 1
            else:
                unsigned += 1

        pom_file = artifacts.get((None, "pom"))
        if pom_file:
            errors += check_pom(artifact_id, base_version, pom_file, expected, staged, boms)
        if packaging == "jar":
            errors += check_jars(artifact_id, artifacts)
        print(f"  {artifact_id} {base_version} ({packaging}): "
              + ", ".join(sorted((f"-{c}" if c else "main") + f" {e}" for c, e in artifacts)))

    for artifact_id, managed in boms:
        jar_modules = {a for a, p in expected.items() if p == "jar"}
        if set(managed) != jar_modules:
            errors.append(f"{artifact_id}: pins {sorted(managed)}, the published jar modules are {sorted(jar_modules)}")
        for managed_id, managed_version in managed.items():
            if managed_version not in versions:
                errors.append(f"{artifact_id}: pins {managed_id} at {managed_version}, staged is {sorted(versions)}")
    if len(versions) > 1:
        errors.append(f"staged versions differ: {sorted(versions)}")
    if signed and unsigned:
        errors.append(f"{unsigned} files unsigned beside {signed} signed")

    if errors:
        print("check-staging: FAILED")
        for error in errors:
            print("  - " + error)
        return 1
    signing = f"all {signed} signed (.asc)" if signed else "unsigned: no signing key (MAVEN_GPG_KEY) was given"
    print(f"check-staging: OK: {len(expected)} artifacts ({', '.join(sorted(expected))}), "
          f"{files_checked} files, checksums match; {signing}")
    return 0


def check_pom(artifact_id, base_version, pom_file, expected, staged, boms):
    errors = []
    try:
        pom = ET.parse(pom_file).getroot()
    except ET.ParseError as ex:
        return [f"{artifact_id}: POM is not well-formed XML: {ex}"]
    raw = pom_file.read_text(encoding="utf-8")
    if "${" in raw:
        errors.append(f"{artifact_id}: POM holds an unresolved expression: {re.search(r'[$][{][^}]*[}]', raw).group()}")
    parent = pom.find("m:parent", NS)
    if parent is not None and text(parent, "m:artifactId") not in staged:
        errors.append(f"{artifact_id}: POM names parent {text(parent, 'm:artifactId')}, which is not published")
    required = {
        "groupId": "m:groupId", "artifactId": "m:artifactId", "version": "m:version", "name": "m:name",
        "description": "m:description", "url": "m:url", "license name": "m:licenses/m:license/m:name",
        "license url": "m:licenses/m:license/m:url", "developer": "m:developers/m:developer/m:name",
        "scm url": "m:scm/m:url", "scm connection": "m:scm/m:connection",
    }
    for label, path in required.items():
        if not text(pom, path):
            errors.append(f"{artifact_id}: POM lacks {label}")
    if text(pom, "m:groupId") not in (None, GROUP_ID) or text(pom, "m:artifactId") != artifact_id:
        errors.append(f"{artifact_id}: POM coordinates are {text(pom, 'm:groupId')}:{text(pom, 'm:artifactId')}")
    if text(pom, "m:version") not in (None, base_version):
        errors.append(f"{artifact_id}: POM version {text(pom, 'm:version')}, directory {base_version}")
    for dependency in pom.findall("m:dependencies/m:dependency", NS):
        name = f"{text(dependency, 'm:groupId')}:{text(dependency, 'm:artifactId')}"
        version = text(dependency, "m:version")
        if not version:
            errors.append(f"{artifact_id}: dependency {name} has no version")
        elif version.endswith("-SNAPSHOT") and not base_version.endswith("-SNAPSHOT"):
            errors.append(f"{artifact_id}: release depends on SNAPSHOT {name}:{version}")
        if text(dependency, "m:groupId") == GROUP_ID and text(dependency, "m:artifactId") not in expected:
            errors.append(f"{artifact_id}: depends on {name}, which is not published")
        if text(dependency, "m:type") == "test-jar" or text(dependency, "m:classifier") == "tests":
            errors.append(f"{artifact_id}: depends on a test jar: {name}")
    managed = pom.findall("m:dependencyManagement/m:dependencies/m:dependency", NS)
    if managed:
        if expected[artifact_id] != "pom":
            errors.append(f"{artifact_id}: a jar module's POM carries dependencyManagement")
        foreign = [text(d, "m:artifactId") for d in managed if text(d, "m:groupId") != GROUP_ID]
        if foreign:
            errors.append(f"{artifact_id}: BOM pins artifacts that are not joat's: {foreign}")
        boms.append((artifact_id, {text(d, "m:artifactId"): text(d, "m:version") for d in managed}))
    return errors


def check_jars(artifact_id, artifacts):
    errors = []
    checks = {
        None: lambda names: any(n.endswith(".class") for n in names),
        "sources": lambda names: any(n.endswith(".java") for n in names),
        "javadoc": lambda names: "index.html" in names,
    }
    for classifier, holds_content in checks.items():
        file = artifacts.get((classifier, "jar"))
        if file is None:
            continue
        try:
            with zipfile.ZipFile(file) as jar:
                names = jar.namelist()
                manifest = jar.read("META-INF/MANIFEST.MF").decode("utf-8") if "META-INF/MANIFEST.MF" in names else ""
        except zipfile.BadZipFile:
            errors.append(f"{artifact_id}: {file.name} is not a zip")
            continue
        if not holds_content(names):
            errors.append(f"{artifact_id}: {file.name} is empty of what it should hold")
        if classifier is None and not re.search(r"^Automatic-Module-Name: dev\.joat(\.\w+)*\r?$", manifest, re.M):
            errors.append(f"{artifact_id}: {file.name} has no Automatic-Module-Name dev.joat... in its manifest")
    return errors


if __name__ == "__main__":
    sys.exit(main())
