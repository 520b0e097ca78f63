"""The HTML page: valid HTML5, self-contained, and, opened in headless Chromium, readable at desktop and phone
widths, with JavaScript off, in print, without network requests or console errors, at WCAG AA contrast.

The browser tests skip (with the reason) only when Playwright or /usr/bin/chromium is not there; .ci/run installs
Chromium.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import Any

import html5lib
import pytest
from report_examples import case_id, example_output, golden

from gapcheck.analysis import analyze_text
from gapcheck.report.html_page import render_html
from gapcheck.report.model import Report
from gapcheck.report.redact import redact
from gapcheck.report.render import OutputFormat, render
from gapcheck.report.text import evidence_sentence
from gapcheck.report.words import months_phrase

TODAY = date(2026, 11, 1)
PAGE_URL = "http://gapcheck.invalid/report.html"  # served by the test's route, never by a network
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
EMAIL = "rowan.quill@example.com"
HOSTILE = f"""Rowan Quill <script>alert("x")</script>
{EMAIL} | https://github.com/rowan-quill-example

EXPERIENCE
ML Engineer, Vega & Sons <b>Ltd</b>
Jan 2021 - Present
- Built <img src=x onerror=alert(1)> ranking models in Python and PyTorch; served them with FastAPI on Kubernetes.
- Wrote SQL and dbt pipelines; tracked experiments with MLflow.
- Served PyTorch models with FastAPI, demo at https://github.com/rowan-quill-example (ask {EMAIL}).

SKILLS
Python, SQL, Docker, familiar with AWS
"""


@pytest.fixture(scope="module")
def hostile() -> Report:
    return analyze_text(HOSTILE, today=TODAY, source_name="rowan <quill>.txt")


def parse_strict(page: str) -> Any:
    """html5lib's strict parser raises on the first HTML5 parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


def cases() -> list[Any]:
    return [c for c in golden.CASES if (golden.EXAMPLES / c.folder / c.resume).exists()]


# --- without a browser ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_each_example_page_is_valid_html5_and_self_contained(case: Any) -> None:
    out = example_output(case)
    page = out.html
    document = parse_strict(page)
    assert document.find(".//script") is None and "<script" not in page.lower()
    assert not re.search(r"""(?:src|href|action)\s*=\s*(?!["']?#)""", page), "a link or source that leaves the page"
    assert "url(" not in page and "@import" not in page
    csp = document.find(".//meta[@http-equiv='Content-Security-Policy']")
    assert csp is not None and "default-src 'none'" in csp.get("content")
    ids = [el.get("id") for el in document.iter() if el.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for anchor in document.iter("a"):
        assert anchor.get("href", "").lstrip("#") in ids, anchor.get("href")
    data = out.data
    assert len(document.findall(".//ol[@class='levels']/li")) == len(data["levels"])
    assert len(document.findall(".//article")) == min(10, len(data["gaps"]))
    assert len(document.findall(".//ol[@class='timeline']/li")) == len(data["plan"])
    with_evidence = [s for s in data["skills"] if s["evidence"]]
    assert len(document.findall(".//li[@class='skill']/details")) == len(with_evidence)


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_guide_citations_name_each_guide_once_and_count_right(case: Any) -> None:
    document = parse_strict(example_output(case).html)
    legend = {li.get("id"): "".join(li.itertext()) for li in document.findall(".//ul[@class='guides']/li")}
    assert legend, "no guide legend"
    cited_anywhere = set()
    for why in document.findall(".//p[@class='why']"):
        text = "".join(why.itertext())
        cited = [a.get("href").lstrip("#") for a in why.iter("a")]
        assert len(cited) == len(set(cited)), f"a guide cited twice in one card: {text}"
        assert set(cited) <= set(legend)
        said = re.search(r"(\d+) guides? asks? for it:", text)
        assert said is not None and int(said.group(1)) == len(cited), text
        for anchor in why.iter("a"):  # cited by its short title, which the legend spells out
            assert legend[anchor.get("href").lstrip("#")].startswith(anchor.text + ": ")
        cited_anywhere |= set(cited)
    assert cited_anywhere == set(legend), "the legend lists a guide no card cites"


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_each_card_says_the_gaps_one_why_sentence(case: Any) -> None:
    out = example_output(case)
    document = parse_strict(out.html)
    gaps = {g["id"]: g for g in out.data["gaps"]}
    cards = document.findall(".//article")
    assert cards
    for card in cards:
        why = card.find(".//p[@class='why']")
        assert why is not None
        text = " ".join("".join(why.itertext()).split())
        assert text == "Why " + " ".join(gaps[card.get("id").removeprefix("gap-")]["why"].split())


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_the_category_chart_draws_the_weighted_coverage(case: Any) -> None:
    out = example_output(case)
    document = parse_strict(out.html)
    categories = {c["category"]: c for c in out.data["target"]["categories"]}
    rows = [el for el in document.iter() if el.get("class") == "cat-row"]
    assert {row.get("data-category") for row in rows} == set(categories)
    for row in rows:
        coverage = categories[row.get("data-category")]["coverage"]
        assert float(row.get("data-coverage")) == pytest.approx(coverage, abs=1e-4)
        track, fill = [el for el in row if str(el.tag).endswith("rect")]
        assert float(fill.get("width")) == pytest.approx(coverage * float(track.get("width")), abs=0.1)
        assert f"{coverage * 100:.0f}% of " in "".join(row.itertext())
    assert "weighted" in "".join(document.find(".//section[@id='categories']").itertext())


def test_page_renders_from_saved_json_the_same(hostile: Report) -> None:
    data = json.loads(json.dumps(hostile.to_dict()))
    assert render_html(data) == hostile.to_html()


def test_resume_text_is_escaped(hostile: Report) -> None:
    page = hostile.to_html()
    parse_strict(page)
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;quill&gt;" in page  # the file name, escaped in the title and heading


def test_redact_applies_to_the_page(hostile: Report) -> None:
    assert EMAIL in hostile.to_html(top=None) and "rowan-quill-example" in hostile.to_html(top=None)
    stream = io.StringIO()
    render(redact(hostile), OutputFormat.HTML, stream)
    page = stream.getvalue()
    assert EMAIL not in page and "rowan-quill-example" not in page


def test_top_makes_cards_of_the_first_gaps_and_lists_the_rest(hostile: Report) -> None:
    gaps = hostile.gaps
    assert len(gaps) > 4
    document = parse_strict(hostile.to_html(top=3))
    cards = document.findall(".//article")
    assert [c.get("data-rank") for c in cards] == ["1", "2", "3"]
    rest = document.findall(".//ol[@class='gap-list']/li")
    assert [li.get("value") for li in rest] == [str(g.rank) for g in gaps[3:]]
    assert len(parse_strict(hostile.to_html(top=None)).findall(".//article")) == len(gaps)


@pytest.mark.parametrize(
    ("low", "high", "said"),
    [(0.2, 0.6, "under a month"), (1.4, 2.7, "about 1.5–2.5 months"), (0.7, 1.0, "about 0.5–1 months"),
     (2.0, 2.0, "about 2 months"), (4.5, 18.0, "about 4.5–18 months"), (0.0, 1.0, "about 0.5–1 months")],
)
def test_months_phrase_never_says_zero_months(low: float, high: float, said: str) -> None:
    assert months_phrase(low, high) == said
    assert not months_phrase(low, high).startswith("about 0 ")


@pytest.mark.parametrize(
    ("low", "high", "said"),
    [(3.0, 6.0, "3–6 months"), (1.0, 1.0, "1 month"), (6.0, 6.0, "6 months"), (0.0, 2.0, "up to 2 months"),
     (1.5, 3.0, "1.5–3 months")],
)
def test_months_phrase_gives_a_roadmap_length_as_written(low: float, high: float, said: str) -> None:
    assert months_phrase(low, high, estimate=False) == said


# --- in headless Chromium ---------------------------------------------------------------------------------------


class Opened:
    """A page served from memory at PAGE_URL; every other request is counted and aborted, console errors kept."""

    def __init__(self, browser: Any, page_html: str, *, viewport: dict[str, int], javascript: bool = True) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

        def handle(route: Any) -> None:
            if route.request.url == PAGE_URL:
                route.fulfill(status=200, content_type="text/html; charset=utf-8", body=page_html)
            else:
                self.requests.append(route.request.url)
                route.abort()

        self.context.route("**/*", handle)
        self.page.on("request", lambda req: None if req.url == PAGE_URL else self.requests.append(req.url))
        self.page.goto(PAGE_URL, wait_until="load")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    opened: list[Opened] = []

    def opener(page_html: str, *, viewport: dict[str, int] = DESKTOP, javascript: bool = True) -> Opened:
        item = Opened(browser, page_html, viewport=viewport, javascript=javascript)
        opened.append(item)
        return item

    yield opener
    for item in opened:
        item.close()


def test_the_harness_sees_a_network_request_and_a_console_error(open_page: Any) -> None:
    """The detectors below can fail: a page that fetches an image is caught (the CSP blocks it with an error)."""
    leaky = (
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head>'
        '<body><img src="http://example.com/x.png" alt=""></body></html>'
    )
    opened = open_page(leaky)
    assert opened.requests, "the request counter saw nothing"
    strict = render_html({"target": {"name": "x", "coverage": 0, "required_coverage": 0}}).replace(
        "</main>", '<img src="http://example.com/x.png" alt=""></main>'
    )
    assert open_page(strict).errors, "the CSP's refusal was not seen as a console error"


def _visible_box(page: Any, selector: str) -> dict[str, float]:
    locator = page.locator(selector).first
    assert locator.is_visible(), f"{selector} is not visible"
    box = locator.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0, selector
    return dict(box)


def _bar_fill_share(png: bytes) -> float:
    """The share of a bar screenshot's middle row that is not the track's grey (the filled part)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    y = image.height // 2
    row = [image.getpixel((x, y)) for x in range(image.width)]
    track = (0xE3, 0xE8, 0xEE)
    filled = sum(1 for px in row if sum(abs(a - b) for a, b in zip(px, track, strict=True)) > 60)
    return filled / len(row)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_page_in_chromium_shows_the_key_elements(open_page: Any, case: Any, viewport: dict[str, int]) -> None:
    out = example_output(case)
    opened = open_page(out.html, viewport=viewport)
    page = opened.page
    assert opened.requests == [], "the page made network requests"
    assert opened.errors == [], "console errors"
    width = viewport["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    data = out.data
    current = _visible_box(page, "#current-level")
    assert current["x"] >= 0 and current["x"] + current["width"] <= width
    best = data["current"]["level"]
    if best is not None:
        names = {lv["level"]: lv["name"] for lv in data["levels"]}
        assert names[best] in page.locator("#current-level").inner_text()
    assert data["target"]["name"] in page.locator("#target-level").inner_text()
    for level in data["levels"]:
        row = f".level[data-level='{level['level']}']"
        box = _visible_box(page, f"{row} svg.bar")
        assert box["x"] + box["width"] <= width
        share = _bar_fill_share(page.locator(f"{row} svg.bar").screenshot())
        assert abs(share - level["coverage"]) < 0.04, (level["level"], share, level["coverage"])
    assert page.locator(".level.is-current .mark-current").count() == (best is not None)
    if data["target"]["kind"] == "level":
        assert page.locator(f".level.is-target[data-level='{data['target_level']}'] .mark-target").is_visible()
    cards = page.locator("article.gap")
    assert cards.count() == min(10, len(data["gaps"]))
    lefts = set()
    for i in range(cards.count()):
        box = cards.nth(i).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        lefts.add(round(box["x"]))
    if cards.count() > 1:
        assert (len(lefts) == 1) == (viewport is PHONE), f"card columns: {sorted(lefts)}"
    assert _visible_box(page, "svg.chart")["width"] > 0.6 * min(width, 480)
    screenshot = page.screenshot(full_page=True)
    assert screenshot[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("case", cases()[:1], ids=case_id)
def test_javascript_off_shows_the_same_page(open_page: Any, case: Any) -> None:
    page_html = example_output(case).html
    on = open_page(page_html).page
    off = open_page(page_html, javascript=False).page
    assert off.locator("article.gap").count() == on.locator("article.gap").count() > 0
    assert off.locator("body").inner_text() == on.locator("body").inner_text()
    summary = off.locator("li.skill details summary").first
    summary.click()  # <details> opens without a script
    evidence = off.locator("li.skill details[open] .evidence").first
    assert evidence.is_visible() and evidence.locator("mark").count() >= 1


CONTRAST_JS = """() => {
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const background = el => { for (; el; el = el.parentElement) { const c = parse(getComputedStyle(el).backgroundColor);
    if (c && c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  document.querySelectorAll('details').forEach(d => d.open = true);
  const bad = []; let checked = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode; const el = node.parentElement;
    if (!node.textContent.trim() || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    const fg = parse(el instanceof SVGElement ? style.fill : style.color); const bg = background(el);
    const hi = Math.max(lum(fg), lum(bg)), lo = Math.min(lum(fg), lum(bg));
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const need = (size >= 24 || (size >= 18.66 && bold)) ? 3 : 4.5; checked++;
    if (ratio < need) bad.push(`${node.textContent.trim().slice(0, 40)}: ${ratio.toFixed(2)} < ${need}`);
  }
  return {checked, bad};
}"""


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_every_text_meets_wcag_aa_contrast(open_page: Any, case: Any) -> None:
    result = open_page(example_output(case).html).page.evaluate(CONTRAST_JS)
    assert result["checked"] > 100
    assert result["bad"] == []


def test_page_prints_to_pdf_with_its_content(open_page: Any) -> None:
    from pypdf import PdfReader

    out = example_output(cases()[0])
    page = open_page(out.html).page
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    text = unicodedata.normalize("NFKC", text)  # the print font's ligatures ("MLﬂow") as letters
    assert 2 <= len(reader.pages) <= 12
    data = out.data
    assert data["target"]["name"] in text
    for gap in data["gaps"][:10]:
        assert gap["name"] in text, gap["name"]
    assert "Learning plan" in text and "Guides cited" in text
    skills = {s["skill_id"]: s for s in data["skills"]}
    weak = [g for g in data["gaps"][:10] if g["kind"] == "weak" and skills.get(g["id"], {}).get("evidence")]
    for gap in weak:  # a gap card's evidence prints even though its <details> is closed on screen
        evidence = skills[gap["id"]]["evidence"][0]
        said = " ".join(evidence_sentence(evidence["text"], evidence["matched"]).strip("…").split()[:4])
        assert said in text, (gap["id"], said)
