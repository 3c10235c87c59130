"""The quick profile: `pytest -m "not slow"` leaves these out (README, "Test"). They are the
slowest tests by `pytest --durations=40` on two cores: property tests over many random worlds,
whole calibrations and classroom games, fuzzing, the wheel build and full play-throughs of the
window. A file name alone marks every test in it. CI and `pytest` still run them all."""

SLOW = (
    "tests/model/test_stance.py::test_factors_sum_to_the_total_that_decides_the_vote",
    "tests/model/test_stance.py::test_every_decider_factors_sum_to_the_total_that_decides",
    "tests/model/test_stance.py::test_candidate_totals_equal_single_ballots",
    "tests/model/test_talks.py::test_a_guarantee_lowers_the_recurrence_hazard_of_an_agreement",
    "tests/analysis/test_calibrate.py",
    "tests/net/test_server.py::test_a_classroom_plays_to_the_end_refusing_what_does_not_belong",
    "tests/hostile/test_hostile_corpus.py",
    "tests/hostile/test_hostile_fuzz.py",
    "tests/scenarios/test_sahel_bridge.py::test_several_endings_are_reached",
    "tests/analysis/test_experiment.py::test_dask_local_cluster_plays_the_same_games",
    "tests/test_wheel.py",
    "tests/ui/test_play_through.py",
)
