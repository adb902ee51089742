"""The web interface in a real browser (issue 6): headless Chromium, driven by selenium, against
a real uvicorn server of the API app over a temporary DuckDB store holding three invented
articles. Screenshots of every page go to docs/screenshots/.

Needs Debian's ``chromium`` and ``chromium-driver`` (``/usr/bin/chromium``,
``/usr/bin/chromedriver``) and the ``selenium`` package; skips with the reason otherwise.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire import Pipeline
from eventwire.api import ApiSettings, create_app, ingest_articles
from eventwire.ingest.text import article_from_text
from eventwire.store import Store

from ..conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = ROOT / "docs" / "screenshots"
WINDOW = (1000, 700)

pytestmark = [
    pytest.mark.issue(6),
    pytest.mark.model,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="browser tests need /usr/bin/chromium and /usr/bin/chromedriver "
        "(apt-get install chromium chromium-driver)",
    ),
]
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
ARTICLES = {
    "talks.txt": (
        "ADDIS ABABA, Ethiopia (eventwire) — The foreign ministers of Kenya and Ethiopia met in "
        "Addis Ababa on Tuesday to discuss trade across their shared border, officials said.\n"
        "Kenya agreed to reopen the Moyale crossing next month, the Kenyan foreign ministry said "
        "in a statement.\n"
        '"We want goods and people to move freely again," Ethiopian Prime Minister Abiy Ahmed '
        "told reporters.\n"
    ),
    "protest.txt": (
        "NAIROBI, Kenya (eventwire) — Kenyan police arrested twelve protesters in Mombasa on "
        "Monday after a march against rising fuel prices turned violent, a police spokesman "
        "said.\nDemonstrators threw stones at officers near the port, and police fired tear gas "
        "to disperse the crowd.\nThe opposition accused the government of using excessive force "
        "and demanded the release of those detained.\n"
    ),
    "xss.txt": (
        "LUSAKA, Zambia (eventwire) — Zambia will send a trade delegation to Malawi next week, "
        f"officials in Lusaka said on Friday. {XSS} The Malawian government welcomed the visit "
        "and invited Zambian ministers to Lilongwe.\n"
    ),
}
PUBLISHED = dt.date(2024, 6, 7)
CODE_EXAMPLE = (
    "GABORONE, Botswana (eventwire) — Botswana's president met his Namibian counterpart in "
    "Windhoek on Thursday and signed an agreement on shared water resources, officials said.\n"
    "Namibia accused poachers from Angola of killing three rangers near the border last week."
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fill_store(path: Path, pipeline: Pipeline) -> dict[str, str]:
    """The invented articles coded into a new store; their ids by file name."""
    articles = {
        name: article_from_text(
            text, source=name, max_bytes=2_000_000, min_english=0.0, published=PUBLISHED
        )
        for name, text in ARTICLES.items()
    }
    with Store.open(path) as store:
        ingest_articles(articles.values(), store, pipeline)
    return {name: a.id or "" for name, a in articles.items()}


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline
) -> Iterator[tuple[str, dict[str, str]]]:
    """The API app (with the web interface) served by uvicorn on a free local port."""
    db = tmp_path_factory.mktemp("web") / "events.duckdb"
    ids = fill_store(db, pipeline)
    app = create_app(ApiSettings(db=db), pipeline=pipeline)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the uvicorn server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", ids
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tmp_path_factory.mktemp("chromium-profile")
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    metrics = {"width": WINDOW[0], "height": WINDOW[1], "deviceScaleFactor": 1, "mobile": False}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)  # the viewport itself
    try:
        yield driver
    finally:
        driver.quit()


def wait(driver: Any, condition: Callable[[Any], Any], seconds: float = 30) -> Any:
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.1).until(condition)
    except TimeoutException:
        pytest.fail(f"timed out on {driver.current_url}; console: {console(driver)}")


def console(driver: Any) -> list[str]:
    """Browser console messages of the page (errors and warnings)."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def open_page(driver: Any, base: str, route: str) -> None:
    """Load a route and wait until its page says it is ready (data loaded, drawn)."""
    driver.get("about:blank")  # a fresh page load each time, not a hash change
    driver.get(f"{base}/#/{route}")
    name = route.split("?")[0].split("/")[0]
    wait(
        driver,
        lambda d: d.execute_script("return document.getElementById('view').dataset.ready") == name,
    )
    errors = driver.find_elements(By.CSS_SELECTOR, "#view .error")
    assert not errors, errors[0].text


def count(driver: Any, selector: str) -> int:
    return int(driver.execute_script(f"return document.querySelectorAll({selector!r}).length"))


def shot(driver: Any, name: str, show: str | None = None) -> None:
    """A screenshot of the viewport, scrolled so that the element `show` ends at its bottom."""
    if show:
        driver.execute_script(
            "document.querySelector(arguments[0]).scrollIntoView({block: 'end'})", show
        )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def test_events_table_filters_sorts_and_links_to_articles(browser: Any, server: Any) -> None:
    base, ids = server
    open_page(browser, base, "events")
    rows = browser.find_elements(By.CSS_SELECTOR, ".events-table tbody tr")
    assert len(rows) >= 5
    shot(browser, "events")
    header = browser.find_element(By.CSS_SELECTOR, 'th[data-key="cameo"]')
    header.click()
    cameos = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "tbody tr td:nth-child(5)")]
    assert cameos == sorted(cameos)
    header.click()
    cameos = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "tbody tr td:nth-child(5)")]
    assert cameos == sorted(cameos, reverse=True)
    links = {a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "tbody a")}
    assert any(f"#/article/{ids['protest.txt']}" in link for link in links)
    open_page(browser, base, "events?source=KEN&type=COERCE")
    triggers = browser.find_elements(By.CSS_SELECTOR, "tbody tr td:nth-child(4) a")
    assert [t.text for t in triggers] == ["arrested"]
    triggers[0].click()
    wait(
        browser,
        lambda d: (
            d.execute_script("return document.getElementById('view').dataset.ready") == "article"
        ),
    )
    assert (
        browser.find_element(By.CSS_SELECTOR, ".event-item:focus .event-trigger").text
        == "“arrested”"
    )


def test_article_view_marks_spans_and_lights_up_evidence(browser: Any, server: Any) -> None:
    base, ids = server
    open_page(browser, base, f"article/{ids['protest.txt']}")
    text = browser.find_element(By.CSS_SELECTOR, ".article-text")
    assert text.text.startswith("NAIROBI, Kenya")
    for kind in ("actor", "trigger", "place", "date", "amount"):
        assert count(browser, f".article-text mark.span-{kind}") > 0, kind
    labels = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".span-label")]
    assert "KENCOP" in labels
    item = browser.find_element(By.CSS_SELECTOR, ".event-item")
    webdriver.ActionChains(browser).move_to_element(item).perform()
    wait(browser, lambda d: count(d, "mark.hl-trigger") > 0)
    lit = browser.find_element(By.CSS_SELECTOR, "mark.hl-trigger").text
    assert lit.startswith("arrested")
    assert count(browser, "mark.hl-source") > 0 and count(browser, "mark.hl-target") > 0
    shot(browser, "article")


MARK_TEXT = """
const [text, spans, done] = arguments;
import("/static/js/article.js").then(({ markText }) => {
  const box = document.createElement("div");
  box.append(markText(text, spans));
  for (const label of box.querySelectorAll(".span-label")) label.remove();
  const pieces = {};
  for (const mark of box.querySelectorAll("mark")) {
    const own = [...mark.childNodes].map((n) => n.textContent).join("");
    pieces[mark.dataset.key] = (pieces[mark.dataset.key] || "") + own;
  }
  done({ text: box.textContent, pieces, marks: box.querySelectorAll("mark").length });
});
"""


def test_crossing_and_nested_spans_keep_the_text_whole(browser: Any, server: Any) -> None:
    base, _ = server
    open_page(browser, base, "code")
    text = 'He said "the army shelled Kharkiv" today.'
    spans = [
        {"key": "quote", "kind": "quote", "start": 8, "end": 34, "labels": ["QUOTE"]},
        {"key": "army", "kind": "actor", "start": 9, "end": 17, "labels": ["MIL"]},
        {"key": "cross", "kind": "amount", "start": 13, "end": 25, "labels": ["X"]},
        {"key": "shelled", "kind": "trigger", "start": 18, "end": 25, "labels": ["190"]},
    ]
    got = browser.execute_async_script(MARK_TEXT, text, spans)
    assert got["text"] == text
    for span in spans:
        words = text[span["start"] : span["end"]]
        assert got["pieces"][span["key"]] == words, span
    assert got["marks"] >= len(spans)


def test_article_markup_is_shown_as_text_and_never_runs(browser: Any, server: Any) -> None:
    base, ids = server
    open_page(browser, base, f"article/{ids['xss.txt']}")
    text = browser.find_element(By.CSS_SELECTOR, ".article-text")
    assert XSS in text.get_attribute("textContent")
    assert count(browser, ".article-text img, .article-text script, #view img") == 0
    time.sleep(0.3)
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    code_article(browser, base, ARTICLES["xss.txt"])
    assert XSS in browser.find_element(By.CSS_SELECTOR, ".code-result .article-text").text
    assert count(browser, "#view img, #view script") == 0
    assert browser.execute_script("return typeof window.__xss") == "undefined"


def code_article(driver: Any, base: str, text: str) -> None:
    open_page(driver, base, "code")
    box = driver.find_element(By.CSS_SELECTOR, "textarea[name=text]")
    driver.execute_script("arguments[0].value = arguments[1];", box, text)
    date = driver.find_element(By.CSS_SELECTOR, "input[name=date]")
    driver.execute_script("arguments[0].value = '2024-06-07';", date)
    driver.find_element(By.CSS_SELECTOR, ".code-form button[type=submit]").click()
    wait(driver, lambda d: count(d, ".code-result .article-text, .code-result .error") > 0, 60)
    errors = driver.find_elements(By.CSS_SELECTOR, ".code-result .error")
    assert not errors, errors[0].text


def test_code_page_shows_the_coded_article_at_once(browser: Any, server: Any) -> None:
    base, _ = server
    code_article(browser, base, CODE_EXAMPLE)
    assert count(browser, ".code-result mark") > 0
    triggers = [
        m.get_attribute("textContent")
        for m in browser.find_elements(By.CSS_SELECTOR, "mark.span-trigger")
    ]
    assert any(t.startswith("met") for t in triggers), triggers
    assert count(browser, ".code-result .event-item") >= 2
    shot(browser, "code")


def test_map_draws_markers_on_the_bundled_outline(browser: Any, server: Any) -> None:
    base, _ = server
    open_page(browser, base, "map")
    assert count(browser, "svg.map .countries path") > 150
    assert count(browser, "svg.map circle.marker") > 0
    shot(browser, "map", show=".map-wrap")
    open_page(browser, base, "map?near=-4.05,39.67&within=50")  # Mombasa
    assert count(browser, "svg.map circle.marker") > 0
    assert count(browser, "svg.map ellipse.radius") == 1
    open_page(browser, base, "map?near=60,-100&within=50")  # northern Canada: nothing there
    assert count(browser, "svg.map circle.marker") == 0
    webdriver.ActionChains(browser).move_to_element(
        browser.find_element(By.CSS_SELECTOR, "svg.map")
    ).click().perform()
    wait(browser, lambda d: "near=" in d.current_url and "%2C" in d.current_url)  # set by the page


def test_timeline_and_network_are_drawn(browser: Any, server: Any) -> None:
    base, _ = server
    for by in ("day", "week", "month"):
        open_page(browser, base, f"timeline?by={by}")
        assert count(browser, "svg.timeline rect.bar") > 0, by
    open_page(browser, base, "timeline?by=day")
    shot(browser, "timeline", show=".chart-wrap")
    open_page(browser, base, "network")
    assert count(browser, "svg.network .edge") > 0
    labels = {t.text for t in browser.find_elements(By.CSS_SELECTOR, "svg.network text")}
    assert {"KEN", "ZMB"} <= labels
    shot(browser, "network", show=".chart-wrap")


def test_the_page_loads_nothing_from_elsewhere(browser: Any, server: Any) -> None:
    base, _ = server
    open_page(browser, base, "events")
    urls = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert urls and all(u.startswith(base) for u in urls), urls
    assert not [m for m in console(browser) if "favicon" not in m]
