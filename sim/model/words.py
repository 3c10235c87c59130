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


def and_list(items: Iterable[str]) -> str:
    """Names joined as a sentence joins them: ``a``, ``a and b``, ``a, b and c``."""
    names = list(items)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def party_label(party_id: str, kind: str, name: str = "") -> str:
    """A party to the conflict as a short phrase for running text: "the government", a short
    id as its acronym ("nlf" → "the NLF"), else the id in words, spelt as the party's ``name``
    spells them where the name begins with them ("northern-front", "Northern Front
    (separatists …)" → "the Northern Front"; "rebels", "Darfur rebel movements" → "the
    rebels"). Full names are long ("National Transitional Council and rebel forces")."""
    if kind == "government":
        return "the government"
    if len(party_id) <= 4 and party_id.isalpha():
        return f"the {party_id.upper()}"
    words = party_id.replace("-", " ").replace("_", " ")
    if name[: len(words)].lower() == words and name[len(words) : len(words) + 1] in ("", " "):
        words = name[: len(words)]  # as the scenario spells it
    return "the " + words


def ids_pattern(ids: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for any of ``ids`` as a whole word, never part of a longer id (``ARN`` is not
    found in ``ARN-2``, ``gov`` not in ``govt``); None without ids."""
    alternatives = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])") if alternatives else None


def named_already(text: str, start: int) -> bool:
    """True when the word at ``start`` of ``text`` follows "the ": a party id that is also a
    word ("rebels", "opposition") is then the party's name already ("the rebels"), not an id to
    replace."""
    return text[max(0, start - 4) : start].lower() == "the "


RESOLUTION = re.compile(r"^res-(\d+)$")


def resolution_name(draft_id: str) -> str | None:
    """ "res-872" → "Resolution 872" (None for other ids)."""
    found = RESOLUTION.match(draft_id)
    return f"Resolution {found.group(1)}" if found else None


#: What a historical draft's title may start with that the draft could not carry before its vote:
#: the number of the resolution history made of it ("Res. 912 (1994): ", "Resolution 1970
#: (2011): ", "Res. 918 (1994), Part B: ") or the document symbol it was circulated under
#: ("S/2012/77: "); at the start of the title, after "Renewal of " or after "…'s text on ".
RECORD_PREFIX = re.compile(
    r"(?P<lead>^|Renewal of |'s text on )"
    r"(?:(?:Res\.|Resolution)\s+\d+\s*\(\d{4}\)(?:,\s*Parts?\s+[^:]*)?|S/\d{4}/\d+)\s*:\s*"
    r"(?=\S)"
)


def working_title(title: str) -> str:
    """A draft's title as it may be said before the Council adopts it: by what it does, not by
    the resolution number or symbol history gave it, which would tell a player in October 1993
    that "Res. 912 (1994): UNAMIR reduced to 270" is coming and will pass ("UNAMIR reduced to
    270"). A title without such a prefix is kept; "Renewal of A joint mission" → "Renewal of a
    joint mission"."""
    found = RECORD_PREFIX.search(title)
    if found is None:
        return renewal_words(title)
    rest = title[found.end() :]
    if not found.group("lead"):
        rest = rest[:1].upper() + rest[1:]
    return renewal_words(title[: found.start()] + found.group("lead") + rest)


def renewal_words(title: str) -> str:
    """ "Renewal of A joint mission" → "Renewal of a joint mission" (a title that starts with an
    article reads mid-sentence after "Renewal of")."""
    for article in ("A ", "An ", "The "):
        if title.startswith("Renewal of " + article):
            cut = len("Renewal of ")
            return title[:cut] + article.lower() + title[cut + len(article) :]
    return title


#: Tasks whose id in words is not their name.
TASK_WORDS = {
    "ddr": "DDR",
    "no_fly_zone": "no-fly zone",
    "unmis_takeover": "UNMIS takeover",
    "counter_terrorism": "counter-terrorism",
}


#: What the bundled scenarios' demands ask for, said after "the demand for" (a member's ask to
#: "drop the demand for an end to the violence"); a demand not listed is quoted ("the demand
#: 'new demand'").
DEMAND_WORDS = {
    "ceasefire": "a ceasefire",
    "consider_measures": "further measures to be considered",
    "cut_terrorist_ties": "ties with terrorist groups to be cut",
    "disarm_janjaweed": "the Janjaweed to be disarmed",
    "end_killings": "an end to the killings",
    "end_violence": "an end to the violence",
    "heavy_weapons_withdrawal": "heavy weapons to be withdrawn",
    "human_rights_access": "access for human rights monitors",
    "humanitarian_access": "humanitarian access",
    "political_transition": "a political transition",
    "respect_safe_areas": "the safe areas to be respected",
    "transition_roadmap": "a transition roadmap",
    "transition_timetable": "a transition timetable",
}


def demand_words(demand: str) -> str:
    """A demand as said after "the demand": "for an end to the violence", or its id in quotes
    ("'new demand'") when the demand is not one of :data:`DEMAND_WORDS`."""
    said = DEMAND_WORDS.get(demand)
    return f"for {said}" if said else f"'{demand.replace('_', ' ')}'"


def task_words(task: str) -> str:
    """A mandate's task (or a demand) by its name: ``protection_of_civilians`` → "protection of
    civilians", ``ddr`` → "DDR"."""
    return TASK_WORDS.get(task, task.replace("_", " "))


def clause_words(feature: str) -> str:
    """A draft feature as a clause of the text: ``sanction:arms_embargo`` → "an arms embargo",
    ``task:ddr`` → "the task of DDR", ``demand:consider_measures`` → "the demand 'consider
    measures'", ``chapter_vii`` → "action under Chapter VII", ``referral`` → "the ICC
    referral"."""
    family, _, key = feature.partition(":")
    if not key:
        return {"chapter_vii": "action under Chapter VII", "referral": "the ICC referral"}.get(
            feature, metric_name(feature)
        )
    words = task_words(key)
    if family == "sanction":
        return f"an {words}" if words[:1] in "aeiou" else f"a {words}"
    if family == "task":
        return f"the task of {words}"
    if family == "demand":
        return f"the demand '{words}'"
    return words


def fighting_words(intensity: float) -> str:
    """How heavy the fighting is, in a word; the theatre screen and the profile keep the
    index."""
    for limit, word in ((0.1, "quiet"), (0.3, "low"), (0.55, "moderate"), (0.8, "heavy")):
        if intensity < limit:
            return word
    return "extreme"


def intensity_words(intensity: float) -> str:
    """The intensity index as a share of all-out war, as the briefing says it: "65% of all-out
    war"."""
    return f"{metric_value('intensity', intensity)} of all-out war"


def breached(phase: str, intensity: float) -> bool:
    """True when a ceasefire or a peace agreement is in force while the fighting is still
    moderate or worse (30% of all-out war or more: the first months after the guns are meant to
    fall silent, or spoilers at work). The words then say so, never "under a ceasefire" beside
    "fighting moderate" as if the two could not both be true."""
    return phase in ("ceasefire", "peace") and fighting_words(intensity) not in ("quiet", "low")


def phase_words(phase: str, intensity: float | None = None) -> str:
    """``at war``, ``under a ceasefire``, ``at peace`` (the phase's own name otherwise); with
    the fighting's ``intensity``, a ceasefire or peace that does not hold says so: ``under a
    ceasefire that is often breached``."""
    if intensity is not None and breached(phase, intensity):
        kept = "a ceasefire" if phase == "ceasefire" else "a peace agreement"
        return f"under {kept} that is often breached"
    return PHASE_WORDS.get(phase, f"in {phase}")


def fighting_phrase(phase: str, intensity: float) -> str:
    """The phase and the fighting in a few words for a header or a legend, one never
    contradicting the other: "at war, fighting heavy", "ceasefire, fighting low", "ceasefire
    often breached, fighting moderate", "at peace, fighting quiet"."""
    word = fighting_words(intensity)
    if phase == "war":
        return f"at war, fighting {word}"
    name = {"ceasefire": "ceasefire", "peace": "at peace"}.get(phase, phase)
    return f"{name}{' often breached' if breached(phase, intensity) else ''}, fighting {word}"


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
    adopts 'Resolution 1970 (2011) …'" does not read as a body named "(2011)"; so is a note on
    how the scenario models it ("AU Peace and Security Council (simplified membership)")."""
    return re.sub(r"\s*\((\d{4}|simplified membership)\)$", "", name)


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
