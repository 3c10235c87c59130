"""Styled text for :class:`~sim.ui.widgets.textview.TextView`: paragraphs of spans (bold,
italic, a colour), read from the small HTML subset the screens write (``<b>``, ``<i>``,
``<font color='#rrggbb'>``, ``<br>``, character references).

The screens' texts (the briefing's seat and endings, the debrief's votes, sanctions and turning
points) are written as that HTML, which tests read as well; reading it here is a single regular
expression pass, where pygame_gui's parser built a styled chunk per word and took most of the
time of opening those screens.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

import pygame

from sim.ui import theme

#: A tag (closing or not, its name, its attributes) or a run of text between tags.
TOKEN = re.compile(r"<\s*(/?)\s*([a-zA-Z]+)([^>]*)>|([^<]+)")
COLOUR = re.compile(r"""colou?r\s*=\s*['"]?\s*(#[0-9a-fA-F]{6})""")


@dataclass(frozen=True)
class Style:
    """How a span looks: weight, slant and colour (the size is the view's)."""

    bold: bool = False
    italic: bool = False
    colour: tuple[int, int, int] = theme.TEXT


@dataclass(frozen=True)
class Span:
    """A run of text in one style (spaces included)."""

    text: str
    style: Style = Style()


@dataclass(frozen=True)
class Paragraph:
    """One line of the text before wrapping: its spans, and a picture (a state's flag) before
    it. A paragraph with neither is a blank line."""

    spans: tuple[Span, ...] = ()
    flag: pygame.Surface | None = None

    @property
    def text(self) -> str:
        """Its words, without their styles."""
        return "".join(span.text for span in self.spans)


@lru_cache(maxsize=256)
def style(
    bold: bool = False, italic: bool = False, colour: tuple[int, int, int] = theme.TEXT
) -> Style:
    """The one :class:`Style` of these looks (shared, so that runs of it compare quickly)."""
    return Style(bold, italic, colour)


def paragraph(*spans: Span | str, flag: pygame.Surface | None = None) -> Paragraph:
    """A paragraph of ``spans`` (a plain string is a span in the default style)."""
    return Paragraph(tuple(Span(s) if isinstance(s, str) else s for s in spans), flag)


def colour_of(hex_colour: str) -> tuple[int, int, int]:
    """``"#56B4E9"`` as an (r, g, b) tuple."""
    c = pygame.Color(hex_colour)
    return (c.r, c.g, c.b)


def parse(markup: str) -> list[Paragraph]:
    """The paragraphs of ``markup`` (the HTML subset of the module): ``<br>`` ends a paragraph,
    ``<b>``/``<strong>``, ``<i>``/``<em>`` and ``<font color>`` style the text within; other tags
    are left out, newlines are spaces, character references are read."""
    paragraphs: list[Paragraph] = []
    spans: list[Span] = []
    bold = italic = 0
    colours: list[tuple[int, int, int]] = []
    for match in TOKEN.finditer(markup):
        closing, tag, attributes, words = match.groups()
        if words is not None:
            words = html.unescape(words).replace("\n", " ").replace("\t", " ")
            colour = colours[-1] if colours else theme.TEXT
            spans.append(Span(words, style(bold > 0, italic > 0, colour)))
            continue
        tag = tag.lower()
        step = -1 if closing else 1
        if tag == "br":
            paragraphs.append(Paragraph(tuple(spans)))
            spans = []
        elif tag in ("b", "strong"):
            bold = max(0, bold + step)
        elif tag in ("i", "em"):
            italic = max(0, italic + step)
        elif tag == "font":
            if closing:
                if colours:
                    colours.pop()
            else:
                found = COLOUR.search(attributes)
                top = colours[-1] if colours else theme.TEXT
                colours.append(colour_of(found.group(1)) if found else top)
    if spans or not paragraphs:
        paragraphs.append(Paragraph(tuple(spans)))
    return paragraphs
