#!/usr/bin/python3
"""Writes the Markdown tables of configuration properties from Spring Boot's configuration metadata.

The metadata is what spring-boot-configuration-processor generates from the @ConfigurationProperties
classes (their fields' Javadoc and defaults) merged with additional-spring-configuration-metadata.json,
so the table is never written by hand. One table per module, properties in name order. Fails when a
metadata file is missing or has no property, or when a property has no description (it would show
an empty row to users and to their IDE alike).

Usage: property-table.py OUT.md TITLE=META.json...
"""
import json
import sys


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def default(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list):
        return ", ".join(f"`{item}`" for item in value) if value else "empty"
    return f"`{value}`"


def type_name(java_type):
    # java.util.List<java.lang.String> -> List<String>
    return "".join(part.split(".")[-1] if "." in part else part
                   for part in java_type.replace("<", " < ").replace(">", " > ").replace(",", " , ").split()) \
        .replace(" ", "")


def table(title, path):
    with open(path, encoding="utf-8") as metadata_file:
        metadata = json.load(metadata_file)
    properties = sorted(metadata.get("properties", []), key=lambda p: p["name"])
    if not properties:
        raise ValueError(f"{path}: no properties")
    hints = {hint["name"]: [value["value"] for value in hint.get("values", [])] for hint in metadata.get("hints", [])}
    rows = [f"## {title}", "", f"From `{path.split('/target/')[0]}`'s configuration metadata.", "",
            "| property | type | default | description |", "| --- | --- | --- | --- |"]
    for prop in properties:
        if not prop.get("description"):
            raise ValueError(f"{path}: property {prop['name']} has no description")
        description = cell(prop["description"])
        if prop["name"] in hints and hints[prop["name"]]:
            description += " Values: " + ", ".join(f"`{value}`" for value in hints[prop["name"]]) + "."
        if "deprecation" in prop:
            description = "**Deprecated.** " + description
        rows.append(f"| `{prop['name']}` | `{cell(type_name(prop.get('type', '')))}` | "
                    f"{cell(default(prop.get('defaultValue')))} | {description} |")
    return "\n".join(rows) + "\n"


def main(out, sources):
    parts = []
    for source in sources:
        title, _, path = source.partition("=")
        parts.append(table(title, path))
    with open(out, "w", encoding="utf-8") as generated:
        generated.write("\n".join(parts))
    print(f"property-table: {len(sources)} modules into {out}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    try:
        main(sys.argv[1], sys.argv[2:])
    except (OSError, ValueError, KeyError) as problem:
        sys.exit(f"property-table: {problem}")
