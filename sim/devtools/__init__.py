"""Developer tools: not part of the game, and never imported by it.

Generators of bundled data (:mod:`~sim.devtools.make_roster` the world roster,
:mod:`~sim.devtools.make_maps` the fictional theatre maps, :mod:`~sim.devtools.make_theatres`
the historical ones, :mod:`~sim.devtools.make_flags` the flags, :mod:`~sim.devtools.guide` the
generated parts of the designer's guide), benchmarks that print (:mod:`~sim.devtools.benchmark`
whole games, :mod:`~sim.devtools.bench_bargaining`, :mod:`~sim.devtools.bench_experiment`,
:mod:`~sim.devtools.bench_ui` and :mod:`~sim.devtools.bench_screens` frame times,
:mod:`~sim.devtools.bench_net` the classroom server), reference oracles the tests hold the fast
code to (:mod:`~sim.devtools.naive`, :mod:`~sim.devtools.reference_bargaining`), a generator of
random scenarios (:mod:`~sim.devtools.generate`) and a survey of negotiations over the bundled
scenarios (:mod:`~sim.devtools.diplomacy_survey`). Each runs as ``python -m sim.devtools.NAME``.
This wing may import every other; ``tests/test_architecture.py`` checks that none imports it.
"""
