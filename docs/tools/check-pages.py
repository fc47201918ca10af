#!/usr/bin/python3
"""Opens every page of the built site in headless Chromium; fails on a console error or a broken image.

The site is served over HTTP on a loopback port (19300-19399) for the run. One Chromium (Debian's
`chromium`) is driven through the DevTools protocol on a pipe (--remote-debugging-pipe: JSON
messages on file descriptors 3 and 4, no websocket library needed). For each page it records:
  - console.error calls and uncaught exceptions (Runtime.consoleAPICalled, Runtime.exceptionThrown);
  - the browser's own error entries, such as a resource answered 404 (Log.entryAdded);
  - every <img> that did not load (complete with naturalWidth 0, after the load event).
It then takes the screenshots asked for (1280x900), PAGE=FILE.png each.

Usage: check-pages.py SITE_DIR SCREENSHOT_DIR [PAGE=NAME.png ...]
Pages under api/ (the Javadoc) are not opened: they are the JDK's javadoc output, checked by doclint;
nor is 404.html, whose links are written from the site's published root (site_url).
"""
import base64
import functools
import http.server
import json
import os
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

WIDTH, HEIGHT = 1280, 900
PAGE_TIMEOUT = 20.0
SETTLE = 0.4  # seconds after the load event for late console messages and images


class Browser:
    def __init__(self, executable):
        self.profile = tempfile.mkdtemp(prefix="joat-site-chromium-")
        commands_read, self.commands = os.pipe()
        self.answers, answers_write = os.pipe()

        def pipes_as_3_and_4():
            os.dup2(commands_read, 3)
            os.dup2(answers_write, 4)

        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--mute-audio", f"--user-data-dir={self.profile}",
             f"--window-size={WIDTH},{HEIGHT}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=pipes_as_3_and_4)
        os.close(commands_read)
        os.close(answers_write)
        self.buffer, self.next_id, self.events = b"", 0, []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        return self.next_id

    def read(self, timeout):
        """The next message, or None after timeout seconds."""
        deadline = time.monotonic() + timeout
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.answers], [], [], left)[0]:
                return None
            chunk = os.read(self.answers, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe (did it start?)")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None, timeout=PAGE_TIMEOUT):
        wanted = self.send(method, params, session)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self.read(deadline - time.monotonic())
            if message is None:
                break
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)
        raise RuntimeError(f"{method}: no answer within {timeout} s")

    def wait_for(self, method, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index, event in enumerate(self.events):
                if event.get("method") == method:
                    del self.events[index]
                    return event
            message = self.read(deadline - time.monotonic())
            if message is not None:
                self.events.append(message)
        return None

    def drain(self, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            message = self.read(deadline - time.monotonic())
            if message is not None:
                self.events.append(message)

    def close(self):
        try:
            self.send("Browser.close")
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


BROKEN_IMAGES = ("Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0)"
                 ".map(i => i.getAttribute('src'))")


def problems_of(events):
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", []))
            found.append(f"console.{params['type']}: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            found.append(f"uncaught exception: {details.get('exception', {}).get('description', details.get('text'))}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            found.append(f"browser error: {entry.get('text')} {entry.get('url', '')}".strip())
    return found


def serve(site):
    handler = functools.partial(QuietHandler, directory=site)
    for port in range(19300, 19400):
        try:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        except OSError:
            continue
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server, port
    raise RuntimeError("no free loopback port in 19300-19399")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def pages(site):
    for directory, subdirectories, names in os.walk(site):
        if os.path.relpath(directory, site) == ".":
            subdirectories[:] = [d for d in subdirectories if d not in ("api", "assets", "search")]
        for name in sorted(names):
            if name.endswith(".html") and not (name == "404.html" and directory == site):
                yield os.path.relpath(os.path.join(directory, name), site).replace(os.sep, "/")


def main(site, screenshot_dir, wanted):
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        sys.exit("check-pages: no chromium on the PATH (Debian: apt-get install chromium)")
    os.makedirs(screenshot_dir, exist_ok=True)
    screenshots = dict(item.split("=", 1) for item in wanted)
    server, port = serve(site)
    browser = Browser(executable)
    failures, opened = [], 0
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            browser.call(f"{domain}.enable", session=session)
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False}, session=session)
        for page in sorted(pages(site)):
            browser.events.clear()
            url = f"http://127.0.0.1:{port}/{page}"
            browser.call("Page.navigate", {"url": url}, session=session)
            if browser.wait_for("Page.loadEventFired", PAGE_TIMEOUT) is None:
                failures.append(f"{page}: not loaded within {PAGE_TIMEOUT} s")
                continue
            browser.drain(SETTLE)
            found = problems_of(browser.events)
            result = browser.call("Runtime.evaluate", {"expression": BROKEN_IMAGES, "returnByValue": True},
                                  session=session)
            found += [f"image not loaded: {src}" for src in result.get("result", {}).get("value", [])]
            failures += [f"{page}: {problem}" for problem in found]
            opened += 1
            if page in screenshots:
                shot = browser.call("Page.captureScreenshot", {"format": "png"}, session=session)
                with open(os.path.join(screenshot_dir, screenshots.pop(page)), "wb") as png:
                    png.write(base64.b64decode(shot["data"]))
    finally:
        browser.close()
        server.shutdown()
    for page in screenshots:
        failures.append(f"{page}: asked for a screenshot, but the site has no such page")
    for failure in failures:
        print(f"check-pages: FAILED {failure}", file=sys.stderr)
    if failures:
        sys.exit(f"check-pages: {len(failures)} problems on {opened} pages")
    print(f"check-pages: {opened} pages opened in {os.path.basename(executable)}, no console error, no broken image")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    try:
        main(sys.argv[1], sys.argv[2], sys.argv[3:])
    except RuntimeError as problem:
        sys.exit(f"check-pages: {problem}")
