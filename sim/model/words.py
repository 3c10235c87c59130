"""Small helpers for the words of events and reasons: counts with the right plural, phases.

Every text a player reads is built from these, so "1 peacekeepers" or "the theatre is in war"
cannot come back one message at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sim.model.events import Event

#: How each phase of the theatre is said after "the theatre is" / "Kalvaria is".
PHASE_WORDS = {"war": "at war", "ceasefire": "under a ceasefire", "peace": "at peace"}


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``count`` with the noun in the right number: ``1 peacekeeper``, ``2 peacekeepers``,
    ``2 bodies`` (with ``plural_form``)."""
    if count == 1:
        return f"1 {singular}"
    return f"{count:,} {plural_form or singular + 's'}"


def personnel(count: int, kind: str) -> str:
    """A number of uniformed personnel by their kind as the model names it (``troops``,
    ``police``, ``observers``): ``1 soldier``, ``50 troops``, ``1 police officer``,
    ``50 police``."""
    singular = {"troops": "soldier", "police": "police officer", "observers": "observer"}.get(
        kind, kind
    )
    return plural(count, singular, kind)


def phase_words(phase: str) -> str:
    """``at war``, ``under a ceasefire``, ``at peace`` (the phase's own name otherwise)."""
    return PHASE_WORDS.get(phase, f"in {phase}")


#: Metrics that are shares or indices from 0 to 1: said as percentages ("57%", not "0.57"); the
#: intensity index as a share of all-out war, as the briefing says it.
SHARE_METRICS = frozenset(
    {
        "intensity",
        "humanitarian_access",
        "government_control",
        "government_resources",
        "armed_group_resources",
        "deployment_share",
    }
)

#: Metrics counted month by month (a flow): their sum is the toll of the whole game.
MONTHLY_METRICS = frozenset({"civilian_deaths", "battle_deaths", "peacekeeper_fatalities"})

PHASES = ("war", "ceasefire", "peace")


def metric_name(name: str) -> str:
    """A metric's id in words: ``civilian_deaths`` → ``civilian deaths``."""
    return name.replace("_", " ")


def metric_value(name: str, value: float) -> str:
    """One value of a metric as a player reads it: shares as percentages (``57%``), the phase
    and the host's consent in words (``peace``, ``withdrawn``), counts as whole numbers
    (``1,200``)."""
    if name in SHARE_METRICS:
        percent = value * 100
        if abs(percent - round(percent)) < 1e-9 or abs(percent) >= 10:
            return f"{percent:.0f}%"
        return f"{percent:.2g}%"  # a small share keeps its figure: 0.1%, not 0%
    if name == "phase":
        index = int(value)
        return PHASES[index] if 0 <= index < len(PHASES) else f"{value:g}"
    if name == "host_consent":
        return "given" if value >= 0.5 else "withdrawn"
    if abs(value - round(value)) < 1e-9 or abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def body_words(name: str) -> str:
    """A body's name as the news says it: a year in brackets that dates the membership for the
    scenario's designer ("Security Council (2011)") is left out, so that "The Security Council
    adopts 'Resolution 1970 (2011) …'" does not read as a body named "(2011)"."""
    return re.sub(r"\s*\(\d{4}\)$", "", name)


def without_repeats(events: Iterable[Event]) -> list[Event]:
    """The events worth telling: a whip count the same as the last one on that draft in the
    same month (each round of consultations counts again) is left out, so the news does not
    repeat "Whip count on … 15 yes" three times. The model keeps every event."""
    kept = []
    last: dict[tuple[int, str], str] = {}
    for event in events:
        if event.kind == "whip_count":
            key = (event.month, event.text.split(":")[0])
            if last.get(key) == event.text:
                continue
            last[key] = event.text
        kept.append(event)
    return kept
