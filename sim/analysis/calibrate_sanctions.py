"""The sanctions lines of `mandate calibrate`.

The model judges every episode on all three of the Targeted Sanctions Consortium's purposes
(coercion, constraint, signalling), so its shares are compared with the Consortium's shares over
*all* episodes — coercion 10%, constraint 28%, signalling 27% (2013 findings report) — each in its
own band, not with the higher shares among the episodes that pursued a purpose (about 22%, 40%
and 60%). Success in the sense of Hufbauer, Schott, Elliott & Oegg (2007) — coercion or
constraint — is compared with their 34%, and the timing of concessions with their finding that
successful episodes are shorter on average than failures.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

import numpy as np

from sim.analysis.calibrate_base import Data, Fact, run_months, variant
from sim.model import sanctions
from sim.model.commands import CallVote, TableDraft
from sim.model.engine import Engine
from sim.scenario.build import build_world

SANCTION_WEIGHTS = {
    "arms_embargo": 0.6,
    "asset_freeze": 0.5,
    "travel_ban": 0.5,
    "comprehensive_trade": 0.15,
}
EPISODE_MONTHS = 18
# Targeted Sanctions Consortium, shares over all episodes, and the band each must fall in.
PURPOSE_BANDS = {
    "coercion": (0.10, 0.05, 0.15),
    "constraint": (0.28, 0.20, 0.36),
    "signalling": (0.27, 0.19, 0.35),
}


def sanctions_episode(base: Data, seed: int) -> tuple[tuple[str, ...], list[int]] | None:
    """One randomly drawn sanctions case through a Council vote and 18 months.

    Returns the purposes achieved and the months in force at which targets conceded. The case
    (measures, target, a patron, members' positions) is drawn from a generator seeded with
    ``seed``; ``None`` when the Council does not adopt the measures.
    """
    rng = np.random.default_rng([seed, 2007])
    kinds = [k for k, p in SANCTION_WEIGHTS.items() if rng.random() < p] or ["arms_embargo"]
    target = str(rng.choice(["government", "rebels"]))
    council = [s for s in base["states"] if s["id"].startswith("G")]
    parties = copy.deepcopy(base["theatre"]["parties"])
    if rng.random() < 0.5:
        patron = council[int(rng.integers(len(council)))]["id"]
        next(p for p in parties if p["id"] == target)["patrons"] = [patron]
    states = copy.deepcopy(base["states"])
    for state in states:
        if state["id"].startswith("G"):
            state["ideal"]["sanctions"] = float(np.clip(rng.normal(0.5, 0.25), 0.0, 1.0))
    penholder = max(
        (s for s in states if s["id"].startswith("G")), key=lambda s: s["ideal"]["sanctions"]
    )["id"]
    draft = {
        "id": "sanctions",
        "title": "Sanctions",
        "penholder": penholder,
        "body": "unsc",
        "duration": EPISODE_MONTHS,
        "sanctions": [{"kind": k, "targets": [target]} for k in kinds],
    }
    theatre = {**base["theatre"], "parties": parties}
    scenario = variant(base, states=states, theatre=theatre, drafts=[draft])
    engine = Engine(build_world(scenario, seed))
    engine.submit(TableDraft(penholder, "sanctions"))
    engine.submit(CallVote(penholder, "sanctions"))
    world = engine.world
    if not world.sanctions:
        return None
    conceded_at: dict[str, int] = {}
    for _ in range(EPISODE_MONTHS):
        if world.finished:
            break
        run_months(world, engine, 1)
        for episode in world.sanctions:
            if episode.conceded and episode.id not in conceded_at:
                conceded_at[episode.id] = world.month - 1 - episode.start_month
    sanctions.close_all(world)
    outcomes: set[str] = set()
    for episode in world.sanctions:
        outcomes |= set(episode.outcomes)
    return tuple(sorted(outcomes)), sorted(conceded_at.values())


def sanctions_facts(base: Data, seeds: Sequence[int]) -> list[Fact]:
    """Success, the share of each purpose in its own band, and when concessions come."""
    drawn = [c for c in (sanctions_episode(base, s) for s in seeds) if c is not None]
    cases = [outcomes for outcomes, _ in drawn]
    n = len(cases)
    success = sum(any(p in c for p in sanctions.SUCCESS) for c in cases) / n
    facts = [
        Fact(
            f"Sanctions cases that succeed partly or fully ({n} adopted)",
            "Hufbauer, Schott, Elliott & Oegg 2007",
            "24–44%",
            f"{success:.0%}",
            0.24 <= success <= 0.44,
        )
    ]
    for purpose, (published, low, high) in PURPOSE_BANDS.items():
        share = sum(purpose in c for c in cases) / n
        facts.append(
            Fact(
                f"Sanctions cases effective at {purpose}, over all cases",
                f"Targeted Sanctions Consortium: {published:.0%} of all episodes",
                f"{low:.0%}–{high:.0%}",
                f"{share:.0%}",
                low <= share <= high,
            )
        )
    concessions = [month for _, months in drawn for month in months]
    mean = float(np.mean(concessions)) if concessions else float("nan")
    facts.append(
        Fact(
            f"Months in force before a target concedes ({len(concessions)} concessions)",
            "Hufbauer, Schott, Elliott & Oegg 2007",
            f"successes shorter than failures ({EPISODE_MONTHS} months): mean ≤ half",
            f"mean {mean:.1f} months",
            bool(concessions) and mean <= EPISODE_MONTHS / 2,
        )
    )
    return facts
