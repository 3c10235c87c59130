"""The game explains every decider: what would flip a member's vote and how far it moved (the
profile), why contributors pledge and how regional organizations decide (who decides)."""

from __future__ import annotations

import pygame

from sim.devtools.driver import Driver
from sim.model.deciders import deployment_decision, endorsement_decision
from sim.model.flips import drifts, vote_flips
from sim.model.pledges import pledge_stance
from sim.ui.screens.deciders import DecidersScreen
from sim.ui.screens.profile import ProfileScreen


def _profile(chamber: Driver, actor: str) -> ProfileScreen:
    seat = next(b for b in chamber.buttons() if f"({actor})" in (b.tool_tip_text or ""))
    chamber.click(seat)
    screen = chamber.app.screen
    assert isinstance(screen, ProfileScreen) and screen.actor == actor
    return screen


def test_the_profile_shows_what_would_flip_the_vote_and_the_drift(chamber: Driver) -> None:
    game = chamber.app.game
    assert game is not None
    chamber.key(pygame.K_t)  # table the draft, then let consultations move positions
    for _ in range(4):
        chamber.key(pygame.K_SPACE)
        assert chamber.until(lambda: game.awaiting, 2000)
        while chamber.screen() != "chamber":
            chamber.key(pygame.K_ESCAPE)
        if game.view.draft_in(game.world.council) is not None and any(
            c.kind == "consult" for c in game.session.engine.log
        ):
            break
    forecast = game.forecast()
    assert forecast is not None
    draft = forecast[0]
    # As the player knows the members: its estimates of their private reservations.
    player = game.player
    expected = vote_flips(game.world, draft, game.view.original_clauses(draft), observer=player)
    moved = drifts(game.world, draft, player)
    shown_any = 0
    for actor in ("LUM", "OSS", "CAL"):
        screen = _profile(chamber, actor)
        found = screen.flips()
        assert found is not None
        assert found == (expected[actor], moved[actor])
        shown_any += len(found[0].options)
        chamber.key(pygame.K_ESCAPE)
    assert shown_any > 0
    assert any(any(abs(x) > 0.005 for x in d.moved) for d in moved.values())


def test_a_contributor_and_the_organizations_are_explained_in_the_game(chamber: Driver) -> None:
    game = chamber.app.game
    assert game is not None
    world = game.world
    actor = next(a for a in sorted(world.bodies[world.council].members) if a in world.contributors)
    _profile(chamber, actor)
    chamber.key(pygame.K_c)
    screen = chamber.app.screen
    assert isinstance(screen, DecidersScreen) and screen.decider == actor
    [(heading, stance)] = screen.stances()
    assert "adopted as it stands" in heading  # no mission yet: the draft as if adopted
    assert stance.contributor == actor and stance.total == sum(f.points for f in stance.factors)
    forecast = game.forecast()
    assert forecast is not None
    seen = set()
    for _ in range(len(screen.deciders())):
        chamber.key(pygame.K_RIGHT)
        chamber.frames(1)
        decider = screen.decider
        seen.add(decider)
        if decider in world.organizations:
            decisions = screen.decisions()
            expected = endorsement_decision(world, decider, forecast[0])
            assert decisions[0].tally == expected.tally
            assert decisions[0].ballot.totals.tolist() == expected.ballot.totals.tolist()
            deploy = deployment_decision(world, decider)
            assert (deploy is None) == (len(decisions) == 1)
    assert seen == set(world.contributors) | set(world.organizations)


def test_the_theatre_opens_who_decides_on_the_ground(chamber: Driver) -> None:
    chamber.click(chamber.button("Theatre"))
    assert chamber.screen() == "theatre"
    chamber.key(pygame.K_w)
    screen = chamber.app.screen
    assert isinstance(screen, DecidersScreen)
    game = chamber.app.game
    assert game is not None
    first = screen.deciders()[0]
    assert screen.decider == first and first in game.world.contributors
    for _, stance in screen.stances():
        mission = game.world.mission(stance.mission)
        if mission is not None:
            assert stance == pledge_stance(game.world, first, mission)
    chamber.key(pygame.K_ESCAPE)
    assert chamber.screen() == "theatre"
