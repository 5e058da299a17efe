"""Programme stages and eligibility criteria: loading, checks, HTML, iCalendar, and the self-check in Chromium."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from icalendar import Calendar
from playwright.sync_api import Browser, Page, expect

from scripts import pipeline
from scripts.built.local_server import serve
from scripts.features.programme import calendar as programme_calendar
from scripts.features.programme import checks as programme_checks
from scripts.features.programme import model as programme
from scripts.features.programme import reader
from scripts.features.registry import check_sources
from scripts.problems import Problem, format_text
from scripts.source.config import messages
from scripts.source.locales import rules_of
from scripts.source.model import Page as Source
from scripts.source.model import Site
from scripts.source.parse import load_site

from ..conftest import copy_with_cache

ROOT = Path(__file__).resolve().parents[2]
FR_PROGRAMME, EN_PROGRAMME = "docs/fr/programme.md", "docs/en/programme.md"
FR_ELIGIBILITY, EN_ELIGIBILITY = "docs/fr/eligibility.md", "docs/en/eligibility.md"
# Answers of an eligible newcomer: (criterion, answer).
NEWCOMER_OK = [("city", "in-city"), ("interest", "yes"), ("involvement", "involved"), ("sharing", "yes"),
               ("ideas", "yes"), ("language", "b1-or-higher")]


# The title line of the first stage, after which the tests add fields.
TRAINING = {FR_PROGRAMME: '    title: "Une formation de 12\u00a0heures"\n',
            EN_PROGRAMME: '    title: "A 12-hour training course"\n'}


# --- helpers ------------------------------------------------------------------------------------

def edit(project: Path, rel: str, old: str, new: str) -> int:
    """Replace the first ``old`` by ``new`` in a file of the copied project; the line of the change."""
    path = project / rel
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return text[: text.index(old)].count("\n") + 1


def add_to_training(project: Path, rel: str, fields: str) -> None:
    """Add front-matter lines (e.g. "    start: 2025-03-12\\n") to the first stage of a programme page."""
    edit(project, rel, TRAINING[rel], TRAINING[rel] + fields)


def line_of(project: Path, rel: str, text: str, after: int = 0) -> int:
    lines = (project / rel).read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if n > after and text in line)


def source(site: Site, lang: str, rel: str) -> Source:
    page = site.page(lang, rel)
    assert page is not None
    return page


def one(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    found = soup.select_one(selector)
    assert found is not None, selector
    return found


def programme_problems(project: Path) -> list[Problem]:
    site = load_site(project)
    return [*site.problems, *(p for check in programme_checks.CHECKS for p in check(site))]


def only(problems: list[Problem], path: str, words: str) -> Problem:
    found = [p for p in problems if p.path == path and words in p.message]
    assert len(found) == 1, format_text(problems)
    return found[0]


def texts(lang: str) -> programme.CheckTexts:
    return programme.check_texts(messages(load_site(ROOT).config, lang))


def timeline_texts(lang: str) -> programme.TimelineTexts:
    return programme.timeline_texts(messages(load_site(ROOT).config, lang))


# --- the real data --------------------------------------------------------------------------------

def test_real_stages_and_criteria_load_without_problem() -> None:
    site = load_site(ROOT)
    assert [p for check in programme_checks.CHECKS for p in check(site)] == []
    for lang in site.languages:
        stages, problems = reader.read_stages(source(site, lang, "programme.md"))
        assert problems == []
        assert [s.kind for s in stages] == ["training", "meeting", "meeting", "workshop", "experiment", "networking"]
        assert {s.audience for s in stages} == {"everyone", "newcomers"}
        assert not any(s.dated for s in stages), "the seed gives no dates: none may be invented"
        criteria, problems = reader.read_criteria(source(site, lang, "eligibility.md"))
        assert problems == []
        assert {c.participant for c in criteria} == {"newcomer", "local-actor"}
        assert all(c.answers_with("yes") for c in criteria)


def test_stage_fields_are_typed() -> None:
    stage = reader.read_stages(source(load_site(ROOT), "en", "programme.md"))[0][3]
    assert stage == programme.Stage(id="co-creation-workshops", kind="workshop", audience="everyone",
                                    title="2 to 4 co-creation workshops", text=stage.text, line=stage.line)
    lines = (ROOT / EN_PROGRAMME).read_text("utf-8").splitlines()
    assert lines[stage.line - 1].strip() == "- id: co-creation-workshops"


def test_dates_are_written_the_language_s_way() -> None:
    day = date(2025, 3, 12)
    site = load_site(ROOT)
    assert rules_of(site, "fr").format_day(day) == "12 mars 2025"
    assert rules_of(site, "en").format_day(day) == "12 March 2025"


# --- bad inputs fail with path:line ---------------------------------------------------------------

def test_unknown_kind(project: Path) -> None:
    line = edit(project, FR_PROGRAMME, "kind: training", "kind: trainig")
    problem = only(programme_problems(project), FR_PROGRAMME, "'trainig'")
    assert problem.line == line and "one of: training, meeting" in problem.message


def test_unknown_audience(project: Path) -> None:
    line = edit(project, EN_PROGRAMME, "audience: newcomers", "audience: migrants")
    assert only(programme_problems(project), EN_PROGRAMME, "'migrants'").line == line


def test_badly_written_date(project: Path) -> None:
    add_to_training(project, FR_PROGRAMME, '    start: 12/03/2025\n')
    problem = only(programme_problems(project), FR_PROGRAMME, "'12/03/2025'")
    assert problem.line == line_of(project, FR_PROGRAMME, "start: 12/03/2025")
    assert "YYYY-MM-DD" in problem.message


def test_date_that_does_not_exist(project: Path) -> None:
    add_to_training(project, FR_PROGRAMME, '    start: 2025-02-30\n')
    problems = check_sources(load_site(project))
    problem = only(problems, FR_PROGRAMME, "date that does not exist")
    assert problem.line == line_of(project, FR_PROGRAMME, "start: 2025-02-30")
    assert [p.message for p in problems if p.path == FR_PROGRAMME] == [problem.message]  # no knock-on message


def test_end_before_start(project: Path) -> None:
    for rel in TRAINING:
        add_to_training(project, rel, "    start: 2025-03-12\n    end: 2025-03-10\n")
    problems = programme_problems(project)
    problem = only(problems, FR_PROGRAMME, "ends (2025-03-10) before it starts (2025-03-12)")
    assert problem.line == line_of(project, FR_PROGRAMME, "end: 2025-03-10")


def test_end_without_start(project: Path) -> None:
    add_to_training(project, FR_PROGRAMME, '    end: 2025-03-10\n')
    assert only(programme_problems(project), FR_PROGRAMME, "no start date").line == \
        line_of(project, FR_PROGRAMME, "end: 2025-03-10")


def test_duplicated_stage_id(project: Path) -> None:
    line = edit(project, FR_PROGRAMME, "- id: networking", "- id: training")
    assert only(programme_problems(project), FR_PROGRAMME, "'training' is used by two stages").line == line


def test_unknown_field_is_reported(project: Path) -> None:
    add_to_training(project, FR_PROGRAMME, '    strat: 2025-03-12\n')
    assert only(programme_problems(project), FR_PROGRAMME, "unknown field 'strat'").line == \
        line_of(project, FR_PROGRAMME, "strat:")


def test_date_in_one_language_only(project: Path) -> None:
    add_to_training(project, EN_PROGRAMME, '    start: 2025-03-12\n')
    problem = only(programme_problems(project), EN_PROGRAMME, "the stage 'training' differs from "
                   "docs/fr/programme.md: start 2025-03-12 here, not set there")
    assert problem.line == line_of(project, EN_PROGRAMME, "- id: training")
    assert str(problem).startswith(f"{EN_PROGRAMME}:{problem.line}: ")


def test_stage_order_or_ids_differ(project: Path) -> None:
    line = edit(project, EN_PROGRAMME, "- id: networking", "- id: networking-events")
    assert only(programme_problems(project), EN_PROGRAMME, "stages are not the same").line == line


def test_numbers_in_stage_texts_agree(project: Path) -> None:
    edit(project, EN_PROGRAMME, '"2 to 4 co-creation workshops"', '"2 to 5 co-creation workshops"')
    problems = programme_problems(project)
    assert "5" in only(problems, EN_PROGRAMME, "co-creation-workshops' holds the number").message
    assert "4" in only(problems, FR_PROGRAMME, "co-creation-workshops' holds the number").message


def test_criterion_without_qualifying_answer(project: Path) -> None:
    for rel in (FR_ELIGIBILITY, EN_ELIGIBILITY):
        edit(project, rel, '        qualifies: true\n      - id: "no"', '        qualifies: false\n      - id: "no"')
    problems = programme_problems(project)
    problem = only(problems, FR_ELIGIBILITY, "('interest') has no answer that qualifies")
    interest = line_of(project, FR_ELIGIBILITY, "- id: interest")
    assert problem.line == line_of(project, FR_ELIGIBILITY, "answers:", after=interest)


def test_duplicated_criterion_id(project: Path) -> None:
    line = edit(project, FR_ELIGIBILITY, "- id: sharing", "- id: interest")
    assert only(programme_problems(project), FR_ELIGIBILITY, "'interest' is used by two criteria").line == line


def test_unknown_participant_and_qualifies_value(project: Path) -> None:
    line = edit(project, FR_ELIGIBILITY, "participant: local-actor", "participant: official")
    assert only(programme_problems(project), FR_ELIGIBILITY, "'official'").line == line
    line = edit(project, EN_ELIGIBILITY, "qualifies: maybe", "qualifies: perhaps")
    assert only(programme_problems(project), EN_ELIGIBILITY, "field 'qualifies' of answer").line == line


def test_criteria_must_mean_the_same_in_both_languages(project: Path) -> None:
    edit(project, EN_ELIGIBILITY, "        qualifies: maybe", "        qualifies: false")
    problem = only(programme_problems(project), EN_ELIGIBILITY,
                   "the criterion 'city' differs from docs/fr/eligibility.md: answers (in-city: true, "
                   "close-by: false, elsewhere: false) here, (in-city: true, close-by: maybe")
    assert problem.line == line_of(project, EN_ELIGIBILITY, "- id: city")


def test_links_in_the_data_lead_somewhere(project: Path) -> None:
    line = edit(project, EN_ELIGIBILITY, "faq.md#other-regions", "faq.md#no-such-heading")
    edit(project, FR_PROGRAMME, "[le réseautage](#networking)", "[le réseautage](networking.md)")
    problems = programme_problems(project)
    assert only(problems, EN_ELIGIBILITY, "'faq.md#no-such-heading' leads to no heading").line == line
    assert only(problems, FR_PROGRAMME, "'networking.md' leads to no page").line == \
        line_of(project, FR_PROGRAMME, "(networking.md)")


def test_markers_are_checked(project: Path) -> None:
    edit(project, FR_PROGRAMME, "<!-- programme:timeline -->", "")
    line = edit(project, EN_ELIGIBILITY, "programme:criteria local-actor", "programme:criteria officials")
    problems = programme_problems(project)
    assert only(problems, FR_PROGRAMME, "marker <!-- programme:timeline --> is missing").line == \
        line_of(project, FR_PROGRAMME, "stages:")
    assert only(problems, EN_ELIGIBILITY, "'<!-- programme:criteria officials -->' has nothing to show").line == line


def test_reader_texts_are_required_in_every_language(project: Path) -> None:
    edit(project, "mkdocs.yml", '                result_maybe: "You may be eligible."\n', "")
    problem = only(check_sources(load_site(project)), "mkdocs.yml", "has no 'eligibility.result_maybe' field")
    assert problem.line == line_of(project, "mkdocs.yml", "eligibility:", after=line_of(project, "mkdocs.yml",
                                                                                         "locale: en"))


def test_invalid_data_fails_the_build(project: Path) -> None:
    line = edit(project, FR_PROGRAMME, "kind: workshop", "kind: seminar")
    result = pipeline.build(project, project / "site", check_links=False)
    assert not result.ok
    assert f"{FR_PROGRAMME}:{line}: the field 'kind' of stage 4 ('co-creation-workshops') must be one of" in \
        format_text(result.problems)
    assert not (project / "site").exists()


# --- iCalendar ------------------------------------------------------------------------------------

def test_calendar_holds_exactly_the_dated_stages() -> None:
    stages = [
        programme.Stage("training", "training", "everyone", "A 12-hour training", start=date(2025, 3, 12),
                        end=date(2025, 3, 14), place="Lyon"),
        programme.Stage("first-meetings", "meeting", "everyone", "1 or 2 short meetings"),
        programme.Stage("networking", "networking", "newcomers", "1 or more networking events", "With *all*.",
                        start=date(2025, 6, 5)),
    ]
    stamp = datetime(2025, 1, 1, tzinfo=UTC)
    ical = programme_calendar.calendar(stages, "en", timeline_texts("en"), "https://x.test/en/programme/", stamp)
    events = {str(e["UID"]).partition("@")[0]: e for e in Calendar.from_ical(ical).walk("VEVENT")}
    assert set(events) == {"training", "networking"}
    training, networking = events["training"], events["networking"]
    assert training.decoded("DTSTART") == date(2025, 3, 12)
    assert training.decoded("DTEND") == date(2025, 3, 15)  # the day after the last one (RFC 5545)
    assert str(training["SUMMARY"]) == "A 12-hour training" and str(training["LOCATION"]) == "Lyon"
    assert str(training["URL"]) == "https://x.test/en/programme/#stage-training"
    assert networking.decoded("DTEND") == date(2025, 6, 6)
    assert str(networking["DESCRIPTION"]) == "For: newcomers\n\nWith all."
    cal = Calendar.from_ical(ical)
    assert str(cal["VERSION"]) == "2.0" and "Resilient Cities" in str(cal["PRODID"])


def test_calendar_without_dates_is_still_valid() -> None:
    stages = [programme.Stage("training", "training", "everyone", "Training")]
    ical = programme_calendar.calendar(stages, "fr", timeline_texts("fr"), "", datetime(2025, 1, 1, tzinfo=UTC))
    cal = Calendar.from_ical(ical)
    assert cal.walk("VEVENT") == []
    assert cal.walk("VTIMEZONE"), "RFC 5545 wants one component at least"
    assert ical.startswith(b"BEGIN:VCALENDAR\r\n") and ical.rstrip().endswith(b"END:VCALENDAR")


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory: pytest.TempPathFactory, warm_cache: Path) -> Path:
    """The project with dates on two stages (the same in both languages), built without link checks (once: the
    tests only read it)."""
    project = copy_with_cache(tmp_path_factory.mktemp("dated") / "project", warm_cache)
    dates = "    start: 2025-03-12\n    end: 2025-03-14\n    place: Lyon\n"
    for rel in TRAINING:
        add_to_training(project, rel, dates)
        edit(project, rel, "    kind: networking\n", "    kind: networking\n    start: 2025-06-05\n")
    result = pipeline.build(project, project / "site", check_links=False)
    assert result.ok, format_text(result.problems)
    return project / "site"


def test_built_calendars_hold_the_dated_stages(dated_site: Path) -> None:
    for rel in ("programme.ics", "en/programme.ics"):
        html = (dated_site / rel.replace(".ics", "/index.html")).read_text("utf-8")
        calendar_link = one(BeautifulSoup(html, "html.parser"), ".rc-timeline__calendar a")
        assert calendar_link["href"] == "../programme.ics" and calendar_link.get_text() == \
            timeline_texts("en" if rel.startswith("en/") else "fr").calendar_link
        cal = Calendar.from_ical((dated_site / rel).read_bytes())
        events = sorted((e.decoded("DTSTART"), str(e["UID"])) for e in cal.walk("VEVENT"))
        assert events == [(date(2025, 3, 12), "training@resilient-cities-programme"),
                          (date(2025, 6, 5), "networking@resilient-cities-programme")]


def test_built_timeline_shows_dates_in_each_language(dated_site: Path) -> None:
    for rel, start, end in (("programme/index.html", "12 mars 2025", "14 mars 2025"),
                            ("en/programme/index.html", "12 March 2025", "14 March 2025")):
        soup = BeautifulSoup((dated_site / rel).read_text("utf-8"), "html.parser")
        training = one(soup, "#stage-training")
        assert [t.get_text() for t in training.select("time")] == [start, end]
        assert one(training, "time")["datetime"] == "2025-03-12"
        assert "Lyon" in one(training, ".rc-stage__place").get_text()
        assert soup.select_one("#stage-first-meetings time") is None
        assert soup.select_one(".rc-timeline__note") is None


# --- the real built site --------------------------------------------------------------------------

def test_real_programme_page_and_calendar(built_site: Path) -> None:
    for prefix, lang in (("", "fr"), ("en/", "en")):
        soup = BeautifulSoup((built_site / prefix / "programme/index.html").read_text("utf-8"), "html.parser")
        timeline = one(soup, "ol.rc-timeline__list")
        assert len(timeline.find_all("li", recursive=False)) == 6
        assert one(timeline, "#stage-newcomer-meetings .rc-stage__audience dd").get_text() == \
            timeline_texts(lang).audiences["newcomers"]
        assert one(soup, ".rc-timeline__note").get_text() == timeline_texts(lang).no_dates
        assert "<!-- programme:" not in str(soup)
        # No stage has dates: no calendar is offered, and none is written.
        assert soup.select_one(".rc-timeline__calendar") is None and "programme.ics" not in str(soup)
        assert not (built_site / prefix / "programme.ics").exists()


def test_script_is_loaded_only_on_the_eligibility_pages(built_site: Path) -> None:
    with_script = sorted(str(p.relative_to(built_site)) for p in built_site.rglob("*.html")
                         if "self-check.js" in p.read_text("utf-8"))
    assert with_script == ["eligibility/index.html", "en/eligibility/index.html"]
    assert (built_site / programme.SCRIPT).is_file()


# --- in Chromium ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as base:
        yield base


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    yield context.new_page()
    context.close()


def answer(page: Page, participant: str, answers: list[tuple[str, str]]) -> None:
    page.check(f"#rc-participant-{participant}")
    for criterion, value in answers:
        page.check(f"#rc-{criterion}-{value}")
    page.click(".rc-selfcheck button[type=submit]")


def result(page: Page) -> str:
    region = page.locator("[data-result]")
    assert region.get_attribute("role") == "status" and region.get_attribute("aria-live") == "polite"
    return region.inner_text()


def test_eligible_newcomer(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}eligibility/")
    answer(page, "newcomer", NEWCOMER_OK)
    text, fr = result(page), texts("fr")
    assert fr.result_yes in text and fr.all_met in text and fr.result_no not in text
    assert page.locator("[data-result] a[href='../take-part/#apply']").count() == 1


def test_newcomer_outside_the_cities(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}en/eligibility/")
    answer(page, "newcomer", [("city", "elsewhere"), *NEWCOMER_OK[1:]])
    text, en = result(page), texts("en")
    assert en.result_no in text and "Where do you live?" in text and "Your answer: Somewhere else." in text
    assert "What is your level" not in text  # only the criteria not met are explained
    assert page.locator("[data-result] a[href='../faq/#other-regions']").count() == 1


def test_newcomer_close_to_the_cities_may_join(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}eligibility/")
    answer(page, "newcomer", [("city", "close-by"), *NEWCOMER_OK[1:]])
    assert texts("fr").result_maybe in result(page)
    assert page.locator("[data-result] a[href='../take-part/#contact']").count() >= 1


def test_newcomer_below_b1(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}eligibility/")
    answer(page, "newcomer", [*NEWCOMER_OK[:-1], ("language", "below-b1")])
    text = result(page)
    assert texts("fr").result_no in text
    assert "Quel est votre niveau en français ou en anglais\u00a0?" in text and "Où habitez-vous" not in text
    assert "B1" in page.locator("[data-result] .rc-result__reasons").inner_text()


def local_actor_answers(lang: str, chosen: dict[str, str]) -> list[tuple[str, str]]:
    """An answer to every local-actor question of the real data: ``chosen`` ones, else the first that qualifies."""
    criteria = reader.read_criteria(source(load_site(ROOT), lang, "eligibility.md"))[0]
    return [(c.id, chosen.get(c.id) or c.answers_with("yes")[0].id) for c in criteria if c.participant == "local-actor"]


def test_local_actor(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}en/eligibility/")
    page.check("#rc-participant-local-actor")
    expect(page.locator("#rc-city-in-city")).to_be_hidden()
    answer(page, "local-actor", local_actor_answers("en", {"role": "employee", "work-with-migrants": "wish-to"}))
    assert texts("en").result_yes in result(page)
    page.check("#rc-work-with-migrants-no")  # a changed answer clears the old result
    assert result(page) == ""
    page.click(".rc-selfcheck button[type=submit]")
    assert texts("en").result_no in result(page)


def test_local_actor_is_asked_where_they_live(page: Page, base_url: str) -> None:
    """The seed limits participants to Lyon and Clermont-Ferrand: local actors too."""
    page.goto(f"{base_url}eligibility/")
    answer(page, "local-actor", [("actor-city", "elsewhere"), ("role", "elected"), ("work-with-migrants", "yes")])
    assert texts("fr").result_no in result(page)
    page.check("#rc-actor-city-works-there")  # living elsewhere but working in one of the cities: ask
    page.click(".rc-selfcheck button[type=submit]")
    assert texts("fr").result_maybe in result(page)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_local_actor_from_elsewhere_is_not_told_they_are_eligible(page: Page, base_url: str, lang: str) -> None:
    """The self-check asks local actors where they are too (the seed: Lyon and Clermont-Ferrand only).
    Their place question is the local-actor criterion with an answer 'elsewhere', as for newcomers."""
    criteria = reader.read_criteria(source(load_site(ROOT), lang, "eligibility.md"))[0]
    place = [c.id for c in criteria if c.participant == "local-actor" and any(a.id == "elsewhere" for a in c.answers)]
    assert place, f"docs/{lang}/eligibility.md: no local-actor criterion has an answer with id 'elsewhere'"
    page.goto(f"{base_url}{'' if lang == 'fr' else 'en/'}eligibility/")
    answer(page, "local-actor", local_actor_answers(lang, dict.fromkeys(place, "elsewhere")))
    text, words = result(page), texts(lang)
    assert words.result_yes not in text and (words.result_no in text or words.result_maybe in text), text


def test_unanswered_questions_are_named(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}eligibility/")
    answer(page, "newcomer", NEWCOMER_OK[:4])
    assert result(page) == texts("fr").missing.replace("{count}", "2")
    assert page.evaluate("document.activeElement.id") == "rc-ideas-yes"


def test_keyboard_alone(page: Page, base_url: str) -> None:
    """Tab to each question, Space picks the first answer (all qualifying), Enter sends."""
    page.goto(f"{base_url}eligibility/")
    page.focus("#rc-participant-newcomer")
    page.keyboard.press("Space")
    for _ in NEWCOMER_OK:
        page.keyboard.press("Tab")
        while page.evaluate("document.activeElement.type") != "radio":  # a link in a question's hint
            page.keyboard.press("Tab")
        page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    assert texts("fr").result_yes in result(page)
    page.focus("#rc-language-b1-or-higher")
    page.keyboard.press("ArrowDown")  # arrows move within a question
    assert page.is_checked("#rc-language-below-b1")


def test_questions_have_fieldsets_and_legends_in_the_page_language(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}en/eligibility/")
    page.check("#rc-participant-newcomer")
    legends = page.locator(".rc-selfcheck fieldset:visible > legend").all_inner_texts()
    assert legends[0] == texts("en").participant_question and "Where do you live?" in legends
    assert page.get_attribute("html", "lang") == "en"
    expect(page.get_by_role("radio", name="In Lyon or Clermont-Ferrand")).to_be_visible()
    expect(page.get_by_role("button", name=texts("en").submit)).to_be_visible()


def test_without_javascript_every_criterion_is_on_the_page(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    site = load_site(ROOT)
    for lang, prefix in (("fr", ""), ("en", "en/")):
        page.goto(f"{base_url}{prefix}eligibility/")
        expect(page.locator(".rc-selfcheck button[type=submit]")).to_be_hidden()  # the verdict comes by itself
        body = page.locator("article").inner_text()
        criteria = reader.read_criteria(source(site, lang, "eligibility.md"))[0]
        assert len(criteria) == 9


        assert len(criteria) >= 8
        for criterion in criteria:
            expect(page.locator(f"#criterion-{criterion.id}")).to_be_visible()
            assert criterion.question in body
            for answer_ in criterion.answers_with("yes"):
                assert answer_.label in page.locator(f"#criterion-{criterion.id}").inner_text()
    context.close()
