"""The page generator: what each page shows, workspace template overrides, and the safe text path."""

from __future__ import annotations

import html
import re
import textwrap
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from planner.core.errors import InvalidPlan, UsageError
from planner.plan.model import FaqEntry, HandRisk, Plan, Verdict
from planner.plan.planfile import plan_from_text
from planner.site import htmlpage, sitemodel
from planner.site.render import Page, Renderer, nav, pages
from planner.site.safetext import escape_inline, link_allowed, render_text
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
    return _parsed(markdown.markdown(page, extensions=EXTENSIONS))


def _parsed(text: str) -> _Html:
    parser = _Html()
    parser.feed(text)
    return parser


def site(plans: dict[str, Plan | InvalidPlan], templates_dir: Path | None = None) -> dict[str, Page]:
    return Renderer(templates_dir).site(sitemodel.build(plans))


def row_of(dashboard: str, slug: str) -> str:
    """The plan's row in the portfolio's table (the decision board above it links the plan too)."""
    return next(
        line
        for line in dashboard.splitlines()
        if line.startswith('<tr class="planner-row"') and f'href="plans/{slug}/index.md"' in line
    )


def test_dashboard_shows_every_plan_with_status_owner_next_step_risks_and_time_box() -> None:
    out = site({"fraud": sound(), "broken": InvalidPlan("plans/broken/plan.yaml", ["bad: thing"])})
    dashboard = out["index.md"]
    assert out["index.md"].meta == {"title": "Portfolio", "hide": ["toc"]}  # full width: no empty toc
    row = row_of(dashboard.body, "fraud")
    assert "Screen card orders for fraud before they ship" in row
    assert 'data-status="approved"' in row and "Ana Costa" in row
    assert "The card vendor&#39;s API goes down" in row  # the highest open risk, linked on its plan page
    assert 'href="plans/fraud/index.md#risk-vendor-outage"' in row
    assert "1 open</span> / 1" in row
    assert "6 weeks" in row  # the time box (no days left: nothing published, so no start yet)
    assert 'class="planner-tone planner-tone--' in row  # the next step: the advice's verdict
    assert 'data-filter="approved"' in dashboard.body and 'data-filter="invalid"' in dashboard.body
    assert dashboard.body.count('aria-pressed="true"') == 2  # one selected filter per group (status, verdict)
    assert "md-button--primary" not in dashboard.body
    assert ">broken</a>" in row_of(dashboard.body, "broken")


def test_dashboard_shows_the_highest_open_risk_not_one_already_decided() -> None:
    plan = sound()
    plan.risks.append(
        HandRisk(id="label-leak", title="Chargebacks arrive late", category="data", likelihood=4, impact=4)
    )
    row = row_of(site({"fraud": plan})["index.md"].body, "fraud")
    assert (
        '>high 16</span> <a href="plans/fraud/index.md#risk-label-leak" title="Chargebacks arrive late">'
        "Chargebacks arrive late</a>"
    ) in row
    assert "2 open</span> / 2" in row
    plan.risks[-1].verdict, plan.risks[-1].by = Verdict.accepted, "Ann"
    row = row_of(site({"fraud": plan})["index.md"].body, "fraud")
    # The vendor risk (medium 8) is now the highest open one; the decided high one is not shown.
    assert ">medium 8</span> <a" in row and "high 16" not in row
    assert "1 open</span> / 2" in row
    plan.risks[0].verdict = Verdict.mitigated
    row = row_of(site({"fraud": plan})["index.md"].body, "fraud")
    assert "0 open</span> / 2" in row and "all decided" in row


def test_plan_page_reads_as_a_document_with_a_summary_labels_and_figures() -> None:
    page = site({"fraud": sound()})["plans/fraud/index.md"]
    assert page.body.startswith(
        '<h1 data-toc="" id="plan">Screen card orders for fraud before they ship</h1>\n'
    )
    body = page.body
    assert body.index('<div class="planner-summary">') < body.index(">1. Product goal")
    for heading in (
        '<h2 data-toc="">1. Product goal and ML framing</h2>',
        '<h2 data-toc="">2. Heuristic feasibility</h2>',
        '<h2 data-toc="">7. Done criteria',
    ):
        assert heading in body
    # The register stays open; a section with more than three answers starts folded.
    assert body.count('<details class="planner-fold"') == 8  # 7 sections and the risks
    assert body.count('<details class="planner-fold" open>') == 5
    # A field asked with a partner, under its own question (the coverage is not labelled with both).
    assert "What share of cases do the rules handle?</dt>" in body
    assert "and what share of those do they get right?</dt>" not in body
    assert 'id="answer-heuristics-coverage"' in body  # evidence links here
    assert "<p>40&#37;</p>" in body  # a share shown as a percent, not 0.4
    assert "rules are a baseline a model must beat" in body  # a choice's label, not `rules baseline`
    assert "rules_baseline" not in body and "rules baseline<" not in body
    assert "3,000 per day" in body  # thousands separators and the unit
    assert "€1&#46;50" in body  # a currency
    assert ">5. Press release</h2>" in body and ">Risks</h2>" in body  # one page per plan
    assert "Not answered yet" in body


def test_a_value_per_item_not_measured_reads_as_such_with_no_estimate() -> None:
    text = textwrap.dedent(SOUND_PLAN).replace("value_per_item: 1.5", "value_per_item: not measured")
    body = site({"fraud": plan_from_text(text, "plans/fraud/plan.yaml")})["plans/fraud/index.md"].body
    assert "<dt>Value per month</dt><dd>not estimated yet: the value per item is not measured</dd>" in body
    assert "<p>not measured</p>" in body  # the answer itself, without a currency


def test_every_open_risk_is_listed_and_advice_names_risks_by_title_with_links() -> None:
    plan = plan_from_text(textwrap.dedent(SOUND_PLAN), "fraud")
    for index in range(6):
        plan.risks.append(
            HandRisk(id=f"r{index}", title=f"Risk {index}", category="data", likelihood=4, impact=4)
        )
    body = site({"fraud": plan})["plans/fraud/index.md"].body
    assert all(f'<a href="#risk-r{index}">Risk {index}</a>' in body for index in range(6))
    assert "Risks: <a href=" in body  # the advice "settle the high risks" links them by title


def test_the_heat_map_tells_open_from_decided_risks_and_lists_each_square() -> None:
    plan = sound()
    plan.risks.append(plan.risks[0].model_copy(update={"id": "worse", "title": "Worse", "likelihood": 5}))
    plan.risks.append(
        plan.risks[0].model_copy(
            update={"id": "done", "title": "Done", "likelihood": 4, "verdict": "accepted"}
        )
    )
    body = site({"fraud": plan})["plans/fraud/index.md"].body
    register = body[body.index('<div class="planner-register">') :]
    assert register.index('href="#risk-worse"') < register.index('href="#risk-vendor-outage"')
    assert "planner-cell--high planner-cell--open" in body  # likelihood 5 x impact 4, open
    assert 'planner-cell--high planner-cell--decided" data-open="0" data-decided="1"' in body
    assert 'id="cell-4-4"' in body and "(accepted)</li>" in body
    assert "data-search-exclude" in body  # no heat-map text in search results
    assert "high: score 15 to 25" in body  # a legend in words


def test_open_risks_carry_an_owner_and_a_due_date() -> None:
    plan = sound()
    plan.risks[0].owner, plan.risks[0].due = "Ana Costa", date(2020, 1, 31)
    body = html.unescape(site({"fraud": plan})["plans/fraud/index.md"].body)
    assert 'Ana Costa, due 2020-01-31 <span class="planner-overdue">overdue</span>' in body


def test_press_release_is_a_section_of_the_plan_page() -> None:
    plan = sound()
    plan.press_release.headline = "Orders ship safely"
    plan.press_release.faq = [FaqEntry(question="Cost?")]
    body = site({"fraud": plan})["plans/fraud/index.md"].body
    assert 'id="answer-press-release-headline">Orders ship safely</p>' in body
    assert "<strong>Cost?</strong></p>\n<p>No answer yet.</p>" in body


def test_nav_groups_plans_by_status_with_escaped_titles() -> None:
    portfolio, plans = nav({"fraud": sound(), "evil": hostile_plan()})
    assert portfolio == {"Portfolio": "index.md"}
    ((title, children),) = plans.items()
    assert title == "Plans"
    groups = {next(iter(group)): group for group in children}
    assert list(groups) == ["Draft", "Approved"]  # workflow order
    ((evil_title, evil_page),) = groups["Draft"]["Draft"][0].items()
    assert "<" not in evil_title and "&#60;/title&#62;" in evil_title
    assert evil_page == ["plans/evil/index.md"]


def test_big_status_groups_are_split_so_each_page_carries_a_small_nav() -> None:
    plans: dict[str, Plan | InvalidPlan] = {
        f"p{i:03d}": Plan(title=f"{chr(65 + i % 26)} plan {i}") for i in range(90)
    }
    groups = nav(plans)[1]["Plans"]
    assert len(groups) == 3 and all(len(next(iter(g.values()))) <= 40 for g in groups)
    assert next(iter(groups[0])).startswith("Draft A–")


def test_every_page_of_a_hostile_plan_is_inert_markup() -> None:
    out = pages({"evil": hostile_plan()})
    assert len(out) == 2
    for path, page in out.items():
        # Both ways a page is read: Python-Markdown (a plain mkdocs site) and planner's own HTML.
        for parsed in (to_html(page), _parsed(htmlpage.to_html(page, path).html)):
            for tag, attrs in parsed.tags:
                assert tag not in ("script", "img", "iframe", "object", "embed"), (path, tag)
                assert not [name for name in attrs if name.startswith("on")], (path, tag, attrs)
                for name in ("href", "src", "action", "xlink:href"):
                    value = (attrs.get(name) or "").strip().lower()
                    assert not value.startswith(("javascript", "data", "vbscript")), (path, tag, attrs)
    for shown in (
        "".join(to_html(out["plans/evil/index.md"]).text),
        "".join(_parsed(htmlpage.to_html(out["plans/evil/index.md"], "plans/evil/index.md").html).text),
    ):
        for literal in LITERALS:
            assert literal in shown  # the attack is shown as the text the user typed


def test_hostile_text_cannot_break_out_of_a_table_row() -> None:
    page = site({"evil": hostile_plan()})["index.md"].body
    rows = [line for line in page.splitlines() if line.startswith('<tr class="planner-row"')]
    assert len(rows) == 1
    assert rows[0].count("<td") == 10 and rows[0].endswith("</td></tr>")
    decisions = [line for line in page.splitlines() if line.startswith('<tr class="planner-decision"')]
    assert all(row.count("<td") == 5 and row.endswith("</td></tr>") for row in decisions)


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
    (tmp_path / "_risks.j2").write_text("## Our own register for {{ plan.title }}\n", encoding="utf-8")
    out = site({"fraud": sound()}, templates_dir=tmp_path)
    body = out["plans/fraud/index.md"].body
    own = "## Our own register for Screen card orders for fraud before they ship\n"
    assert own in body and body.index(own) < body.index(">1. Product goal")  # the register's place
    assert body.startswith(
        '<h1 data-toc="" id="plan">Screen card orders'
    )  # the rest still the shipped templates
    # Edited (as under `planner serve`), the same file is read again, not its compiled first version.
    (tmp_path / "_risks.j2").write_text("## Risks we own in {{ plan.title }}\n", encoding="utf-8")
    body = site({"fraud": sound()}, templates_dir=tmp_path)["plans/fraud/index.md"].body
    assert "## Risks we own in Screen card orders" in body and own not in body


def test_a_typo_in_a_template_fails_with_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "plan.md.j2").write_text("# {{ plan.title }}\n\n{{ plan.titel }}\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        pages({"fraud": sound()}, templates_dir=tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'plan.md.j2'}:3: template error:")
    assert "titel" in message and message.endswith("fix the template (or delete the override)")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{% extends 'plan.md.j2' %}\n", ":1: template error: it extends or includes itself without end"),
        (
            "# T\n{% include 'plan.md.j2' %}\n",
            ":2: template error: it extends or includes itself without end",
        ),
        ("# T\n{{ 1 / 0 }}\n", ":2: template error: division by zero"),
    ],
)
def test_an_override_that_recurses_or_divides_by_zero_fails_with_its_file_and_line(
    tmp_path: Path, text: str, problem: str
) -> None:
    (tmp_path / "plan.md.j2").write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        pages({"fraud": sound()}, templates_dir=tmp_path)
    assert (
        str(caught.value) == f"{tmp_path / 'plan.md.j2'}{problem}; fix the template (or delete the override)"
    )


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
    page = site({"evil": hostile_plan()})["plans/evil/index.md"]
    assert page.body.splitlines()[0].startswith('<h1 data-toc="" id="plan">Hostile &#60;/title&#62;')
    assert page.meta["title"].startswith("Hostile &#60;/title&#62;")
    assert TITLE_BREAK not in page.markdown


def test_generated_html_links_pages_by_url_and_gives_headings_ids_and_a_toc() -> None:
    page = htmlpage.to_html(
        "# Plan\n\n## 1. Goal\n\n[v1](v1.md) [risk](index.md#risk-x) [out](https://e.org/a.md)\n",
        "plans/a/v2.md",
    )
    assert '<h2 id="1-goal">1. Goal<a class="headerlink" href="#1-goal"' in page.html
    assert 'href="../v1/"' in page.html and 'href="../#risk-x"' in page.html
    assert 'href="https://e.org/a.md"' in page.html
    assert page.title == "Plan" and page.toc[0]["children"][0]["id"] == "1-goal"
    assert htmlpage.to_html("[a](../b/index.md)", "plans/a/index.md").html.count('href="../b/"') == 1
    assert (
        htmlpage.page_url("index.md") == "" and htmlpage.page_url("plans/a/v1.md", False) == "plans/a/v1.html"
    )


def test_one_site_model_assesses_each_plan_and_version_once() -> None:
    from planner.plan.model import Version

    plan = sound()
    versions = []
    for number in (1, 2, 3):
        edited = plan.model_copy(update={"title": f"{plan.title} {number}"})
        versions.append(
            Version(
                number=number,
                published_at=f"2026-01-0{number}T00:00:00Z",
                author="A",
                message="m",
                hash="sha256:" + "0" * 64,
                plan=edited,
            )
        )
    model = sitemodel.build({"fraud": plan}, {"fraud": versions})
    Renderer().site(model)
    Renderer().nav(model)
    assert model.assessor.calls == 4  # the draft and three versions, whatever the pages and diffs


def _free_texts() -> list[str]:
    """Every text answer of the example plans, and random strings of Markdown's special characters."""
    import random

    texts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in sorted(Path(__file__).parent.parent.glob("plans/*/plan.yaml")):
        walk(plan_from_text(path.read_text(encoding="utf-8"), str(path)).model_dump(mode="json"))
    specials = ["\u00a0", "\u202e", "\u3000", "\x00", "\x1c", "\x85", "\r", "é", "€", "  "]
    alphabet = [*"ab .,:;-#1*_<>&\n\t|~\\`[]!=+)(\"'@%", *specials]
    rng = random.Random(20261127)
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(3000)]
    return texts


def test_plain_sentences_skip_the_markdown_parser_with_the_same_html() -> None:
    """The fast path for text without Markdown gives exactly what markdown-it gives."""
    from planner.site import safetext

    texts = _free_texts()
    skipped = 0
    for text in texts:
        parsed = f'<div class="planner-text">\n{safetext._MD.render(text)}</div>'
        assert safetext.render_text(text) == parsed, repr(text)
        assert safetext.render_inline(text) == safetext._MD.renderInline(" ".join(text.split())), repr(text)
        skipped += not safetext._INLINE_SYNTAX.search(text)
    assert skipped > 200  # the fast path is really taken, for the example plans' sentences too


def test_plan_pages_are_html_throughout_and_need_no_markdown_parser(tmp_path: Path) -> None:
    """Plan pages skip the Markdown parser: nothing in them may be left for that parser to read (every
    line sits in an HTML block), and the page is the same either way."""
    from markdown_it import MarkdownIt

    from planner.plan import history
    from planner.plan.workspace import Workspace

    repo = Path(__file__).parent.parent
    workspace = Workspace(repo)
    plans: dict[str, Plan | InvalidPlan] = {"evil": hostile_plan(), "fraud": sound()}
    plans.update(dict(workspace.load_all()))
    versions = {
        slug: history.load_versions(workspace, slug) for slug in plans if slug not in ("evil", "fraud")
    }
    model = sitemodel.build(plans, versions)
    renderer = Renderer()
    bodies = [page.body for page in renderer.site(model).values() if page.is_html]
    assert len(bodies) >= len(plans) + sum(len(found) for found in versions.values())
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    for body in bodies:
        kinds = {token.type for token in parser.parse(body)}
        assert kinds == {"html_block"}, body[:300]
        fast = htmlpage.from_html(body, "plans/a/index.md")
        parsed = htmlpage.to_html(body, "plans/a/index.md")
        assert fast.html.replace("\n", "") == parsed.html.replace("\n", "")
        assert fast.toc == parsed.toc and fast.ids == parsed.ids
        (title,) = fast.toc  # the page's title, with its sections under it
        if '<div class="planner-summary">' in body:  # a plan's document
            assert {"risks", "1-product-goal-and-ml-framing"} <= {item["id"] for item in title["children"]}
    # A workspace's own version of a part may hold Markdown: then the document is parsed as Markdown.
    (tmp_path / "_risks.j2").write_text("## Our risks\n\n*see the wiki*\n", encoding="utf-8")
    page = Renderer(tmp_path).site(model)["plans/fraud/index.md"]
    assert page.shared and not page.is_html


def test_the_day_after_the_time_box_the_site_says_it_is_over_as_status_does() -> None:
    from datetime import timedelta

    from planner.judgement.verdict import judge, today_utc

    plan = sound()
    plan.done.started = today_utc() - timedelta(days=42)  # six weeks: the last day was yesterday
    out = site({"fraud": plan})
    for page in (out["index.md"], out["plans/fraud/index.md"]):
        assert "over: its last day was yesterday" in page.body and "0 days left" not in page.body
    assert judge(plan, [], today_utc()).clock.startswith("time box over: its last day was yesterday")
    plan.done.started = today_utc() - timedelta(days=41)  # the last day is today
    assert "1 day left" in site({"fraud": plan})["plans/fraud/index.md"].body


def test_a_plan_titled_like_a_section_keeps_the_section_links() -> None:
    """The plan's title has its own id: a plan called "Risks" does not take the register's anchor."""
    plan = sound()
    plan.title = "Risks"
    page = htmlpage.from_html(site({"fraud": plan})["plans/fraud/index.md"].body, "plans/fraud/index.md")
    assert '<h1 id="plan">Risks' in page.html and '<h2 id="risks">Risks' in page.html
    assert 'href="#risks"' in page.html  # the summary's risk count leads to the register


def test_a_plan_page_leads_with_its_moves_and_register_and_lists_blocking_questions_once() -> None:
    body = site({"empty": Plan(title="Just a title", owners=["Ann"])})["plans/empty/index.md"].body
    moves = body[body.index(">What to do next</h2>") : body.index(">Risks</h2>")]
    assert body.index(">Risks</h2>") < body.index(">1. Product goal")  # the register before the form
    assert moves.count("blocking question") == 1 and "Answer first" not in moves  # listed once
    assert '<ol class="planner-blocking">' in moves and moves.count("<li><strong>") == 3
    assert "Which metric, baseline and target define done?" in moves
    assert "(done.metrics)" not in moves and "after_launch.owner" not in moves  # no field paths
    sound_plan = sound()
    steps = site({"fraud": sound_plan})["plans/fraud/index.md"].body
    shown = steps[steps.index(">What to do next</h2>") : steps.index(">Risks</h2>")]
    boxes = shown.count('<p class="admonition-title">')
    folded = shown.split('<details class="planner-fold planner-more">', 1)
    assert boxes - (folded[1].count('<p class="admonition-title">') if len(folded) == 2 else 0) <= 5


def test_advice_and_evidence_name_questions_and_choices_not_field_paths_or_codes() -> None:
    from planner.site import display

    assert display.plain("so results reproduce (constraints.data.versioned: false).") == (
        "so results reproduce (“Is raw data versioned and never overwritten?”: no)."
    )
    assert display.plain("kept as typed (not.a.field: x)") == "kept as typed (not.a.field: x)"
    quoted = display.quoted('heuristics.verdict: "rules_suffice"')
    assert quoted is not None and quoted[2] == '"rules are all we need"'
    body = site({"fraud": sound()})["plans/fraud/index.md"].body
    steps = body[body.index(">What to do next</h2>") : body.index(">Risks</h2>")]
    assert not re.search(r"\((?:[a-z_]+\.)+[a-z_]+[:)]", html.unescape(steps))  # no `(done.metrics)`


def test_a_span_reads_with_both_ends() -> None:
    text = (
        "title: A\nproduct: {output: a number, lead_days: 4-9}\n"
        "constraints: {data: {labels: outcomes, label_delay_days: 30-90}}\n"
    )
    body = site({"a": plan_from_text(text, "plans/a/plan.yaml")})["plans/a/index.md"].body
    assert "<p>4&#45;9</p>" in body and "<p>30&#45;90 days</p>" in body


def test_a_margin_over_the_baseline_shows_as_stated_with_the_target_it_makes() -> None:
    text = "title: Codes\ndone:\n  metrics:\n  - {name: Error rate, baseline: 12, absolute_target: 1.5, direction: lower}\n"
    here = Path(__file__).parents[1] / "templates"  # this tree's templates, whichever is installed
    body = site({"codes": plan_from_text(text, "plans/codes/plan.yaml")}, here)["plans/codes/index.md"].body
    assert "<dt>Done when</dt><dd>Error rate: 1&#46;5 below the baseline 12 &#61; 10&#46;5</dd>" in body
