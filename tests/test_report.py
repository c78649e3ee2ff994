"""The HTML report: every cell of every sheet once, with the class of what it became; nothing
fetched from anywhere; a sheet's text stays text. Then, where a browser is installed, the page as
a person uses it: it loads without an error, a click on a target shows its value, the keyboard
moves between cells, and it prints on A4."""

from __future__ import annotations

import base64
import re
import shutil
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from conftest import CORPUS, FIXTURES

from objparse import parse_sheets, parse_text
from objparse.cli import main
from objparse.export.report import KINDS, SHORT_RUN, kind, to_html

SHEETS = sorted(CORPUS.glob("*.txt"))


class Page(HTMLParser):
    """What a page holds: its elements, each cell of a grid, and every text of style and script."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.cells: dict[str, tuple[dict[str, str | None], str]] = {}
        self.code: list[str] = []  # the text of <style> and <script>
        self._in: list[str] = []
        self._cell: str | None = None
        self._text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        self._in.append(tag)
        if tag == "td" and attributes.get("data-field") is not None:
            self._cell, self._text = attributes["id"], []
            self.cells[self._cell] = (attributes, "")

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.cells[self._cell] = (self.cells[self._cell][0], "".join(self._text))
            self._cell = None
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._cell is not None:
            self._text.append(data)
        if self._in and self._in[-1] in ("style", "script"):
            self.code.append(data)


def _docs(paths):
    return [doc for path in paths for doc in parse_sheets(path)]


def test_every_cell_appears_once_with_the_class_of_what_it_became():
    docs = _docs([*SHEETS, *sorted((FIXTURES / "several").glob("*.txt")), FIXTURES / "column_no_one_named.txt"])
    page = Page(to_html(docs))
    want = {}
    for n, doc in enumerate(docs, start=1):
        for c in doc.cells:
            want[f"s{n}-{c.line}-{c.column}"] = (c.text, f"k-{kind(c)}", f"h-{c.how}", c.how)
    assert len(page.cells) == len(want) == sum(len(doc.cells) for doc in docs)
    for cell_id, (attributes, text) in page.cells.items():
        want_text, want_kind, want_how, how = want[cell_id]
        classes = (attributes["class"] or "").split()
        assert text == want_text and want_kind in classes and want_how in classes
        assert attributes["data-how"] == how and attributes["data-value"]
    assert {f"k-{k}" for k in KINDS} >= {c for a, _ in page.cells.values() for c in (a["class"] or "").split()
                                         if c.startswith("k-")}


def test_the_findings_link_to_their_cells():
    text = (FIXTURES / "unplaced_cell.txt").read_text(encoding="utf-8")
    doc = parse_text(text)
    page = Page(to_html([doc]))
    links = [a["href"] for tag, a in page.tags if tag == "a" and (a.get("href") or "").startswith("#s1-")]
    unplaced = [f"#s1-{u.line}-{u.column}" for u in doc.unparsed]
    assert unplaced and set(unplaced) <= set(links)
    assert all(link[1:] in page.cells for link in links)


@pytest.mark.parametrize(("fixture", "kinds"), [
    ("ieep_typo.txt", ["k-ieep", "k-kpi"]), ("area_repeated_variant.txt", ["k-area"]),
    ("no_side_tables.txt", ["k-area"]),
])
def test_a_failed_check_links_to_what_it_is_about(fixture, kinds):
    doc = parse_text((FIXTURES / fixture).read_text(encoding="utf-8"))
    page = Page(to_html([doc]))
    failed = [c for c in doc.checks if c.status == "fail"]
    items = [a for tag, a in page.tags if tag == "li" and a.get("class") == "f-fail"]
    assert len(items) == len(failed) == len(kinds)
    links = [a["href"][1:] for tag, a in page.tags if tag == "a" and (a.get("href") or "").startswith("#s1-")]
    classes = [page.cells[link][0]["class"].split()[0] for link in links[:len(failed)]]
    assert classes == kinds


def test_page_furniture_is_shown_dropped_and_not_listed_as_unplaced():
    source = FIXTURES / "several" / "three_offices_page_footers_repeated_header.txt"
    docs = parse_sheets(source)
    page = Page(to_html(docs))
    dropped = {f"s{n}-{c.line}-{c.column}" for n, doc in enumerate(docs, start=1) for c in doc.cells
               if c.how == "dropped"}
    assert dropped and all("k-dropped" in page.cells[i][0]["class"].split() for i in dropped)
    listed = [a["href"][1:] for tag, a in page.tags if tag == "a" and (a.get("href") or "").startswith("#s")
              and "-" in a["href"]]
    assert not dropped & set(listed)


def test_a_wide_sparse_sheet_makes_a_page_the_size_of_its_cells():
    """A cell 20,000 columns out: a long run of empty cells is one cell of the grid, so the page
    grows with the cells and rows, not with rows times columns."""
    text = HOSTILE.replace("\tPIAO - Pag. 1\t10", "\tPIAO - Pag. 1\t10" + "\t" * 20_000 + "lontano")
    doc = parse_text(text)
    written = to_html([doc])
    page = Page(written)
    rows = len({c.line for c in doc.cells})
    # at most a short run of empty cells beside each cell, and a long one as one
    assert sum(1 for tag, _ in page.tags if tag == "td") <= (SHORT_RUN + 1) * len(doc.cells) + rows
    assert len(written) < 100_000 + 40 * 20_006  # (the header names each column once)
    far = next(a for a, text in page.cells.values() if text == "lontano")
    assert far["data-col"] == "20006" and far["data-place"].endswith("column 20006")


def test_nothing_is_fetched_from_anywhere():
    page = Page(to_html(_docs(SHEETS)))
    assert not [tag for tag, _ in page.tags if tag in ("link", "img", "iframe", "object", "embed", "base", "video")]
    refs = [value for _, a in page.tags for name, value in a.items() if name in ("href", "src", "action", "srcset")]
    assert refs and all(value.startswith("#") for value in refs)
    code = "\n".join(page.code)
    assert not re.search(r"@import|url\(|https?:|//[a-z]|fetch\(|XMLHttpRequest|import\(", code)


HOSTILE = """Obiettivi di performance organizzativa per l'anno 2024
REG. CAMPANIA - Direttore Regionale
AMBITO DI PERFORMANCE\tCONTRIBUTO AL VALORE PUBBLICO\tSOTTO AMBITI\tKPI\tRIFERIMENTI\tVALORE OBIETTIVO
Valore Sociale\t100%\t100%\tImpatto <b onclick="x()">Ambientale</b>\t\t
\t\t\t<script>alert("kpi")</script>\tPIAO - Pag. 1\t10
\t\t\tIndice "><img src=x onerror=alert(1)>\tPIAO - Pag. 2\t20
\t\t\tIndice due\t</td></tr></table><script>alert(2)</script>\t30
"""


def test_a_sheets_text_stays_text():
    doc = parse_text(HOSTILE)
    page = Page(to_html([doc]))
    assert [tag for tag, _ in page.tags].count("script") == 1  # the page's own
    assert not [tag for tag, _ in page.tags if tag in ("img", "b")]
    assert not [a for _, a in page.tags if any(name.startswith("on") for name in a)]
    texts = {text for _, text in page.cells.values()}
    assert '<script>alert("kpi")</script>' in texts and 'Indice "><img src=x onerror=alert(1)>' in texts
    assert "</td></tr></table><script>alert(2)</script>" in texts
    assert len(page.cells) == len(doc.cells)


def test_the_report_command(tmp_path):
    out = tmp_path / "report.html"
    assert main(["report", str(CORPUS), "-o", str(out)]) == 0
    page = Page(out.read_text(encoding="utf-8"))
    assert len(page.cells) == sum(len(doc.cells) for doc in _docs(SHEETS))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["report", str(SHEETS[0]), str(empty), "-o", str(out)]) == 1  # the page has the other sheet
    text = out.read_text(encoding="utf-8")
    assert "cannot be read" in text and str(empty) in text and len(Page(text).cells) > 100
    assert main(["report", str(FIXTURES / "unplaced_cell.txt"), "-o", str(out), "--fail-on", "unplaced"]) == 1
    assert main(["report", str(FIXTURES / "unplaced_cell.txt"), "-o", str(out)]) == 0


# --- in a browser ------------------------------------------------------------------------------------

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")


@pytest.fixture
def browser(tmp_path):
    if CHROMIUM is None or DRIVER is None:
        pytest.skip("no browser: install Debian's chromium and chromium-driver (.ci/run does)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # no network at all: the page must need none, and the machine may have none
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER, log_output=str(tmp_path / "driver.log")), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_the_page_in_a_browser(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    out = tmp_path / "report.html"
    assert main(["report", str(CORPUS), "-o", str(out)]) == 0
    browser.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    browser.get(out.as_uri())
    assert len(browser.find_elements(By.CSS_SELECTOR, "section.sheet")) == len(SHEETS)
    assert browser.title.startswith("objparse report")
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []
    # every cell coloured: none shows the page's own background
    uncoloured = browser.execute_script("""
        return Array.from(document.querySelectorAll("td[data-field]")).filter(function (td) {
            var colour = getComputedStyle(td).backgroundColor;
            return colour === "rgba(0, 0, 0, 0)" || colour === "rgb(255, 255, 255)";
        }).length""")
    assert uncoloured == 0 and len(browser.find_elements(By.CSS_SELECTOR, "td[data-field]")) > 400
    browser.save_screenshot(str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    docs = _docs(SHEETS)
    kpi = next(k for _, _, k in docs[0].kpis() if k.name == "Indice di Deflusso")
    target = next(c for c in docs[0].cells if c.table == "kpis" and c.field == "target_raw" and c.line == kpi.line)
    cell = browser.find_element(By.ID, f"s1-{target.line}-{target.column}")
    cell.click()
    shown = browser.find_element(By.CSS_SELECTOR, "#detail [data-show=value]").text
    assert shown == "1,013 — number 1.013" and kpi.target.value == Decimal("1.013")
    assert browser.find_element(By.CSS_SELECTOR, "#detail [data-show=field]").text == "kpis.target_raw"
    assert browser.switch_to.active_element == cell

    cell.send_keys(Keys.ARROW_LEFT)  # to the reference beside it
    reference = browser.switch_to.active_element
    assert reference.get_attribute("id") == f"s1-{target.line}-{target.column - 1}"
    assert browser.find_element(By.CSS_SELECTOR, "#detail [data-show=field]").text == "kpis.reference"
    reference.send_keys(Keys.ARROW_DOWN)  # to the next row's cell in that column
    below = next(c for c in docs[0].cells if c.line > target.line and c.column == target.column - 1)
    assert browser.switch_to.active_element.get_attribute("id") == f"s1-{below.line}-{below.column}"


def test_the_page_prints_on_a4(browser, tmp_path):
    pdfplumber = pytest.importorskip("pdfplumber")
    out = tmp_path / "report.html"
    assert main(["report", str(SHEETS[0]), "-o", str(out)]) == 0
    browser.get(out.as_uri())
    printed = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(base64.b64decode(printed["data"]))
    with pdfplumber.open(pdf) as document:
        sizes = {(round(p.width), round(p.height)) for p in document.pages}
        text = "".join(p.extract_text() or "" for p in document.pages)
    assert sizes == {(842, 595)}  # A4, landscape
    assert "Indice di Deflusso" in text and "Selected cell" not in text



def test_every_guess_is_shown_on_its_cell_or_said_of_the_whole_file():
    text = (FIXTURES / "csv_semicolon_italian_excel.txt").read_bytes()
    doc = parse_sheets(text, "sheet.csv")[0]
    page = Page(to_html([doc]))
    shown = [g for attributes, _ in page.cells.values() for g in (attributes["data-guess"] or "").split("\n") if g]
    whole = [a for tag, a in page.tags if tag == "li" and a.get("class") == "f-info"]
    infos = [d for d in doc.diagnostics if d.severity == "info"]
    assert infos and len(shown) + len(whole) == len(infos)
    assert whole  # the delimiter chosen is said of the whole file
