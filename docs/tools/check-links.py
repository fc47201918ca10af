#!/usr/bin/python3
"""Checks the links that `mkdocs build --strict` does not: anchors, links into the repository, README.md.

  check-links.py site SITE_DIR REPO_ROOT
      Every <a href>, <img src>, <link href> and <script src> of every HTML page of the built site
      (the Javadoc under api/ excepted: doclint checks its links; and 404.html, whose links are
      absolute on purpose) that is relative must name a file of
      the site, and its #fragment an id of that page. A link into this repository on GitHub
      (https://github.com/joat-dev/joat/blob/main/PATH or /tree/main/PATH) must name a PATH that exists
      in REPO_ROOT. MkDocs' strict mode already fails on a link to a missing page, but not on a missing
      anchor, nor on a link that leaves the site.

  check-links.py markdown REPO_ROOT FILE.md...
      Every relative link and image of these Markdown files (as GitHub renders them) must name a file
      or directory of the repository, and a #fragment into a Markdown file one of its headings'
      anchors (GitHub's rule: lowercase, punctuation other than - and _ dropped, spaces as -).

Exits 1 and lists each broken link, or prints how many links it checked.
"""
import html.parser
import os
import re
import sys
import urllib.parse

REPOSITORY = re.compile(r"^https://github\.com/joat-dev/joat/(?:blob|tree)/main/([^#?]*)")


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name"):
            if attributes.get(name) and (name == "id" or tag == "a"):
                self.ids.add(attributes[name])
        for name in ("href", "src"):
            if attributes.get(name) is not None and tag in ("a", "img", "link", "script", "source", "iframe"):
                self.links.append((tag, attributes[name]))


def parse(path, cache={}):
    if path not in cache:
        page = Page()
        with open(path, encoding="utf-8", errors="replace") as source:
            page.feed(source.read())
        cache[path] = page
    return cache[path]


def repository_link(url, repo_root):
    match = REPOSITORY.match(url)
    if match and not os.path.exists(os.path.join(repo_root, urllib.parse.unquote(match.group(1)))):
        return f"names {match.group(1)}, which is not in the repository"
    return None


def check_site(site, repo_root):
    broken, checked = [], 0
    for directory, subdirectories, names in os.walk(site):
        if os.path.relpath(directory, site) == ".":
            subdirectories[:] = [d for d in subdirectories if d != "api"]
        for name in names:
            # 404.html is served for any missing path, so MkDocs writes its links from the site's root
            # (site_url): they are absolute on purpose.
            if not name.endswith(".html") or (name == "404.html" and directory == site):
                continue
            path = os.path.join(directory, name)
            where = os.path.relpath(path, site)
            for tag, url in parse(path).links:
                checked += 1
                parts = urllib.parse.urlsplit(url)
                if parts.scheme or parts.netloc:
                    problem = repository_link(url, repo_root) if parts.scheme in ("http", "https") else None
                    if problem:
                        broken.append(f"{where}: <{tag}> {url} {problem}")
                    continue
                if url.startswith("/"):
                    broken.append(f"{where}: <{tag}> {url} is absolute: it breaks when the site is not at the root")
                    continue
                target = os.path.normpath(os.path.join(directory, urllib.parse.unquote(parts.path))) if parts.path else path
                if os.path.isdir(target):
                    target = os.path.join(target, "index.html")
                if not os.path.exists(target):
                    broken.append(f"{where}: <{tag}> {url} names {os.path.relpath(target, site)}, which the site does not have")
                elif parts.fragment and target.endswith(".html") and os.path.relpath(target, site).split(os.sep)[0] != "api":
                    if urllib.parse.unquote(parts.fragment) not in parse(target).ids:
                        broken.append(f"{where}: <{tag}> {url}: no id '{parts.fragment}' in {os.path.relpath(target, site)}")
    return broken, checked


MARKDOWN_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_LINK = re.compile(r"<(?:a|img)\s[^>]*?(?:href|src)=\"([^\"]+)\"")
FENCE = re.compile(r"^(```|~~~)")


def anchors(markdown_path):
    found, seen, fenced = set(), {}, False
    with open(markdown_path, encoding="utf-8") as source:
        for line in source:
            if FENCE.match(line):
                fenced = not fenced
            if fenced or not line.startswith("#"):
                continue
            text = re.sub(r"[`*_]{1,2}(?=\S)|(?<=\S)[`*_]{1,2}", "", line.lstrip("#").strip())
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
            slug = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            found.add(slug if count == 0 else f"{slug}-{count}")
    return found


def check_markdown(repo_root, files):
    broken, checked = [], 0
    for markdown in files:
        with open(markdown, encoding="utf-8") as source:
            text = source.read()
        text = re.sub(r"(?ms)^(```|~~~).*?^\1", "", text)  # links inside code blocks are code
        for url in MARKDOWN_LINK.findall(text) + HTML_LINK.findall(text):
            checked += 1
            parts = urllib.parse.urlsplit(url)
            if parts.scheme or parts.netloc:
                problem = repository_link(url, repo_root) if parts.scheme in ("http", "https") else None
                if problem:
                    broken.append(f"{markdown}: {url} {problem}")
                continue
            target = (os.path.normpath(os.path.join(os.path.dirname(markdown), urllib.parse.unquote(parts.path)))
                      if parts.path else markdown)
            if not os.path.exists(target):
                broken.append(f"{markdown}: {url} names {os.path.relpath(target, repo_root)}, which does not exist")
            elif parts.fragment and target.endswith(".md") and parts.fragment not in anchors(target):
                broken.append(f"{markdown}: {url}: no heading with the anchor '{parts.fragment}' in {os.path.relpath(target, repo_root)}")
    return broken, checked


def main(arguments):
    if len(arguments) >= 3 and arguments[0] == "site":
        broken, checked = check_site(arguments[1], arguments[2])
    elif len(arguments) >= 3 and arguments[0] == "markdown":
        broken, checked = check_markdown(arguments[1], arguments[2:])
    else:
        sys.exit(__doc__)
    for problem in broken:
        print(f"check-links: BROKEN {problem}", file=sys.stderr)
    if broken:
        sys.exit(f"check-links: {len(broken)} broken of {checked} links")
    print(f"check-links: {checked} links, none broken ({arguments[0]})")


if __name__ == "__main__":
    main(sys.argv[1:])
