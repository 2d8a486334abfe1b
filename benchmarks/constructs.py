"""What each construct of our PDF costs WeasyPrint, and which cheaper spelling draws the same pages.

Run from the repository root:

    .venv/bin/python benchmarks/constructs.py                 # 5 rounds, every variant
    .venv/bin/python benchmarks/constructs.py --rounds 2 --only header,ua
    .venv/bin/python benchmarks/constructs.py --profile       # cProfile by WeasyPrint's parts

A *variant* changes one construct of the PDF writer's input (the prepared tree, the stylesheet,
the user-agent sheet or the options of ``write_pdf``) and nothing else. For each variant:

- **CPU**: the PDF of the 12 meetings ``compare.py`` renders in process (the examples with
  their agenda once to four times, 71 pages), with one warm writer per variant (fonts and parsed
  CSS kept), ``time.process_time`` per document, the variants interleaved document by document
  in an order that turns each round (the machine is shared: CPU time, and no variant always
  first). Median of the rounds and their spread, per page.
- **Pixels**: every page of every example, corpus meeting, starter and minimal meeting, and of
  the 12 meetings, rendered by PDFium at 100 dpi in grey (the resolution of the picture tests),
  compared with the baseline's pixel by pixel: identical or not, and the largest difference.
- A variant named ``… removed`` drops the construct altogether: not a candidate, it says what
  the construct costs (baseline minus it), so the share of each is known.

``--profile`` gives cProfile's own time of the baseline by part of WeasyPrint (line breaking,
inline, block and table layout, percentages, cascade, boxes, drawing, PDF writing), and the
same for each ``… removed`` variant: what each construct costs where.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import os
import pstats
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from compare import meeting_texts  # noqa: E402

from minutes.profiles import Profile  # noqa: E402
from minutes.resources import fonts_dir  # noqa: E402
from minutes.tree import Document  # noqa: E402
from minutes.writers import pdf  # noqa: E402
from minutes.writers.css import stylesheet  # noqa: E402
from minutes.writers.shared import CELL_PADDING_MM, SIGNATURE_PADDING_MM  # noqa: E402

Tree = Callable[[ET.Element, Profile], None]
Css = Callable[[str, Profile], str]


@dataclass(frozen=True, eq=False)
class Variant:
    construct: str
    name: str
    tree: Tree | None = None  # changes the prepared tree, after pdf._prepared_tree
    css: Css | None = None  # changes the profile's stylesheet
    ua: str | None = None  # the user-agent sheet (None: the writer's lean one)
    full_ua: bool = False  # WeasyPrint's own HTML user-agent sheet
    options: dict[str, Any] = field(default_factory=dict)  # of write_pdf
    removed: bool = False  # drops the construct: its cost, not a candidate


# -- the constructs, spelt otherwise -----------------------------------------------------------


def _replace(old: ET.Element, new: ET.Element, root: ET.Element) -> None:
    for parent in root.iter():
        children = list(parent)
        if old in children:
            index = children.index(old)
            new.tail = old.tail
            parent.remove(old)
            parent.insert(index, new)
            return


def _cell_to_div(cell: ET.Element, cls: str) -> ET.Element:
    div = ET.Element("div", {"class": cls})
    div.text = cell.text
    div.extend(list(cell))
    return div


def header_blocks(root: ET.Element, profile: Profile) -> None:
    """``<table class="header"><tbody><tr><td>…`` → ``<div class="header"><div>…``."""
    for table in [t for t in root.iter("table") if t.get("class") == "header"]:
        div = ET.Element("div", {"class": "header"})
        div.text = "\n"
        for cell in table.iter("td"):
            child = _cell_to_div(cell, f"header-cell {cell.get('class')}")
            child.tail = "\n"
            div.append(child)
        _replace(table, div, root)


def signatures_blocks(root: ET.Element, profile: Profile) -> None:
    """``<table class="signatures"><tbody><tr><td>…`` → ``<div class="signatures"><div
    class="signature-row"><div class="signer …">…``."""
    for table in [t for t in root.iter("table") if t.get("class") == "signatures"]:
        div = ET.Element("div", {"class": "signatures"})
        for tr in table.iter("tr"):
            row = ET.SubElement(div, "div", {"class": "signature-row"})
            cells = tr.findall("td")
            for index, cell in enumerate(cells):
                side = "" if len(cells) != 2 else (" signer-left", " signer-right")[index]
                row.append(_cell_to_div(cell, f"signer{side}"))
        _replace(table, div, root)


FLOATS = ("display: flow-root;", "float: left;")
"""A row of blocks side by side with floats: the row's declaration, each block's."""
FLEX = ("display: flex; align-items: flex-start;", "flex: none;")
"""The same with flex. (Without either, the left block in flow and the right one absolutely
beside it are not the same height.)"""


def _css_header(row: str, cell: str) -> Css:
    """The stylesheet of :func:`header_blocks`, the two cells placed as ``row`` and ``cell`` say
    (:data:`FLOATS` or :data:`FLEX`)."""

    def change(text: str, profile: Profile) -> str:
        lay = profile.layout
        return (
            text
            + f"""
div.header {{ {row} }}
div.header-cell {{ {cell} box-sizing: border-box; padding: 0 {CELL_PADDING_MM:g}mm; }}
div.header-left {{ width: {lay.header_left_mm:g}mm; }}
div.header-right {{ width: {lay.header_right_mm:g}mm; }}
"""
        )

    return change


def _css_signatures(row: str, cell: str) -> Css:
    """The stylesheet of :func:`signatures_blocks`, the signers placed as ``row`` and ``cell``
    say (:data:`FLOATS` or :data:`FLEX`)."""

    def change(text: str, profile: Profile) -> str:
        lay = profile.layout
        return (
            text
            + f"""
div.signatures {{ break-inside: avoid; }}
div.signatures + div.signatures {{ margin-top: 2pt; }}
div.signature-row {{ {row} break-inside: avoid; break-after: avoid; }}
div.signer {{ {cell} width: 100%; box-sizing: border-box;
  padding: 0 {SIGNATURE_PADDING_MM:g}mm; }}
div.signer-left {{ width: {lay.signature_left_mm:g}mm; }}
div.signer-right {{ width: {lay.signature_right_mm:g}mm; }}
"""
        )

    return change


def drop(kind: str) -> Tree:
    def change(root: ET.Element, profile: Profile) -> None:
        for table in [t for t in root.iter("table") if (t.get("class") or "") == kind]:
            parent = next(p for p in root.iter() if table in list(p))
            parent.remove(table)

    return change


def drop_tables_and_captions(root: ET.Element, profile: Profile) -> None:
    drop("data-table")(root, profile)
    for parent in list(root.iter()):
        for child in list(parent):
            if child.get("class") in ("table-caption", "table-note"):
                parent.remove(child)


def ruled_as_blocks(text: str, profile: Profile) -> str:
    """The rule under a header line under the whole cell, not the text: not identical (shows
    what the shrink-wrapping ``display: table`` of a ruled paragraph costs)."""
    return text.replace("display: table; margin-left: auto", "display: block; margin-left: auto")


def appendix_pages_used(text: str, profile: Profile) -> str:
    """Two named appendix pages instead of 30 (enough for every document here)."""
    kept = []
    skip = False
    for line in text.split("\n"):
        if line.startswith("div.appendix-") and not line.startswith(
            ("div.appendix-1 ", "div.appendix-2 ")
        ):
            skip = True
            continue
        if skip and line.startswith("@page :nth(1 of appendix-"):
            skip = False
            continue
        kept.append(line)
    return "\n".join(kept)


HEAVY_SELECTORS = {
    "td.signer-left": "table.signatures td.signer:first-child:nth-last-child(2)",
    "td.signer-right": "table.signatures td.signer:last-child:nth-child(2)",
    "tr.first-row": "table.data-table tbody tr:first-child",
    "tr.last-row": "table.data-table tbody tr:last-child",
    "table.after-caption": "p.table-caption + table.data-table",
    "table.next-signatures": "table.signatures + table.signatures",
    ".data-cell": "table.data-table th, table.data-table td",
    "tr.signature-row": "table.signatures tr",
    "td.header-left, td.header-right": "table.header td",
    "td.signer": "table.signatures td",
    "thead": "table.data-table thead",
    "tr.data-row": "table.data-table tr",
}
"""The selectors of the stylesheet before ``benchmarks/constructs.py`` measured them (the
classes they match now are set by ``pdf._mark_for_css``)."""


def heavy_selectors(text: str, profile: Profile) -> str:
    for simple, heavy in HEAVY_SELECTORS.items():
        assert "\n" + simple + " {" in text, simple
        text = text.replace("\n" + simple + " {", "\n" + heavy + " {")
    return text


LEAN_UA_BEFORE = """
head, meta, title { display: none }
html, body, div, p { display: block }
body { margin: 8px }
p { margin-top: 1em; margin-bottom: 1em }
table { display: table; box-sizing: border-box; border-spacing: 2px; border-collapse: separate;
        text-indent: initial; border-color: gray }
thead { display: table-header-group }
tbody { display: table-row-group }
colgroup { display: table-column-group }
col { display: table-column }
tr { display: table-row }
td, th { display: table-cell; padding: 1px; border-color: gray }
thead, tbody, table > tr { vertical-align: middle }
tr, td, th { vertical-align: inherit }
thead, tbody, tr { border-color: inherit }
strong, th { font-weight: bold }
em { font-style: italic }
u { text-decoration: underline }
br::before { content: "\\A"; white-space: pre-line }
@page { margin: 75px; @top-center { text-align: center; vertical-align: middle } }
"""
"""The lean user-agent sheet before: WeasyPrint's values for the elements of the tree, also
those our own sheet sets again (``pdf.LEAN_UA_STYLESHEET`` is the one used now)."""


def variants() -> list[Variant]:
    return [
        Variant("baseline", "today"),
        Variant("header", "blocks, floats", tree=header_blocks, css=_css_header(*FLOATS)),
        Variant("header", "blocks, flex", tree=header_blocks, css=_css_header(*FLEX)),
        Variant("header", "removed", tree=drop("header"), removed=True),
        Variant(
            "signatures",
            "blocks, floats",
            tree=signatures_blocks,
            css=_css_signatures(*FLOATS),
        ),
        Variant("signatures", "blocks, flex", tree=signatures_blocks, css=_css_signatures(*FLEX)),
        Variant("signatures", "removed", tree=drop("signatures"), removed=True),
        Variant("figures", "removed", tree=drop_tables_and_captions, removed=True),
        Variant("ruled lines", "display: block", css=ruled_as_blocks, removed=True),
        Variant("selectors", "descendant and structural (before)", css=heavy_selectors),
        Variant("selectors", "2 appendix pages, not 30", css=appendix_pages_used),
        Variant("user-agent sheet", "WeasyPrint's own", full_ua=True),
        Variant("user-agent sheet", "lean (before)", ua=LEAN_UA_BEFORE),
        Variant("write_pdf", "uncompressed_pdf", options={"uncompressed_pdf": True}),
        Variant("write_pdf", "full_fonts (no subsetting)", options={"full_fonts": True}),
        Variant("write_pdf", "hinting", options={"hinting": True}),
        Variant("write_pdf", "pdf/a-2b", options={"pdf_variant": "pdf/a-2b"}),
        Variant(
            "write_pdf", "pdf/ua-1, tagged", options={"pdf_variant": "pdf/ua-1", "pdf_tags": True}
        ),
    ]


# -- rendering ---------------------------------------------------------------------------------


class Bench:
    """One warm writer for every variant: one font configuration, the parsed CSS per variant and
    profile, one ``LeanHTML`` per user-agent sheet."""

    def __init__(self) -> None:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.fonts = fonts_dir().resolve()
        self.font_config = FontConfiguration()
        self.fetcher = pdf._make_fetcher((self.fonts, *pdf.allowed_roots()))
        self.css: dict[tuple[str, str], Any] = {}
        lean = pdf._lean_html_class(self.font_config)
        self.html: dict[str | None, Any] = {None: lean}
        self.CSS = CSS

    def html_class(self, variant: Variant) -> Any:
        if variant.full_ua:
            key = "full"
            if key not in self.html:
                from weasyprint import HTML

                base = self.html[None]

                class FullUA(base):  # type: ignore[misc, valid-type]
                    _ua_stylesheets = HTML._ua_stylesheets

                self.html[key] = FullUA
            return self.html[key]
        if variant.ua not in self.html:
            sheet = self.CSS(string=variant.ua, font_config=self.font_config)
            base = self.html[None]

            class OtherUA(base):  # type: ignore[misc, valid-type]
                def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
                    return [sheet]

            self.html[variant.ua] = OtherUA
        return self.html[variant.ua]

    def stylesheet(self, variant: Variant, profile: Profile) -> Any:
        key = (variant.construct + "/" + variant.name, profile.id)
        if key not in self.css:
            text = stylesheet(profile, self.fonts)
            if variant.css is not None:
                text = variant.css(text, profile)
            self.css[key] = self.CSS(
                string=text, font_config=self.font_config, url_fetcher=self.fetcher
            )
        return self.css[key]

    def tree(self, variant: Variant, document: Document) -> ET.Element:
        root = pdf._prepared_tree(document, self.fonts)
        if variant.tree is not None:
            variant.tree(root, document.profile)
        return root

    def render(self, variant: Variant, document: Document) -> bytes:
        css = self.stylesheet(variant, document.profile)
        html = self.html_class(variant)(
            self.tree(variant, document),
            base_url=self.fonts.as_uri() + "/",
            url_fetcher=self.fetcher,
        )
        rendered = html.render(font_config=self.font_config, stylesheets=[css])
        result = rendered.write_pdf(**variant.options)
        assert isinstance(result, bytes)
        return result


def timing_documents() -> list[Document]:
    import minutes
    from minutes.load import loads

    renderer = minutes.Renderer()
    return [renderer.compose(loads(text, f"m{i}.yaml")) for i, text in enumerate(meeting_texts(12))]


def picture_documents() -> list[tuple[str, Document]]:
    import minutes

    renderer = minutes.Renderer()
    paths = sorted((ROOT / "examples").glob("*.yaml"))
    paths += sorted((ROOT / "examples" / "corpus").glob("*.yaml"))
    paths += sorted((ROOT / "templates" / "starters").glob("*.yaml"))
    paths += sorted((ROOT / "tests" / "data").glob("minimal-*.yaml"))
    named = [(p.stem, renderer.compose(minutes.load(p))) for p in paths]
    named += [(f"compare-{i}", d) for i, d in enumerate(timing_documents())]
    return named


def pages(data: bytes, dpi: int = 100) -> list[Any]:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return [
            page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for page in document
        ]
    finally:
        document.close()


def difference(base: list[Any], other: list[Any]) -> tuple[bool, int]:
    """(identical, the largest difference of one pixel, 0–255; 255 when pages differ in
    number or size)."""
    from PIL import ImageChops

    if len(base) != len(other):
        return False, 255
    worst = 0
    for a, b in zip(base, other, strict=True):
        if a.size != b.size:
            return False, 255
        _low, high = ImageChops.difference(a, b).getextrema()
        worst = max(worst, high)
    return worst == 0, worst


def pixels(bench: Bench, chosen: Sequence[Variant]) -> dict[Variant, tuple[bool, int, str]]:
    """For each variant: identical on every page of every document, its worst pixel, and the
    first document that differs."""
    results = {v: (True, 0, "") for v in chosen}
    baseline = chosen[0]
    for name, document in picture_documents():
        base = pages(bench.render(baseline, document))
        for variant in chosen[1:]:
            same, worst = difference(base, pages(bench.render(variant, document)))
            ok, was, first = results[variant]
            results[variant] = (ok and same, max(was, worst), first or ("" if same else name))
    return results


def timings(
    bench: Bench, chosen: Sequence[Variant], documents: Sequence[Document], rounds: int
) -> dict[Variant, list[float]]:
    """Seconds of CPU for all ``documents``, per variant and round."""
    for variant in chosen:  # warm: parsed CSS, fonts
        bench.render(variant, documents[0])
    out: dict[Variant, list[float]] = {v: [] for v in chosen}
    for number in range(rounds):
        spent = dict.fromkeys(chosen, 0.0)
        for index, document in enumerate(documents):
            shift = (number + index) % len(chosen)
            for variant in [*chosen[shift:], *chosen[:shift]]:
                start = time.process_time()
                bench.render(variant, document)
                spent[variant] += time.process_time() - start
        for variant in chosen:
            out[variant].append(spent[variant])
        load = "/".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"[load {load}] round {number + 1} of {rounds}", file=sys.stderr, flush=True)
    return out


# -- the profile -------------------------------------------------------------------------------

GROUPS = (
    ("text/line_break", "line breaking (Pango)"),
    ("layout/inline", "inline layout"),
    ("layout/table", "table layout"),
    ("layout/percent", "resolving percentages"),
    ("layout/float", "floats"),
    ("layout/flex", "flex layout"),
    ("layout/", "other layout (block, page, backgrounds)"),
    ("css/", "cascade and computed values"),
    ("cssselect2", "cascade and computed values"),
    ("formatting_structure", "building boxes"),
    ("draw/", "drawing"),
    ("pdf/", "writing the PDF"),
    ("pydyf", "writing the PDF"),
    ("text/", "fonts and text (other)"),
    ("weasyprint", "WeasyPrint, other"),
    ("tinycss2", "cascade and computed values"),
)


def group_of(filename: str) -> str:
    path = filename.replace("\\", "/")
    if "site-packages/" not in path and "minutes/" in path:
        return "ours (preparing the tree)"
    if "weasyprint" in path or "pydyf" in path or "cssselect2" in path or "tinycss2" in path:
        for part, label in GROUPS:
            if part in path:
                return label
    return "C, Python and other libraries"


def profile(bench: Bench, variant: Variant, documents: Sequence[Document]) -> dict[str, float]:
    """Own time by group, seconds for all ``documents`` (cProfile inflates Python against C, so
    shares, not absolute times)."""
    for document in documents[:2]:
        bench.render(variant, document)
    profiler = cProfile.Profile()
    profiler.enable()
    for document in documents:
        bench.render(variant, document)
    profiler.disable()
    stats = pstats.Stats(profiler)
    by: collections.Counter[str] = collections.Counter()
    for (filename, _line, _name), row in stats.stats.items():  # type: ignore[attr-defined]
        by[group_of(filename)] += row[2]
    return dict(by)


# -- report ------------------------------------------------------------------------------------


def ms(value: float) -> str:
    return f"{value * 1000:.1f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", default="", help="constructs, comma-separated")
    parser.add_argument("--profile", action="store_true", help="cProfile by WeasyPrint's parts")
    parser.add_argument("--no-pixels", action="store_true")
    args = parser.parse_args(argv)

    import minutes
    from minutes.api import settle_after_warm_up

    chosen = variants()
    if args.only:
        wanted = {w.strip() for w in args.only.split(",")}
        chosen = [chosen[0]] + [v for v in chosen[1:] if v.construct.split()[0] in wanted]
    bench = Bench()
    documents = timing_documents()
    page_count = sum(len(pages(bench.render(chosen[0], d), dpi=10)) for d in documents)
    minutes.Renderer()
    settle_after_warm_up()

    if args.profile:
        parts = profile(bench, chosen[0], documents)
        total = sum(parts.values())
        print(f"\nProfile of the baseline ({len(documents)} documents, {page_count} pages)\n")
        print("| part | share | ms per page (under cProfile) |")
        print("|---|---|---|")
        for label, seconds in sorted(parts.items(), key=lambda kv: -kv[1]):
            print(f"| {label} | {seconds / total:.1%} | {ms(seconds / page_count)} |")
        for variant in [v for v in chosen if v.removed]:
            other = profile(bench, variant, documents)
            print(f"\n{variant.construct} ({variant.name}): what it costs, by part")
            print("| part | ms per page | share of the baseline |")
            print("|---|---|---|")
            for label in sorted(parts, key=lambda k: -parts[k]):
                saved = parts[label] - other.get(label, 0.0)
                if abs(saved) / total > 0.003:
                    print(f"| {label} | {ms(saved / page_count)} | {saved / total:.1%} |")
        return 0

    seen = {} if args.no_pixels else pixels(bench, chosen)
    times = timings(bench, chosen, documents, args.rounds)
    base = statistics.median(times[chosen[0]])
    print(
        f"\n{len(documents)} documents, {page_count} pages, {args.rounds} rounds; CPU of the PDF "
        "per page, median (lowest–highest); pixels: every page of "
        f"{len(picture_documents()) if seen else 0} documents at 100 dpi\n"
    )
    print("| construct | variant | ms per page | vs today | identical pixels? |")
    print("|---|---|---|---|---|")
    for variant in chosen:
        values = times[variant]
        median = statistics.median(values)
        spread = f"{ms(min(values) / page_count)}–{ms(max(values) / page_count)}"
        change = (median - base) / base
        note = f"construct costs {-change:.1%}" if variant.removed else f"{change:+.1%}"
        if variant in seen:
            same, worst, first = seen[variant]
            shown = "yes" if same else f"no (max {worst}/255, first {first})"
        else:
            shown = "—"
        print(
            f"| {variant.construct} | {variant.name} | {ms(median / page_count)} ({spread}) | "
            f"{note} | {shown} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
