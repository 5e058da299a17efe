"""The site's SVG logo drawn with Pillow, without any other library: its ``<path>`` elements, with the
path commands M, L, H, V, A (arcs without rotation) and Z, filled and stroked. Anything else in the logo
is refused with a clear message, rather than drawn wrong."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from xml.etree import ElementTree

from PIL import Image, ImageColor, ImageDraw

SVG = "{http://www.w3.org/2000/svg}"
TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "A": 7, "Z": 0}
ARC_STEPS = 48
SUPERSAMPLE = 4  # drawn larger, then reduced: smooth edges


@dataclass(frozen=True)
class Shape:
    outlines: tuple[tuple[tuple[float, float], ...], ...]   # each subpath's points, in viewBox units
    fill: str | None
    stroke: str | None
    width: float
    round_caps: bool


@dataclass(frozen=True)
class Logo:
    box: tuple[float, float, float, float]   # the viewBox: x, y, width, height
    shapes: tuple[Shape, ...]


def _arc(start: tuple[float, float], args: list[float]) -> list[tuple[float, float]]:
    """The points of an SVG arc without rotation (SVG 1.1, appendix F.6.5)."""
    rx, ry, rotation, large, sweep, x2, y2 = args
    if rotation:
        raise ValueError("an arc is rotated")
    (x1, y1), rx, ry = start, abs(rx), abs(ry)
    if not rx or not ry:
        return [(x2, y2)]
    hx, hy = (x1 - x2) / 2, (y1 - y2) / 2
    scale = max(1.0, math.sqrt(hx * hx / (rx * rx) + hy * hy / (ry * ry)))
    rx, ry = rx * scale, ry * scale
    root = math.sqrt(max(0.0, (rx * rx * ry * ry - rx * rx * hy * hy - ry * ry * hx * hx)
                         / (rx * rx * hy * hy + ry * ry * hx * hx)))
    sign = -1 if bool(large) == bool(sweep) else 1
    cx, cy = sign * root * rx * hy / ry + (x1 + x2) / 2, -sign * root * ry * hx / rx + (y1 + y2) / 2
    begin = math.atan2((y1 - cy) / ry, (x1 - cx) / rx)
    turn = math.atan2((y2 - cy) / ry, (x2 - cx) / rx) - begin
    if sweep and turn < 0:
        turn += 2 * math.pi
    elif not sweep and turn > 0:
        turn -= 2 * math.pi
    return [(cx + rx * math.cos(begin + turn * i / ARC_STEPS), cy + ry * math.sin(begin + turn * i / ARC_STEPS))
            for i in range(1, ARC_STEPS + 1)]


def parse_path(d: str) -> list[tuple[list[tuple[float, float]], bool]]:
    """The subpaths of a path's ``d``: (points, closed)."""
    tokens = TOKEN.findall(d)
    subpaths: list[tuple[list[tuple[float, float]], bool]] = []
    points: list[tuple[float, float]] = []
    x = y = 0.0
    command, i = "", 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command, i = tokens[i], i + 1
            if command.upper() not in ARGS:
                raise ValueError(f"the path command '{command}' is not supported")
        count = ARGS[command.upper()]
        args = [float(token) for token in tokens[i:i + count]]
        if len(args) < count or any(token.isalpha() for token in tokens[i:i + count]):
            raise ValueError(f"the path command '{command}' lacks numbers")
        i += count
        relative, kind = command.islower(), command.upper()
        dx, dy = (x, y) if relative else (0.0, 0.0)
        if kind == "Z":
            subpaths.append((points, True))
            points = []
            continue
        if kind == "M":
            if points:
                subpaths.append((points, False))
            x, y = args[0] + dx, args[1] + dy
            points = [(x, y)]
            command = "l" if relative else "L"  # pairs after a move are lines
            continue
        if kind == "A":
            points += _arc((x, y), args[:5] + [args[5] + dx, args[6] + dy])
        elif kind == "H":
            points.append((args[0] + dx, y))
        elif kind == "V":
            points.append((x, args[0] + dy))
        else:
            points.append((args[0] + dx, args[1] + dy))
        x, y = points[-1]
    if points:
        subpaths.append((points, False))
    return subpaths


def read_logo(svg: str) -> Logo:
    """The logo's shapes; ValueError says what cannot be drawn."""
    root = ElementTree.fromstring(svg)  # noqa: S314 - the site's own logo, from the repository
    box = tuple(float(n) for n in (root.get("viewBox") or "").replace(",", " ").split())
    if len(box) != 4:
        raise ValueError("the logo has no viewBox")
    shapes = []
    for element in root.iter():
        name = element.tag.replace(SVG, "")
        if name in ("svg", "title", "desc"):
            continue
        if name != "path":
            raise ValueError(f"the logo has a <{name}> element; only <path> elements are drawn")
        subpaths = parse_path(element.get("d") or "")
        fill, stroke = element.get("fill", "#000"), element.get("stroke", "none")
        shapes.append(Shape(tuple(tuple(points) for points, _ in subpaths), None if fill == "none" else fill,
                            None if stroke == "none" else stroke, float(element.get("stroke-width", "1")),
                            element.get("stroke-linecap") == "round"))
    return Logo((box[0], box[1], box[2], box[3]), tuple(shapes))


def draw_logo(logo: Logo, size: int) -> Image.Image:
    """The logo as a transparent square image of ``size`` pixels."""
    big = size * SUPERSAMPLE
    x0, y0, width, height = logo.box
    scale = big / max(width, height)
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    for shape in logo.shapes:
        for outline in shape.outlines:
            points = [((px - x0) * scale, (py - y0) * scale) for px, py in outline]
            if shape.fill and len(points) > 2:
                pen.polygon(points, fill=ImageColor.getrgb(shape.fill))
            if shape.stroke:
                colour, line = ImageColor.getrgb(shape.stroke), max(1, round(shape.width * scale))
                pen.line(points, fill=colour, width=line, joint="curve")
                for cx, cy in (points[0], points[-1]) if shape.round_caps else ():
                    pen.ellipse((cx - line / 2, cy - line / 2, cx + line / 2, cy + line / 2), fill=colour)
    return image.resize((size, size), Image.Resampling.LANCZOS)
