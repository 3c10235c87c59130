"""Small helpers for the words of events and reasons: counts with the right plural, phases.

Every text a player reads is built from these, so "1 peacekeepers" or "the theatre is in war"
cannot come back one message at a time.
"""

from __future__ import annotations

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
