"""The kept corpus: one hostile input for every way the game was once broken by a file it reads.

Each case builds its files in a fresh folder, runs the game on them (the CLI, or the save loader
and listing the desktop game uses) and returns ``(outcome, detail)`` as classified by
:func:`harness.classify`; :data:`CASES` maps each name to the outcome it must have.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from harness import LOCATED, MANDATE, ROOT, guarded, run_cli

Case = Callable[[Path], tuple[str, str]]
CASES: dict[str, tuple[str, Case]] = {}
MINIMAL = (ROOT / "tests" / "scenario" / "valid_minimal.toml").read_text(encoding="utf-8")
TUTORIAL = str(ROOT / "scenarios" / "tutorial.toml")


def case(expected: str = "refused") -> Callable[[Case], Case]:
    """Register a corpus case under its function's name."""

    def register(function: Case) -> Case:
        CASES[function.__name__] = (expected, function)
        return function

    return register


def check(path: Path | str, *more: str) -> tuple[str, str]:
    """``mandate check PATH``: the scenario loader's verdict."""
    return guarded(lambda: run_cli(["check", str(path), *more]), LOCATED)


def cli(*argv: str) -> tuple[str, str]:
    """Any other command, whose errors start ``mandate:``."""
    pattern = LOCATED if argv and argv[0] in ("check", "power") else MANDATE
    return guarded(lambda: run_cli(list(argv)), pattern)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def minimal(**replace: str) -> str:
    text = MINIMAL
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


# 1. Quadratic dotted keys and oversized structures ----


@case()
def dotted_key_of_20000_parts(folder: Path) -> tuple[str, str]:
    return check(write(folder, "s.toml", "x." * 20_000 + "y = 1\n" + MINIMAL))


@case()
def dotted_key_of_350000_parts_within_the_size_limit(folder: Path) -> tuple[str, str]:
    return check(write(folder, "s.toml", "x." * 350_000 + "y = 1\n"))


@case()
def table_header_of_20000_parts(folder: Path) -> tuple[str, str]:
    return check(write(folder, "s.toml", "[" + "x." * 20_000 + "y]\n"))


@case()
def many_dotted_keys_of_eleven_parts(folder: Path) -> tuple[str, str]:
    lines = "".join(f"k{i}." + "a." * 10 + "b = 1\n" for i in range(40_000))
    return check(write(folder, "s.toml", lines[:1_000_000]))


@case()
def brackets_nested_half_a_million_deep(folder: Path) -> tuple[str, str]:
    return check(write(folder, "s.toml", "a = " + "[" * 500_000))


@case()
def one_mebibyte_of_array_elements(folder: Path) -> tuple[str, str]:
    return check(write(folder, "s.toml", "a = [" + "1," * 500_000 + "]\n"))


@case()
def roster_with_a_dotted_key_of_20000_parts(folder: Path) -> tuple[str, str]:
    write(folder, "roster.toml", 'format = "mandate-roster"\n' + "x." * 20_000 + "y = 1\n")
    return check(
        write(folder, "s.toml", minimal(**{"months = 6": 'months = 6\nroster = "roster.toml"'}))
    )


@case()
def number_of_5000_digits(folder: Path) -> tuple[str, str]:
    return check(write(folder, "s.toml", minimal(**{"months = 6": "months = " + "9" * 5000})))


# 5. Error output stays small ----


@case()
def four_thousand_unknown_features_and_tasks(folder: Path) -> tuple[str, str]:
    tasks = ", ".join(f'"t{i}"' for i in range(4000))
    effects = ", ".join(f'"task:u{i}" = 0.1' for i in range(4000))
    text = minimal(
        **{
            "months = 6": f"months = 6\n\n[clauses]\ntasks = [{tasks}]\n",
            'effects = { chapter_vii = 0.5, "task:protection_of_civilians" = 0.2 }': (
                f"effects = {{ {effects} }}"
            ),
        }
    )
    return check(write(folder, "s.toml", text))


# 6. Special files, special paths ----


@case()
def scenario_that_is_a_fifo(folder: Path) -> tuple[str, str]:
    os.mkfifo(folder / "s.toml")
    return check(folder / "s.toml")


@case()
def scenario_linked_to_dev_zero(folder: Path) -> tuple[str, str]:
    os.symlink("/dev/zero", folder / "s.toml")
    return check(folder / "s.toml")


@case()
def scenario_in_a_symlink_loop(folder: Path) -> tuple[str, str]:
    os.symlink(folder / "b.toml", folder / "a.toml")
    os.symlink(folder / "a.toml", folder / "b.toml")
    return check(folder / "a.toml")


@case()
def scenario_that_is_a_folder(folder: Path) -> tuple[str, str]:
    return check(folder)


@case()
def scenario_path_with_a_nul(folder: Path) -> tuple[str, str]:
    return check(str(folder / "a\x00b.toml"))


@case()
def scenario_of_two_mebibytes(folder: Path) -> tuple[str, str]:
    return check(write(folder, "s.toml", MINIMAL + "#" * 2_000_000 + "\n"))


@case()
def scenario_fifo_given_to_run(folder: Path) -> tuple[str, str]:
    os.mkfifo(folder / "s.toml")
    return guarded(lambda: run_cli(["run", str(folder / "s.toml")]), LOCATED)


@case()
def log_that_is_a_fifo(folder: Path) -> tuple[str, str]:
    os.mkfifo(folder / "log.json")
    return cli("replay", TUTORIAL, str(folder / "log.json"))


@case()
def log_that_is_dev_zero(folder: Path) -> tuple[str, str]:
    return cli("replay", TUTORIAL, "/dev/zero")


@case()
def log_nested_100000_deep(folder: Path) -> tuple[str, str]:
    return cli("replay", TUTORIAL, str(write(folder, "log.json", "[" * 100_000)))


@case()
def log_recorded_on_another_scenario(folder: Path) -> tuple[str, str]:
    log = folder / "log.json"
    assert run_cli(["run", TUTORIAL, "--months", "1", "--log", str(log)])[0] == 0
    minimal_path = write(folder, "minimal.toml", MINIMAL)
    return cli("replay", str(minimal_path), str(log))


# 7. Rosters and map paths ----


def _with_roster(folder: Path, roster: str, reference: str = "roster.toml") -> Path:
    if roster:
        write(folder, "roster.toml", 'format = "mandate-roster"\n' + roster)
    return write(folder, "s.toml", minimal(**{"months = 6": f'months = 6\nroster = "{reference}"'}))


@case()
def roster_members_is_a_number(folder: Path) -> tuple[str, str]:
    return check(_with_roster(folder, "members = 5\n"))


@case()
def roster_entry_without_a_name(folder: Path) -> tuple[str, str]:
    return check(_with_roster(folder, '[[members]]\nid = "AAA"\n'))


@case()
def roster_entry_of_the_wrong_shape(folder: Path) -> tuple[str, str]:
    return check(_with_roster(folder, 'members = ["AAA", "BBB"]\n'))


@case()
def roster_with_a_number_of_5000_digits(folder: Path) -> tuple[str, str]:
    return check(_with_roster(folder, "x = " + "7" * 5000 + "\n"))


@case()
def roster_nested_deeply(folder: Path) -> tuple[str, str]:
    return check(_with_roster(folder, "x = " + "[" * 5000 + "]" * 5000 + "\n"))


@case()
def roster_path_with_a_nul(folder: Path) -> tuple[str, str]:
    return check(_with_roster(folder, "", "roster\\u0000.toml"))


@case()
def roster_in_a_symlink_loop(folder: Path) -> tuple[str, str]:
    os.symlink(folder / "r2.toml", folder / "r1.toml")
    os.symlink(folder / "r1.toml", folder / "r2.toml")
    return check(_with_roster(folder, "", "r1.toml"))


@case()
def roster_that_is_a_fifo(folder: Path) -> tuple[str, str]:
    os.mkfifo(folder / "fifo.toml")
    return check(_with_roster(folder, "", "fifo.toml"))


@case()
def map_path_with_a_nul(folder: Path) -> tuple[str, str]:
    text = minimal(**{'host = "gov"': 'host = "gov"\nmap = "m\\u0000.png"'})
    return check(write(folder, "s.toml", text))


@case()
def map_in_a_symlink_loop(folder: Path) -> tuple[str, str]:
    os.symlink(folder / "m2.png", folder / "m1.png")
    os.symlink(folder / "m1.png", folder / "m2.png")
    text = minimal(**{'host = "gov"': 'host = "gov"\nmap = "m1.png"'})
    return check(write(folder, "s.toml", text))


# 8. Nothing overwritten, nothing lost ----


@case()
def log_over_its_own_scenario(folder: Path) -> tuple[str, str]:
    scenario = write(folder, "my.toml", MINIMAL)
    before = scenario.read_bytes()
    outcome = cli("run", str(scenario), "--months", "1", "--log", str(scenario), "--force")
    assert scenario.read_bytes() == before, "the scenario was overwritten"
    return outcome


@case()
def log_over_an_existing_file(folder: Path) -> tuple[str, str]:
    other = write(folder, "notes.txt", "precious")
    outcome = cli("run", TUTORIAL, "--months", "1", "--log", str(other))
    assert other.read_text(encoding="utf-8") == "precious", "the file was overwritten"
    return outcome


@case(expected="ok")
def log_over_an_existing_file_with_force(folder: Path) -> tuple[str, str]:
    other = write(folder, "old.json", "old")
    outcome = cli("run", TUTORIAL, "--months", "1", "--log", str(other), "--force")
    assert json.loads(other.read_text(encoding="utf-8"))["format"] == "mandate-log"
    return outcome


@case()
def log_into_a_folder(folder: Path) -> tuple[str, str]:
    return cli("run", TUTORIAL, "--months", "1", "--log", str(folder))


@case()
def log_that_cannot_be_written_keeps_the_result(folder: Path) -> tuple[str, str]:
    blocker = write(folder, "file", "")
    code, out, err = run_cli(["run", TUTORIAL, "--months", "1", "--log", str(blocker / "l.json")])
    assert "state hash" in out.lower() or "hash" in out, "the run's result was not printed"
    return guarded(lambda: (code, out, err), MANDATE)


@case()
def schema_over_an_existing_file(folder: Path) -> tuple[str, str]:
    other = write(folder, "notes.json", '{"mine": true}')
    outcome = cli("schema", "--output", str(other))
    assert other.read_text(encoding="utf-8") == '{"mine": true}', "the file was overwritten"
    return outcome


# 9. Control characters ----


def _no_raw_controls(outcome: tuple[str, str], code: int, out: str, err: str) -> tuple[str, str]:
    if any(c in out + err for c in "\x1b\x07\x00\r"):
        return "crash", f"raw control characters echoed: {(out + err)[:200]!r}"
    return outcome


@case()
def escape_codes_in_a_title(folder: Path) -> tuple[str, str]:
    path = write(
        folder, "s.toml", minimal(**{'title = "Minimal"': 'title = "\\u001b[2J\\u0007Hi"'})
    )
    code, out, err = run_cli(["check", str(path)])
    return _no_raw_controls(guarded(lambda: (code, out, err), LOCATED), code, out, err)


@case()
def forged_line_in_a_state_name(folder: Path) -> tuple[str, str]:
    text = minimal(**{'name = "Alpha"': 'name = "A\\rfake.toml:1:1: ok\\nB"'})
    path = write(folder, "s.toml", text)
    code, out, err = run_cli(["check", str(path)])
    return _no_raw_controls(guarded(lambda: (code, out, err), LOCATED), code, out, err)


@case()
def control_characters_in_keys(folder: Path) -> tuple[str, str]:
    text = minimal(**{"ideal = { force = 0.8 }": 'ideal = { force = 0.8, "\\u001b[31m" = 0.1 }'})
    path = write(folder, "s.toml", text)
    code, out, err = run_cli(["check", str(path)])
    return _no_raw_controls(guarded(lambda: (code, out, err), LOCATED), code, out, err)


@case()
def control_characters_in_the_file_name(folder: Path) -> tuple[str, str]:
    path = write(
        folder, "\x1b[31m\rfake.toml:1:1: ok.toml", MINIMAL.replace("months = 6", "months = 0")
    )
    code, out, err = run_cli(["check", str(path)])
    return _no_raw_controls(guarded(lambda: (code, out, err), LOCATED), code, out, err)


# 10. Smaller ----


@case()
def duplicate_mission_ids(folder: Path) -> tuple[str, str]:
    mission = '\n[[theatre.missions]]\nid = "m1"\nkind = "un"\nauthority = "council"\n'
    mission += 'contributor = "BBB"\ntroops = 100\n'
    outcome, detail = check(write(folder, "s.toml", MINIMAL + mission + mission))
    return (outcome, detail) if "duplicate mission id 'm1'" in detail else ("unlocated", detail)


# 6 (continued). The saves folder and the save loader ----


def _save_listing(folder: Path) -> tuple[str, str]:
    from sim.model.saves import list_save_files

    listed = list_save_files(folder, 9)
    return "refused", f"listed {len(listed)}: {[label for _, label in listed]}"[:300]


def _load(path: Path) -> tuple[int, str, str]:
    """The desktop game's Load, without the window: read, rebuild, replay; exit 1 on SaveError."""
    from sim.model.engine import Engine
    from sim.model.play import default_agents
    from sim.model.savefiles import read_save
    from sim.model.saves import SaveError, restore
    from sim.scenario.build import build_world
    from sim.scenario.loader import ScenarioError, load_scenario

    try:
        save = read_save(path)
        scenario = load_scenario(ROOT / "scenarios" / f"{save.scenario_id}.toml")
        engine = Engine(build_world(scenario, save.seed))
        restore(engine, default_agents(engine), save)
    except (SaveError, ScenarioError) as exc:
        return 1, "", f"mandate: {path}: {exc}\n"
    return 0, "", ""


def load(path: Path) -> tuple[str, str]:
    return guarded(lambda: _load(path), MANDATE)


@case()
def saves_folder_of_special_files(folder: Path) -> tuple[str, str]:
    os.symlink(folder / "nowhere.json", folder / "dangling.json")
    os.symlink(folder / "loop2.json", folder / "loop1.json")
    os.symlink(folder / "loop1.json", folder / "loop2.json")
    os.mkfifo(folder / "fifo.json")
    os.symlink("/dev/zero", folder / "zero.json")
    with open(folder / "huge.json", "wb") as handle:
        handle.truncate(1 << 30)  # a sparse gibibyte
    write(folder, "deep.json", "[" * 100_000)
    write(folder, "nul.json", '{"label": "a\\u0000b\\u001b[2J", "saved_at": 1}')
    return _save_listing(folder)


@case()
def save_that_is_a_fifo(folder: Path) -> tuple[str, str]:
    os.mkfifo(folder / "s.json")
    return load(folder / "s.json")


@case()
def save_linked_to_dev_zero(folder: Path) -> tuple[str, str]:
    os.symlink("/dev/zero", folder / "s.json")
    return load(folder / "s.json")


@case()
def save_nested_100000_deep(folder: Path) -> tuple[str, str]:
    return load(write(folder, "s.json", '{"format": ' + "[" * 100_000))


def _tutorial_save(folder: Path) -> dict[str, object]:
    """A real save of the tutorial, a month in, as its JSON document."""
    from sim.model.engine import Engine
    from sim.model.play import default_agents
    from sim.model.saves import TurnRecord, capture, to_json
    from sim.model.session import Session
    from sim.scenario.build import build_world
    from sim.scenario.loader import load_scenario

    scenario = load_scenario(TUTORIAL)
    engine = Engine(build_world(scenario, 3))
    session = Session(engine, default_agents(engine), player=None)
    for _ in range(40):
        session.step()
    return to_json(capture(session, TurnRecord(), TUTORIAL, 3, steps=40))


@case()
def save_with_a_nul_in_its_scenario_id(folder: Path) -> tuple[str, str]:
    doc = {**_tutorial_save(folder), "scenario": "tuto\x00rial"}
    return load(write(folder, "s.json", json.dumps(doc)))


@case()
def save_whose_scenario_id_is_a_path(folder: Path) -> tuple[str, str]:
    doc = {**_tutorial_save(folder), "scenario": "../../../etc/passwd"}
    return load(write(folder, "s.json", json.dumps(doc)))


@case(expected="ok")
def save_of_the_tutorial_loads(folder: Path) -> tuple[str, str]:
    return load(write(folder, "s.json", json.dumps(_tutorial_save(folder))))


@case(expected="ok")
def stale_temporary_files_are_removed(folder: Path) -> tuple[str, str]:
    from sim.model.saves import write_text_atomic

    stale = write(folder, ".autosave.json.abc123.tmp", "half a save")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    write_text_atomic(folder / "autosave.json", "{}")
    if stale.exists():
        return "crash", "a stale temporary file was left"
    return "ok", ""


# 2. Coefficients, from [coefficients] and from a trigger ----


def _with_trigger(effect: str) -> str:
    trigger = '\n[[triggers]]\nid = "t"\nwhen = "month_reached"\nmonth = 1\n'
    return MINIMAL + trigger + f"effects = [{{ {effect} }}]\n"


@case()
def negative_troop_civilian_decay(folder: Path) -> tuple[str, str]:
    text = minimal(**{"months = 6": "months = 6\n\n[coefficients]\ntroop_civilian_decay = -1.0\n"})
    path = write(folder, "s.toml", text)
    return guarded(lambda: run_cli(["run", str(path), "--months", "2"]), LOCATED)


@case()
def zero_reference_intensity(folder: Path) -> tuple[str, str]:
    text = minimal(**{"months = 6": "months = 6\n\n[coefficients]\nreference_intensity = 0.0\n"})
    return check(write(folder, "s.toml", text))


@case()
def trigger_sets_negative_battle_decay(folder: Path) -> tuple[str, str]:
    effect = 'kind = "set_coefficient", name = "troop_battle_decay", value = -1e6'
    return check(write(folder, "s.toml", _with_trigger(effect)))


@case()
def trigger_sets_negative_fatality_rate(folder: Path) -> tuple[str, str]:
    effect = 'kind = "set_coefficient", name = "fatality_rate", value = -0.5'
    return check(write(folder, "s.toml", _with_trigger(effect)))


@case()
def trigger_sets_a_million_consultation_rounds(folder: Path) -> tuple[str, str]:
    effect = 'kind = "set_coefficient", name = "consultation_rounds", value = 1e6'
    return check(write(folder, "s.toml", _with_trigger(effect)))


@case()
def set_relation_of_a_state_to_itself(folder: Path) -> tuple[str, str]:
    effect = 'kind = "set_relation", actor = "AAA", other = "AAA", value = 0.5'
    return check(write(folder, "s.toml", _with_trigger(effect)))


# 3. Tampered logs, refused by the command's index ----


def _tampered_log(folder: Path, change: Callable[[dict[str, object]], None]) -> tuple[str, str]:
    log = folder / "log.json"
    assert run_cli(["run", TUTORIAL, "--months", "4", "--seed", "7", "--log", str(log)])[0] == 0
    doc = json.loads(log.read_text(encoding="utf-8"))
    change(doc)
    log.write_text(json.dumps(doc), encoding="utf-8")
    outcome, detail = cli("replay", TUTORIAL, str(log))
    return (outcome, detail) if "command " in detail else ("unlocated", detail)


def _first(doc: dict[str, object], kind: str) -> dict[str, object]:
    commands = doc["commands"]
    assert isinstance(commands, list)
    found: dict[str, object] = next(c for c in commands if c["type"] == kind)
    return found


@case()
def log_with_a_list_as_actor(folder: Path) -> tuple[str, str]:
    return _tampered_log(folder, lambda doc: _first(doc, "table_draft").update(actor=["ARN"]))


@case()
def log_with_a_size_as_text(folder: Path) -> tuple[str, str]:
    return _tampered_log(folder, lambda doc: _first(doc, "pledge").update(size="100"))


@case()
def log_with_chapter_ix(folder: Path) -> tuple[str, str]:
    def change(doc: dict[str, object]) -> None:
        clauses = _first(doc, "amend_draft")["clauses"]
        assert isinstance(clauses, dict)
        clauses["chapter"] = "IX"

    return _tampered_log(folder, change)


@case(expected="ok")
def save_given_to_replay(folder: Path) -> tuple[str, str]:
    save = write(folder, "s.json", json.dumps(_tutorial_save(folder)))
    return cli("replay", TUTORIAL, str(save))


# 4. Voting power of weighted bodies with large weights ----


def _weighted(folder: Path, weights: list[int]) -> Path:
    members = [f"S{i:02d}" for i in range(len(weights))]
    states = "".join(
        f'\n[[states]]\nid = "{m}"\nname = "{m}"\ncapability = 0.5\nideal = {{ force = 0.5 }}\n'
        "salience = { force = 0.5 }\n"
        for m in members
    )
    body = (
        f'\n[[bodies]]\nid = "big"\nname = "Big"\nrule = "weighted"\nmembers = {members}\n'
        f"weights = {weights}\nquota = {sum(weights) // 2 + 1}\n"
    )
    text = MINIMAL.replace("[council]", states + body + "\n[council]", 1)
    return write(folder, "s.toml", text.replace("'", '"'))


@case(expected="ok")
def power_of_eighteen_members_weighing_a_million(folder: Path) -> tuple[str, str]:
    weights = [1_000_000 - (i * i * 7919) % 499_979 for i in range(18)]
    return cli("power", str(_weighted(folder, weights)), "--body", "big", "--json")


@case()
def power_of_forty_members_weighing_a_million(folder: Path) -> tuple[str, str]:
    weights = [500_000 + (i * i * 7919) % 499_979 for i in range(40)]
    return guarded(
        lambda: run_cli(["power", str(_weighted(folder, weights)), "--body", "big"]), MANDATE
    )


# 10. A save whose scenario is gone names the file it recorded ----


@case()
def save_of_a_deleted_scenario(folder: Path) -> tuple[str, str]:
    from sim.model.saves import SaveError
    from sim.ui.game import Game

    doc = {**_tutorial_save(folder), "scenario": "deleted", "scenario_path": "gone/deleted.toml"}
    path = write(folder, "s.json", json.dumps(doc))
    try:
        Game.load(path)
    except SaveError as exc:
        named = "gone/deleted.toml" in str(exc)
        return ("refused" if named else "unlocated"), str(exc)[:300]
    return "ok", "loaded a save of a deleted scenario"
