"""Share pictures (og:image): the logo redrawn from its SVG, one 1200 × 630 PNG per page and language,
absolute URLs from site_url, drawn once and then taken from the cache, and a clear error for a logo
that cannot be drawn."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from scripts import pipeline
from scripts.built.html_model import read_built_site
from scripts.features.share_image.card import BACKGROUND, SIZE
from scripts.features.share_image.logo import draw_logo, parse_path, read_logo
from scripts.features.share_image.publish import Card, card_path, publish_cards
from scripts.problems import format_text

from ..conftest import ROOT

LOGO = ROOT / "docs" / "assets" / "images" / "logo.svg"
META = re.compile(r'<meta property="(og:image(?::\w+)?)" content="([^"]*)">')


def test_the_logo_is_redrawn_from_its_svg() -> None:
    logo = read_logo(LOGO.read_text("utf-8"))
    assert logo.box == (0, 0, 48, 48) and len(logo.shapes) == 3
    image = draw_logo(logo, 96)  # 2 pixels a unit of the viewBox
    assert image.size == (96, 96)

    def pixel(x: int, y: int) -> tuple[int, ...]:
        value = image.getpixel((x, y))
        assert isinstance(value, tuple)
        return value

    assert pixel(2, 2)[3] == 0                         # outside every shape: transparent
    assert pixel(34, 70) == (255, 255, 255, 255)      # the white house (12..26, 31..42)
    assert pixel(60, 70) == (255, 210, 122, 255)      # the yellow house (24..36, 29..42)
    assert pixel(48, 24) == (255, 255, 255, 255)      # the top of the arc (24, 12)
    assert pixel(48, 48)[3] == 0                       # under the arc, above the roofs


def test_path_commands_relative_and_absolute() -> None:
    assert parse_path("M1 2h3v4l-1 1z") == [([(1, 2), (4, 2), (4, 6), (3, 7)], True)]
    (points, closed), = parse_path("M6 30a18 18 0 0 1 36 0")
    assert not closed and points[0] == (6, 30) and points[-1] == pytest.approx((42, 30))
    assert min(y for _, y in points) == pytest.approx(12)  # the arc goes up, over the top
    with pytest.raises(ValueError, match="'C' is not supported"):
        parse_path("M0 0C1 1 2 2 3 3")
    with pytest.raises(ValueError, match="<circle>"):
        read_logo('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><circle r="2"/></svg>')


def test_every_page_has_its_picture_in_its_language(built_site: Path) -> None:
    pictures: dict[str, bytes] = {}
    for url, page in read_built_site(built_site).items():
        meta = dict(META.findall(page.path.read_text("utf-8")))
        if "/404.html" == url or url.endswith(("i18n-status/", "offline.html")):
            assert not meta, url  # not pages of the site
            continue
        assert meta["og:image:width"] == "1200" and meta["og:image:height"] == "630", url
        assert meta["og:image"].startswith("http://127.0.0.1:8000/assets/share/"), url  # site_url
        assert meta["og:image:alt"], url
        path = built_site / meta["og:image"].removeprefix("http://127.0.0.1:8000/")
        with Image.open(path) as image:
            assert (image.format, image.size) == ("PNG", SIZE), url
        pictures[url] = path.read_bytes()
    assert pictures["/faq/"] != pictures["/en/faq/"] and pictures["/faq/"] != pictures["/about/"]
    assert len(set(pictures.values())) == len(pictures) >= 20  # the homes show their description


def test_pictures_are_drawn_once_then_taken_from_the_cache(tmp_path: Path) -> None:
    cards = [Card(card_path("fr", "faq.md"), "Questions fréquentes"), Card(card_path("en", "faq.md"), "FAQ")]
    cache, site = tmp_path / "cache", tmp_path / "site"
    first = publish_cards(cards, "Resilient Cities", LOGO, site, cache)
    assert first.drawn == [card.path for card in cards] and not first.reused and not first.problems
    drawn = (site / "assets/share/fr/faq.png").read_bytes()
    with Image.open(io.BytesIO(drawn)) as image:
        assert image.getpixel((5, 5)) == Image.new("RGB", (1, 1), BACKGROUND).getpixel((0, 0))
    again = publish_cards(cards, "Resilient Cities", LOGO, tmp_path / "site2", cache)
    assert again.reused == first.drawn and not again.drawn
    assert (tmp_path / "site2/assets/share/fr/faq.png").read_bytes() == drawn
    changed = publish_cards([Card(cards[0].path, "Questions")], "Resilient Cities", LOGO, site, cache)
    assert changed.drawn == [cards[0].path]
    assert len(list((cache / "fr").glob("faq.*.png"))) == 1  # the older picture is dropped


@pytest.mark.build
def test_a_logo_that_cannot_be_drawn_fails_the_build_with_a_clear_message(project: Path) -> None:
    logo = project / "docs" / "assets" / "images" / "logo.svg"
    logo.write_text(logo.read_text("utf-8").replace("<path d=\"M12", "<circle r=\"3\"/><path d=\"M12"), "utf-8")
    result = pipeline.build(project, project / "site")
    assert not result.ok and not (project / "site").exists()
    assert "the logo cannot be drawn in the share pictures" in format_text(result.problems)
    assert "<circle>" in format_text(result.problems)
