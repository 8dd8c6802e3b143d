"""A headless Chromium driven over the DevTools protocol, with the standard library only.

The HTML report must be seen working in a real browser (script errors, filters, the
Content-Security-Policy), and Debian's ``chromium`` package is what CI can install, so
the browser is started with ``--remote-debugging-pipe``: commands are JSON messages on
file descriptor 3 and replies come back on 4, each ended by a NUL byte. No WebSocket
client, no Playwright, no browser download.

>>> with Browser.launch() as browser:                       # doctest: +SKIP
...     page = browser.open(Path("report.html"))
...     page.evaluate("document.title")
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--mute-audio",
)
TIMEOUT = 60.0  # seconds for one reply: generous, a busy CI machine is slow, not stuck


def find_chromium() -> str | None:
    """``$HANOICHECK_CHROMIUM``, else the first of :data:`NAMES` on ``PATH``."""
    configured = os.environ.get("HANOICHECK_CHROMIUM")
    if configured:
        return configured
    return next((found for name in NAMES if (found := shutil.which(name))), None)


class ProtocolError(RuntimeError):
    """The browser answered a command with an error, or did not answer in time."""


@dataclass
class Page:
    """One tab: events seen so far, and the commands sent to it."""

    browser: Browser
    session: str
    events: list[dict[str, Any]] = field(default_factory=list)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        return self.browser.send(method, params, self.session)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (a thrown error raises)."""
        reply = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in reply:
            raise ProtocolError(json.dumps(reply["exceptionDetails"])[:2000])
        return reply["result"].get("value")

    def errors(self) -> list[str]:
        """Uncaught exceptions, console errors and browser errors (a CSP refusal is one)."""
        found = []
        for event in self.browser.events_of(self.session):
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(json.dumps(params["exceptionDetails"])[:2000])
            elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append(json.dumps(params.get("args"))[:2000])
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(params["entry"].get("text", ""))
        return found

    def dialogs(self) -> list[str]:
        """Messages of alert/confirm/prompt dialogs the page tried to open."""
        return [
            e["params"].get("message", "")
            for e in self.browser.events_of(self.session)
            if e["method"] == "Page.javascriptDialogOpening"
        ]

    def requests(self) -> list[str]:
        """URLs the page asked for (it should ask for none but itself)."""
        return [
            e["params"]["request"]["url"]
            for e in self.browser.events_of(self.session)
            if e["method"] == "Network.requestWillBeSent"
        ]

    def screenshot(self, path: Path, width: int, mobile: bool = False) -> None:
        """A PNG of the whole page laid out ``width`` CSS pixels wide."""
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=900,
            deviceScaleFactor=1,
            mobile=mobile,
        )
        self.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        height = int(self.evaluate("document.documentElement.scrollHeight"))
        shot = self.send(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        )
        path.write_bytes(base64.b64decode(shot["data"]))


class Browser:
    """A Chromium process and the pipe to it; use :meth:`launch` as a context manager."""

    def __init__(self, process: subprocess.Popen[bytes], commands: int, replies: int) -> None:
        self.process = process
        self._commands = commands
        self._replies = replies
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    @classmethod
    @contextmanager
    def launch(cls, executable: str | None = None) -> Iterator[Browser]:
        """Start a fresh headless browser (its own profile directory), stop it after."""
        binary = executable or find_chromium()
        if binary is None:
            raise FileNotFoundError("no chromium on PATH")
        with tempfile.TemporaryDirectory(prefix="hanoicheck-chromium-") as profile:
            to_browser_r, to_browser_w = os.pipe()
            from_browser_r, from_browser_w = os.pipe()
            # The browser expects the pipe on fds 3 and 4; park both ends above them first
            # so the dup2 calls cannot clobber one another.
            high = [os.dup2(fd, 100 + i) for i, fd in enumerate((to_browser_r, from_browser_w))]

            def wire() -> None:  # runs in the child, before exec
                os.dup2(high[0], 3)
                os.dup2(high[1], 4)

            process = subprocess.Popen(
                [binary, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                preexec_fn=wire,
                pass_fds=(3, 4),
            )
            for fd in (to_browser_r, from_browser_w, *high):
                os.close(fd)
            browser = cls(process, to_browser_w, from_browser_r)
            try:
                yield browser
            finally:
                browser.close()

    def close(self) -> None:
        with suppress(ProtocolError, OSError):
            self.send("Browser.close", {}, timeout=5)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._commands, self._replies):
            with suppress(OSError):
                os.close(fd)

    def send(
        self,
        method: str,
        params: dict[str, Any],
        session: str | None = None,
        timeout: float = TIMEOUT,
    ) -> dict[str, Any]:
        """Send one command and wait for its reply (events met meanwhile are kept)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise ProtocolError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self._events.append(reply)

    def wait_for(self, method: str, session: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The first event ``method`` of ``session`` not yet waited for."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for event in self._events[seen:]:
                if event["method"] == method and event.get("sessionId") == session:
                    event["_waited"] = True
                    return event
            seen = len(self._events)
            reply = self._read(deadline)
            if "method" in reply:
                self._events.append(reply)

    def events_of(self, session: str) -> list[dict[str, Any]]:
        return [e for e in self._events if e.get("sessionId") == session]

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ProtocolError("the browser did not answer in time")
            ready, _, _ = select.select([self._replies], [], [], left)
            if ready:
                chunk = os.read(self._replies, 1 << 20)
                if not chunk:
                    raise ProtocolError("the browser closed the pipe")
                self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def open(
        self, path: Path, fragment: str = "", script: str = "", scripts_enabled: bool = True
    ) -> Page:
        """A new tab showing ``path`` (loaded), watched from before its first byte.

        ``script`` runs in the page before the page's own scripts (DevTools-injected, so
        the page's Content-Security-Policy does not apply to it); ``scripts_enabled``
        False opens the page as a reader with JavaScript turned off sees it.
        """
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        page = Page(self, session)
        for domain in ("Runtime", "Log", "Page", "Network"):
            page.send(f"{domain}.enable")
        if script:
            page.send("Page.addScriptToEvaluateOnNewDocument", source=script)
        if not scripts_enabled:
            page.send("Emulation.setScriptExecutionDisabled", value=True)
        url = path.resolve().as_uri() + (f"#{fragment}" if fragment else "")
        page.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired", session)
        return page
