"""The page generator: what each page shows, workspace template overrides, and the safe text path."""

from __future__ import annotations

import html
import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from planner.errors import InvalidPlan, UsageError
from planner.model import FaqEntry, HandRisk, Plan, Verdict
from planner.render import escape_inline, link_allowed, nav, pages, render_text
from planner.review import assess
from planner.store import plan_from_text
from tests.site_fixtures import LITERALS, SOUND_PLAN, TITLE_BREAK, hostile_plan

# The extensions a Material site typically enables; attr_list and md_in_html make attacks easier.
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "def_list", "footnotes"]


def sound() -> Plan:
    return plan_from_text(textwrap.dedent(SOUND_PLAN), "plans/fraud/plan.yaml")


class _Html(HTMLParser):
    """Collects tags, attributes and the text a browser would show."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def to_html(page: str) -> _Html:
    parser = _Html()
    parser.feed(markdown.markdown(page, extensions=EXTENSIONS))
    return parser


def test_dashboard_shows_every_plan_with_status_completeness_risk_and_done() -> None:
    out = pages({"fraud": sound(), "broken": InvalidPlan("plans/broken/plan.yaml", ["bad: thing"])})
    dashboard = out["plans/index.md"]
    row = next(line for line in dashboard.splitlines() if "fraud/index.md" in line)
    assert "Screen card orders for fraud before they ship" in row
    assert 'data-status="approved"' in row
    assert "The card vendor&#39;s API goes down" in row  # the highest (only) risk, linked to its register
    assert "fraud/risks.md" in row
    assert "recall at 1&#37; false positive rate ≥ 0&#46;7 (baseline 0&#46;4) · 6 weeks" in row
    assert re.search(r"\| \d+% \|", row) is None  # completeness shown as a meter, not a bare cell
    assert 'data-filter="approved"' in dashboard and 'data-filter="invalid"' in dashboard
    assert "[broken](broken/index.md)" in dashboard


def test_dashboard_shows_the_highest_open_risk_not_one_already_decided() -> None:
    plan = sound()
    plan.risks.append(
        HandRisk(id="label-leak", title="Chargebacks arrive late", category="data", likelihood=4, impact=4)
    )
    row = next(
        line for line in pages({"fraud": plan})["plans/index.md"].splitlines() if "fraud/index" in line
    )
    assert ">high 16</span> [Chargebacks arrive late](fraud/risks.md#risk-label-leak)" in row
    assert '<span class="planner-note">2 open</span>' in row
    plan.risks[-1].verdict, plan.risks[-1].by = Verdict.accepted, "Ann"
    row = next(
        line for line in pages({"fraud": plan})["plans/index.md"].splitlines() if "fraud/index" in line
    )
    # The vendor risk (medium 8) is now the highest open one; the decided high one is shown as decided.
    assert ">medium 8</span> [The card vendor&#39;s API goes down" in row
    assert "1 open · 1 decided" in row and "high 16" not in row
    plan.risks[0].verdict = Verdict.mitigated
    row = next(
        line for line in pages({"fraud": plan})["plans/index.md"].splitlines() if "fraud/index" in line
    )
    assert '| none open<br><span class="planner-note">highest decided: <span' in row
    assert (
        ">high 16</span> [Chargebacks arrive late](fraud/risks.md#risk-label-leak) (accepted)</span> |" in row
    )


def test_plan_page_reads_as_sections_with_prompts_figures_and_risks() -> None:
    page = pages({"fraud": sound()})["plans/fraud/index.md"]
    assert page.startswith("# Screen card orders for fraud before they ship\n")
    for heading in (
        "## 1. Product goal and ML framing",
        "## 2. Heuristic feasibility",
        "## 7. Done criteria",
    ):
        assert heading in page
    assert "<dt" in page and "What share of cases do the rules handle?</dt>" in page  # prompt as label
    assert "<p>40&#37;</p>" in page  # a share shown as a percent, not 0.4
    figures = assess(sound()).figures
    assert ("## Key figures" in page) == (
        figures.items_per_month is not None or figures.monthly_value is not None
    )
    assert "[Risk register](risks.md)" in page and "[Press release](press-release.md)" in page
    assert "Not answered yet" in page  # missing questions are listed per section
    assert "title:" not in page  # not a YAML dump


def test_risk_register_sorts_by_score_and_draws_the_heat_map() -> None:
    plan = sound()
    plan.risks.append(plan.risks[0].model_copy(update={"id": "worse", "title": "Worse", "likelihood": 5}))
    page = pages({"fraud": plan})["plans/fraud/risks.md"]
    assert page.index("[Worse](#risk-worse)") < page.index("(#risk-vendor-outage)")
    assert "<svg" in page and page.count("<rect") == 25
    assert page.count("planner-cell--used") == 2
    assert "likelihood 5 × impact 4 = 20; Worse" in page


def test_press_release_page_uses_the_headline_and_faq() -> None:
    plan = sound()
    plan.press_release.headline = "Orders ship safely"
    plan.press_release.faq = [FaqEntry(question="Cost?")]
    page = pages({"fraud": plan})["plans/fraud/press-release.md"]
    assert page.startswith(
        '---\ntitle: "Screen card orders for fraud before they ship · press release"\n---\n'
    )
    assert "\n# Orders ship safely\n" in page
    assert "### Cost?\n\nNo answer yet." in page


def test_nav_groups_plans_by_status_with_escaped_titles() -> None:
    entry = nav({"fraud": sound(), "evil": hostile_plan()})
    ((title, children),) = entry.items()
    assert title == "Plans" and children[0] == "plans/index.md"
    groups = {next(iter(group)): group for group in children[1:]}
    assert list(groups) == ["Draft", "Approved"]  # workflow order
    ((evil_title, evil_pages),) = groups["Draft"]["Draft"][0].items()
    assert "<" not in evil_title and "&#60;/title&#62;" in evil_title
    assert evil_pages[1] == {"Press release": "plans/evil/press-release.md"}


def test_big_status_groups_are_split_so_each_page_carries_a_small_nav() -> None:
    plans = {f"p{i:03d}": Plan(title=f"{chr(65 + i % 26)} plan {i}") for i in range(90)}
    groups = nav(plans)["Plans"][1:]
    assert len(groups) == 3 and all(len(next(iter(g.values()))) <= 40 for g in groups)
    assert next(iter(groups[0])).startswith("Draft A–")


def test_every_page_of_a_hostile_plan_is_inert_markup() -> None:
    out = pages({"evil": hostile_plan()})
    assert len(out) == 4
    for path, page in out.items():
        parsed = to_html(page)
        for tag, attrs in parsed.tags:
            assert tag not in ("script", "img", "iframe", "object", "embed"), (path, tag)
            assert not [name for name in attrs if name.startswith("on")], (path, tag, attrs)
            for name in ("href", "src", "action", "xlink:href"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript", "data", "vbscript")), (path, tag, attrs)
    shown = "".join(to_html(out["plans/evil/index.md"]).text)
    for literal in LITERALS:
        assert literal in shown  # the attack is shown as the text the user typed


def test_hostile_text_cannot_break_out_of_a_table_row() -> None:
    page = pages({"evil": hostile_plan()})["plans/index.md"]
    rows = [line for line in page.splitlines() if line.startswith("| [")]
    assert len(rows) == 1
    assert rows[0].count(" | ") == 5  # six cells: the title's own | is escaped


def test_inline_escape_covers_html_and_markdown_specials() -> None:
    escaped = escape_inline("a|b <i> *x* [y](z) {: #id } `c` \\ #h\nnext")
    assert not re.search(r"[|<>*\[\](){}`\\#]", escaped.replace("&#", ""))
    assert "\n" not in escaped
    rendered = html.unescape(markdown.markdown(escaped, extensions=EXTENSIONS))
    assert rendered == "<p>a|b <i> *x* [y](z) {: #id } `c` \\ #h next</p>"  # shown as typed


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://example.com/x", True),
        ("http://example.com", True),
        ("mailto:team@example.com", True),
        ("../other/", True),
        ("#anchor", True),
        ("JavaScript:alert(1)", False),
        ("data:text/html,hi", False),
        ("vbscript:x", False),
        ("%01javascript:alert(1)", False),
    ],
)
def test_links_are_limited_to_http_https_mailto_and_relative(url: str, allowed: bool) -> None:
    assert link_allowed(url) is allowed


def test_free_text_keeps_safe_markdown() -> None:
    fragment = render_text(
        "We *hold* orders: see [the runbook](https://example.com/run) and `code`.\n\n- one\n- two"
    )
    assert "<em>hold</em>" in fragment and '<a href="https://example.com/run">the runbook</a>' in fragment
    assert "<li>one</li>" in fragment and "<code>code</code>" in fragment
    assert "<img" not in render_text("![x](https://example.com/a.png)")  # no request to another host


def test_a_workspace_template_overrides_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "risks.md.j2").write_text("# Our own register for {{ plan.title }}\n", encoding="utf-8")
    out = pages({"fraud": sound()}, templates_dir=tmp_path)
    assert (
        out["plans/fraud/risks.md"]
        == "# Our own register for Screen card orders for fraud before they ship\n"
    )
    assert out["plans/fraud/index.md"].startswith("# Screen card orders")  # others still shipped ones


def test_a_typo_in_a_template_fails_with_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "plan.md.j2").write_text("# {{ plan.title }}\n\n{{ plan.titel }}\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        pages({"fraud": sound()}, templates_dir=tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'plan.md.j2'}:3: template error:")
    assert "titel" in message and message.endswith("fix the template (or delete the override)")


@pytest.mark.parametrize("tag", ["include 'nope.j2'", "extends 'nope.j2'", "import 'nope.j2' as x"])
def test_an_override_using_a_missing_template_fails_with_its_file_and_line(tmp_path: Path, tag: str) -> None:
    (tmp_path / "plan.md.j2").write_text(f"# {{{{ plan.title }}}}\n{{% {tag} %}}\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        pages({"fraud": sound()}, templates_dir=tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'plan.md.j2'}:2: template error:"), message
    assert "no template named 'nope.j2'" in message
    assert message.endswith("fix the template (or delete the override)")


def test_titles_escape_the_title_tag_break() -> None:
    page = pages({"evil": hostile_plan()})["plans/evil/index.md"]
    first = page.splitlines()[0]
    assert first.startswith("# Hostile &#60;/title&#62;")
    assert TITLE_BREAK not in page
