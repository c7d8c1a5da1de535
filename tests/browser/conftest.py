"""The built site in a real Chromium: a local server, one browser per session, and a record of traffic.

Debian's Chromium (/usr/bin/chromium) is driven by Playwright; no browser is downloaded. Every request
the browser makes is recorded, and after each test that used the browser, the test fails if a request
went to any host but the local server, if a local request failed, or if the console showed an error.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from ..conftest import CASE_SLUGS, ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
# Every browser context asks for reduced motion, which the site honours (ikb.css): nothing is drawn
# mid-transition, so the colours axe reads and the positions a test measures are the settled page's.
SETTLED = {"reduced_motion": "reduce"}
PHONE = {"width": 360, "height": 740}


def local_context(browser: Browser, base: str, **options):
    """A browser context that reaches only the site under test (any other request is refused), with
    motion reduced and no service workers."""
    context = browser.new_context(service_workers="block", **SETTLED, **options)
    context.route(lambda url: not url.startswith(base), lambda route: route.abort())
    return context


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: runs the built site in Chromium or checks its HTML with vnu")


def first_dir(folder: Path) -> str:
    names = sorted(p.name for p in folder.iterdir() if (p / "index.html").exists())
    assert names, f"no pages built in {folder}"
    return names[0]


@pytest.fixture(scope="session")
def page_paths(site) -> dict[str, str]:
    """Every page type, as a path on the local server."""
    paths = {"front": "/"}
    paths.update({f"case-{slug}": f"/eksempler/{slug}/" for slug in CASE_SLUGS})
    paths["comparison"] = "/sammenligning/"
    paths["theme"] = f"/tema/{first_dir(site / 'tema')}/"
    paths["templates"] = "/maler/"
    paths["template"] = f"/maler/{first_dir(site / 'maler')}/"
    paths["contributing"] = "/bidra/"
    paths["accessibility"] = "/tilgjengelighet/"
    paths["404"] = "/404.html"
    return paths


PAGE_TYPES = [
    "front", *[f"case-{slug}" for slug in CASE_SLUGS], "comparison", "theme", "templates", "template",
    "contributing", "accessibility", "404",
]


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files like GitHub Pages serves them: a missing path gets 404.html with status 404."""

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class SiteServer(http.server.ThreadingHTTPServer):
    """A browser drops connections it no longer needs (a search typed over, a page left): not an error."""

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def _serve(folder: Path):
    server = SiteServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(site):
    yield from _serve(site)


@pytest.fixture(scope="session")
def fixture_base_url(fixture_site):
    """The site built from the fixture records, on its own local server (open it in a new context)."""
    yield from _serve(fixture_site)


@dataclass
class Traffic:
    """What the browser did, in order; tests and the per-test check read it."""

    origin: str
    requests: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    expected_missing: set[str] = field(default_factory=set)

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        return parts.scheme == "http" and parts.netloc == urlsplit(self.origin).netloc

    def problems(self, since: tuple[int, int, int]) -> list[str]:
        ext, failed, console = since
        return (
            [f"request to another host: {u}" for u in self.external[ext:]]
            + [f"failed local request: {u}" for u in self.failed[failed:]]
            + [f"console error: {m}" for m in self.console_errors[console:]]
        )

    def mark(self) -> tuple[int, int, int]:
        return len(self.external), len(self.failed), len(self.console_errors)


@pytest.fixture(scope="session")
def browser() -> Browser:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def traffic(base_url) -> Traffic:
    return Traffic(origin=base_url)


@pytest.fixture(scope="session")
def browser_context(browser, traffic):
    context = browser.new_context(viewport=DESKTOP, locale="nb-NO", service_workers="block", **SETTLED)
    context.set_default_timeout(10_000)

    def on_request(request):
        traffic.requests.append(request.url)
        if not traffic.is_local(request.url):
            traffic.external.append(request.url)

    def on_response(response):
        if response.status >= 400 and response.url not in traffic.expected_missing:
            traffic.failed.append(f"{response.status} {response.url}")

    def on_request_failed(request):
        # net::ERR_ABORTED is the browser cancelling a request when a test navigates on; a server
        # error arrives as a response above. Requests to other hosts are aborted by the route below.
        if traffic.is_local(request.url) and "ERR_ABORTED" not in (request.failure or ""):
            traffic.failed.append(f"{request.failure} {request.url}")

    def on_console(message):
        if message.type != "error":
            return
        source = message.location.get("url", "")
        if source in traffic.expected_missing and "404" in message.text:
            return
        traffic.console_errors.append(f"{message.text} ({source})")

    def watch(page):
        page.on("console", on_console)
        page.on("pageerror", lambda error: traffic.console_errors.append(f"uncaught: {error}"))

    context.on("request", on_request)
    context.on("response", on_response)
    context.on("requestfailed", on_request_failed)
    context.on("page", watch)
    # Nothing may leave the machine: requests to other hosts are recorded (above) and never sent.
    context.route(lambda url: not traffic.is_local(url), lambda route: route.abort())
    yield context
    context.close()


@pytest.fixture(scope="session")
def shared_tab(browser_context) -> Page:
    return browser_context.new_page()


@pytest.fixture
def tab(shared_tab, traffic) -> Page:
    """The session's browser tab at desktop size; the test fails on bad traffic or console errors."""
    shared_tab.set_viewport_size(DESKTOP)
    before = traffic.mark()
    yield shared_tab
    problems = traffic.problems(before)
    assert not problems, "\n".join(problems)


@pytest.fixture
def phone_tab(tab) -> Page:
    tab.set_viewport_size(PHONE)
    yield tab
    tab.set_viewport_size(DESKTOP)


def open_page(tab: Page, base_url: str, path: str, expected_status: int = 200):
    """Go to a page and wait until Material's and our scripts have run."""
    response = tab.goto(base_url + path, wait_until="load")
    assert response is not None and response.status in (expected_status, 304), f"{path}: {response and response.status}"
    tab.wait_for_function("() => document.readyState === 'complete'")
    return response


def axe_violations(tab: Page, context: str = "document", **options) -> list[dict]:
    assert AXE_JS.exists(), f"{AXE_JS} is missing: run `make test` (it runs npm ci) or `npm ci`"
    if not tab.evaluate("() => typeof window.axe === 'object'"):
        tab.add_script_tag(path=str(AXE_JS))
    options.setdefault("runOnly", {"type": "tag", "values": WCAG_TAGS})
    options["resultTypes"] = ["violations"]
    return tab.evaluate(
        """async ([context, options]) => {
            const result = await axe.run(context === 'document' ? document : context, options);
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary.replace(/\\s+/g, ' ')),
            }));
        }""",
        [context, options],
    )


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {node[:300]}" for node in v["nodes"][:5]]
    return "\n".join(lines)


def require_tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"`{name}` is not installed (.ci/run installs it)"
    return path
