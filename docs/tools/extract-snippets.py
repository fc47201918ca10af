#!/usr/bin/python3
"""Extracts the tagged regions of source files into a directory that pymdownx.snippets includes.

A region starts at a line holding ``tag::NAME[]`` and ends at the line holding ``end::NAME[]``
(Spring's and Asciidoctor's convention): ``// tag::NAME[]`` in Java, ``# tag::NAME[]`` in YAML and
properties files, ``<!-- tag::NAME[] -->`` in Markdown. The marker lines themselves are left out,
and so are marker lines of other regions nested inside. Region NAME of file ``Foo.java`` is written
to ``OUT/Foo-NAME.java`` with its common indentation removed and tabs shown as four spaces.

A page includes it with ``--8<-- "Foo-NAME.java"``; the site is built with ``check_paths: true``,
so a page naming a region that no source tags fails the build. This script fails itself on a
region that is opened and never closed (or closed and never opened), on an empty region, and on
two files that would write the same snippet.

Usage: extract-snippets.py OUT ROOT...  (each ROOT a file or a directory searched recursively)
"""
import os
import re
import sys

MARKER = re.compile(r"(?:^|\s)(?://|#|<!--)\s*(tag|end)::([A-Za-z0-9_.-]+)\[\]\s*(?:-->)?\s*$")
EXTENSIONS = (".java", ".yml", ".yaml", ".properties", ".md", ".json", ".xml")
SKIPPED_DIRS = {"target", ".git", "node_modules", ".cifuzz-corpus"}


def regions(path):
    """The regions of one file: name -> list of lines. Raises ValueError on unbalanced markers."""
    # Test resources include deliberately invalid UTF-8 (the JSON corpus): such bytes cannot be markers.
    with open(path, encoding="utf-8", errors="replace") as source:
        lines = source.read().split("\n")
    found, open_regions = {}, {}
    for number, line in enumerate(lines, start=1):
        match = MARKER.search(line)
        if match is None:
            for name in open_regions:
                found[name].append(line)
            continue
        kind, name = match.groups()
        if kind == "tag":
            if name in open_regions or name in found:
                raise ValueError(f"{path}:{number}: region '{name}' opened twice")
            open_regions[name] = number
            found[name] = []
        else:
            if name not in open_regions:
                raise ValueError(f"{path}:{number}: region '{name}' closed but never opened")
            del open_regions[name]
    for name, number in open_regions.items():
        raise ValueError(f"{path}:{number}: region '{name}' opened and never closed")
    return found


def shown(lines):
    """The lines without their common indentation, tabs as four spaces, no blank lines at the ends."""
    lines = [line.replace("\t", "    ").rstrip() for line in lines]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    indents = [len(line) - len(line.lstrip()) for line in lines if line]
    cut = min(indents) if indents else 0
    return "\n".join(line[cut:] for line in lines) + "\n"


def files(root):
    if os.path.isfile(root):
        yield root
        return
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if d not in SKIPPED_DIRS)
        for name in sorted(names):
            if name.endswith(EXTENSIONS):
                yield os.path.join(directory, name)


def main(out, roots):
    os.makedirs(out, exist_ok=True)
    written = {}
    for root in roots:
        if not os.path.exists(root):
            raise ValueError(f"{root}: no such file or directory")
        for path in files(root):
            if path.endswith(".py") or os.path.abspath(path) == os.path.abspath(__file__):
                continue
            for name, lines in regions(path).items():
                stem, extension = os.path.splitext(os.path.basename(path))
                target = f"{stem}-{name}{extension}"
                if target in written:
                    raise ValueError(f"{path}: region '{name}' would overwrite {target}, taken from {written[target]}")
                text = shown(lines)
                if not text.strip():
                    raise ValueError(f"{path}: region '{name}' is empty")
                with open(os.path.join(out, target), "w", encoding="utf-8") as snippet:
                    snippet.write(text)
                written[target] = path
    print(f"extract-snippets: {len(written)} regions into {out}")
    return written


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    try:
        main(sys.argv[1], sys.argv[2:])
    except ValueError as problem:
        sys.exit(f"extract-snippets: {problem}")
