"""The ``mandate`` command: play, run, check, list, new, power, replay, calibrate, schema and
the teacher's tools.

Every subcommand reports bad input as a short message and a non-zero exit code, never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

from sim.model.words import plural
from sim.scenario.loader import ScenarioError, load_scenario

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
#: Which argument of each command names scenarios, by id (``tutorial``) or by path.
SCENARIO_ARGUMENTS = {
    "run": "file",
    "check": "files",
    "power": "file",
    "replay": "file",
    "play": "file",
    "calibrate": "scenario",
    "experiment": "file",
}


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    from sim.model.files import printable

    print(f"mandate: {printable(message, 2000)}", file=sys.stderr)
    return code


def _refuse_output(path: Path, inputs: Sequence[str], force: bool) -> str | None:
    """Why ``path`` must not be written: it is one of the inputs, a folder, or (without
    ``--force``) an existing file. None when it may be written."""
    from sim.model.files import printable

    shown = printable(str(path))
    for name in inputs:
        try:
            if path.exists() and path.samefile(name):
                return f"{shown} is an input of this command; not overwriting it"
        except (OSError, ValueError):
            continue
    if path.is_dir():
        return f"{shown} is a folder; name a file"
    if path.exists() and not force:
        return f"{shown} already exists; not overwriting it (use --force to replace it)"
    return None


def _report_problems(error: ScenarioError) -> int:
    for problem in error.problems:
        print(problem, file=sys.stderr)
    return EXIT_PROBLEMS


def cmd_check(args: argparse.Namespace) -> int:
    """Validate scenario files; one line per file that passes, one per problem otherwise.

    With ``--strict`` the lint warnings of :mod:`sim.scenario.lint` are problems too, printed
    as ``FILE:LINE:COL: field.path: warning: ...``; without it a passing file's line counts them.
    """
    from sim.model.files import printable
    from sim.scenario.lint import lint_file

    status = EXIT_OK
    for name in args.files:
        try:
            scenario = load_scenario(name)
        except ScenarioError as error:
            status = _report_problems(error)
            continue
        warnings = lint_file(name, scenario)
        if args.strict and warnings:
            for warning in warnings:
                print(warning, file=sys.stderr)
            status = EXIT_PROBLEMS
            continue
        note = f"; {plural(len(warnings), 'warning')}, see --strict" if warnings else ""
        print(
            f"{printable(name)}: ok — '{scenario.title}', {plural(len(scenario.states), 'state')},"
            f" {plural(len(scenario.bodies), 'body', 'bodies')},"
            f" {plural(len(scenario.drafts), 'draft')}, {plural(scenario.months, 'month')}{note}"
        )
    return status


def cmd_run(args: argparse.Namespace) -> int:
    """Play a scenario with AI in every seat and print what happened."""
    from sim.analysis.explainer import Explainer, ExplainingEngine, explainable
    from sim.analysis.report import (
        VOTE_LEGEND,
        Introductions,
        month_lines,
        outcome_lines,
        result_json,
    )
    from sim.model.engine import Engine
    from sim.model.hashing import state_hash
    from sim.model.play import default_agents, play_game
    from sim.model.replay import log_to_json
    from sim.scenario.build import build_world

    try:
        scenario = load_scenario(args.file)
    except ScenarioError as error:
        return _report_problems(error)
    world = build_world(scenario, args.seed)
    if args.explain is not None and args.explain not in explainable(world):
        return _fail(f"--explain: no state or organization {args.explain!r} in {scenario.id}")
    if args.log is not None:
        refused = _refuse_output(Path(args.log), [args.file], args.force)
        if refused is not None:
            return _fail(f"--log: {refused}", EXIT_PROBLEMS)
    explainer = Explainer(world, args.explain) if args.explain and not args.json else None
    engine = Engine(world) if explainer is None else ExplainingEngine(world, explainer)
    introduce = Introductions(world)
    legend: list[bool] = []

    def narrate(month: int) -> None:
        if not args.json:
            more = explainer.after_vote if explainer else None
            lines = month_lines(world, month, args.explain, more, introduce)
            tables = [i for i, line in enumerate(lines) if line.startswith("  Vote in the ")]
            if tables and not legend:
                lines.insert(tables[0] + 1, VOTE_LEGEND)  # once, under the first vote table
                legend.append(True)
            lines += explainer.month_lines(month) if explainer else []
            print("\n".join(lines))

    if not args.json:
        print(f"{scenario.title} — scenario {scenario.id}, seed {args.seed}")
    agents = default_agents(engine, historical=args.historical)
    if explainer is not None:
        agents = explainer.watch(agents)
    played = play_game(engine, agents, months=args.months, on_month=narrate)
    final_hash = state_hash(world)
    if args.json:
        print(json.dumps(result_json(world, args.seed, final_hash, played), indent=2))
    else:
        print("\n".join(outcome_lines(world, final_hash)))
    if args.log is not None:  # after the result, so a log that cannot be written loses nothing
        from sim.model.saves import write_text_atomic

        try:
            text = json.dumps(log_to_json(engine, args.seed), indent=1)
            write_text_atomic(Path(args.log), text)
        except OSError as exc:
            return _fail(f"--log: cannot write {args.log}: {exc.strerror or exc}", EXIT_PROBLEMS)
    return EXIT_OK


def cmd_replay(args: argparse.Namespace) -> int:
    """Replay a command log and print the state hash after every month."""
    from sim.model.engine import Engine
    from sim.model.files import read_json_file
    from sim.model.replay import read_recording, replay
    from sim.model.saves import MAX_SAVE_BYTES
    from sim.scenario.build import build_world

    try:
        scenario = load_scenario(args.file)
    except ScenarioError as error:
        return _report_problems(error)
    try:
        recording = read_recording(read_json_file(args.log, MAX_SAVE_BYTES, "command log"))
    except ValueError as exc:
        return _fail(f"{args.log}: not a readable command log or save ({exc})", EXIT_PROBLEMS)
    if recording.scenario != scenario.id:
        message = (
            f"{args.log}: the {recording.what} was recorded on scenario {recording.scenario!r}"
        )
        return _fail(message, EXIT_PROBLEMS)
    engine = Engine(build_world(scenario, recording.seed))
    try:
        hashes = replay(engine, recording.commands)
    except ValueError as exc:
        return _fail(f"{args.log}: {exc}", EXIT_PROBLEMS)
    for month, digest in enumerate(hashes, start=1):
        print(f"month {month}: {digest}")
    return EXIT_OK


def _power_rows(scenario: Any, body_id: str) -> list[dict[str, Any]]:
    from sim.model.power import banzhaf, shapley_shubik
    from sim.scenario.build import body_from_spec

    spec = next(b for b in scenario.bodies if b.id == body_id)
    body = body_from_spec(spec)
    game = body.game()
    ss, bz = shapley_shubik(game), banzhaf(game)
    names = {s.id: s.name for s in scenario.states}
    return [
        {
            "member": member,
            "name": names[member],
            "veto": member in body.veto,
            "shapley_shubik": ss[i],
            "banzhaf": bz[i],
        }
        for i, member in enumerate(body.members)
    ]


def _fraction_json(value: Fraction) -> dict[str, Any]:
    return {"fraction": str(value), "decimal": float(value)}


def cmd_power(args: argparse.Namespace) -> int:
    """Print exact Shapley–Shubik and Banzhaf power of every member of a voting body."""
    try:
        scenario = load_scenario(args.file)
    except ScenarioError as error:
        return _report_problems(error)
    bodies = [b.id for b in scenario.bodies]
    if args.body not in bodies:
        return _fail(f"--body: no body {args.body!r}; this scenario has {', '.join(bodies)}")
    from sim.model.power import PowerTooLarge

    try:
        rows = _power_rows(scenario, args.body)
    except PowerTooLarge as exc:
        return _fail(f"--body {args.body}: {exc}", EXIT_PROBLEMS)
    if args.json:
        doc = {
            "scenario": scenario.id,
            "body": args.body,
            "members": [
                {
                    "member": r["member"],
                    "veto": r["veto"],
                    "shapley_shubik": _fraction_json(r["shapley_shubik"]),
                    "banzhaf": _fraction_json(r["banzhaf"]),
                }
                for r in rows
            ],
        }
        print(json.dumps(doc, indent=2))
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Voting power in {args.body} ({scenario.id})")
    for column in ("Member", "Veto", "Shapley–Shubik", "", "Banzhaf (normalized)", ""):
        table.add_column(column, justify="right" if column != "Member" else "left")
    for r in rows:
        table.add_row(
            f"{r['member']} {r['name']}",
            "yes" if r["veto"] else "",
            str(r["shapley_shubik"]),
            f"{float(r['shapley_shubik']):.6f}",
            str(r["banzhaf"]),
            f"{float(r['banzhaf']):.6f}",
        )
    Console(width=110).print(table)
    return EXIT_OK


def cmd_calibrate(args: argparse.Namespace) -> int:
    """Simulate every stylized fact over many seeds and compare it with its published band."""
    from rich.console import Console
    from rich.table import Table

    from sim.analysis.calibrate import GENERIC, calibrate

    path = Path(args.scenario) if args.scenario else GENERIC
    try:
        load_scenario(path)
    except ScenarioError as error:
        return _report_problems(error)
    facts = calibrate(runs=args.runs, first_seed=args.seed, path=path)
    last = args.seed + args.runs - 1
    table = Table(title=f"Calibration: {args.runs} runs per experiment, seeds {args.seed}–{last}")
    for column in ("Stylized fact", "Source", "Published band", "Simulated", ""):
        table.add_column(column)
    for fact in facts:
        mark = "PASS" if fact.passed else "FAIL"
        table.add_row(fact.name, fact.source, fact.band, fact.measured, mark)
    Console(width=150).print(table)
    failed = sum(not f.passed for f in facts)
    print(f"{len(facts) - failed} passed, {failed} failed")
    return EXIT_OK if not failed else EXIT_PROBLEMS


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the scenario JSON Schema that editors use for completion and checking."""
    from sim.scenario.schema import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        from sim.model.saves import write_text_atomic

        path = Path(args.output)
        refused = _refuse_output(path, [], args.force or _is_schema(path))
        if refused is not None:
            return _fail(f"--output: {refused}", EXIT_PROBLEMS)
        try:
            write_text_atomic(path, text)
        except OSError as exc:
            return _fail(f"cannot write {args.output}: {exc.strerror or exc}", EXIT_PROBLEMS)
        print(f"wrote {args.output}")
    return EXIT_OK


def _is_schema(path: Path) -> bool:
    """Whether ``path`` holds a scenario schema this command wrote (so it may be regenerated)."""
    from sim.model.files import FileRefused, read_json_file
    from sim.scenario.schema import json_schema

    try:
        data = read_json_file(path, 4 * 1024 * 1024, "schema")
    except FileRefused:
        return False
    return isinstance(data, dict) and data.get("$id") == json_schema()["$id"]


def cmd_new(args: argparse.Namespace) -> int:
    """Write a commented skeleton scenario that passes ``check --strict``, never over a file."""
    from sim.scenario.skeleton import ID_MAX, schema_reference, skeleton, valid_name

    if not valid_name(args.name):
        return _fail(
            f"{args.name!r} is not a valid scenario id: a letter, then letters, digits, _ or -"
            f" (at most {ID_MAX} characters)"
        )
    from sim.bundled import scenario_file
    from sim.scenario.catalogue import place_schema, user_scenarios_dir

    if args.output:
        path = Path(args.output)
    elif scenario_file(f"{args.name}.toml").is_file():
        return _fail(f"{args.name!r} is a bundled scenario's id; choose another", EXIT_PROBLEMS)
    else:
        path = user_scenarios_dir() / f"{args.name}.toml"
    if path.exists():
        return _fail(f"{path} already exists; not overwriting it", EXIT_PROBLEMS)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not args.output:
            place_schema(path.parent)
        text = skeleton(args.name, schema_reference(path))
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        return _fail(f"{path} already exists; not overwriting it", EXIT_PROBLEMS)
    except OSError as exc:
        return _fail(f"cannot write {path}: {exc.strerror or exc}", EXIT_PROBLEMS)
    name = str(path) if args.output else args.name
    print(f"wrote {path}")
    print(f"open it in a text editor: {_editor()} {path}")
    print(f"every field is explained in the designer's guide: {scenario_file('README.md')}")
    print(f"next: mandate check --strict {name}, then mandate run {name} --seed 1")
    if not args.output:
        print(
            f"it is one of your scenarios now: mandate play {name}, or choose it on the title"
            " screen"
        )
    return EXIT_OK


def _editor() -> str:
    """The command that opens a text file for editing here (the user's $VISUAL or $EDITOR)."""
    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if chosen:
        return chosen
    return {"win32": "notepad", "darwin": "open -t"}.get(sys.platform, "xdg-open")


def cmd_list(args: argparse.Namespace) -> int:
    """Print the bundled scenarios and the player's own, with their ids and titles."""
    from sim.scenario.catalogue import bundled_entries, user_entries, user_scenarios_dir

    bundled, own = bundled_entries(), user_entries()
    width = max((len(e.id) for e in bundled + own), default=0) + 2
    print("Bundled scenarios:")
    _print_entries(bundled, width, set())
    print(f"Your scenarios, in {user_scenarios_dir()}:")
    if own:
        _print_entries(own, width, {e.id for e in bundled})
    else:
        print("  none yet (mandate new NAME writes one there)")
    print("Play one with `mandate play ID`; watch the AI play it with `mandate run ID --seed 7`.")
    return EXIT_OK


def _print_entries(entries: Sequence[Any], width: int, taken: set[str]) -> None:
    for entry in entries:
        try:
            title = load_scenario(entry.path).title
        except ScenarioError as error:
            first = error.problems[0] if error.problems else "cannot be loaded"
            title = f"(cannot be loaded: {first})"
        if entry.id in taken:
            title += " (its id is a bundled scenario's: rename the file to play it by id)"
        print(f"  {entry.id:<{width}}{title}")


def _load_arms(args: argparse.Namespace) -> Any:
    """The base scenario and every ``--variant`` overlay as experiment arms (or ScenarioError)."""
    from sim.analysis.runner import Arm, PlaySettings
    from sim.scenario.overlay import apply_overlay

    settings = PlaySettings(historical=args.historical, months=args.months)
    arms = [Arm("Base", load_scenario(args.file), None, settings)]
    problems = []
    for path in args.variant:
        try:
            variant = apply_overlay(args.file, path)
        except ScenarioError as error:
            problems += error.problems
            continue
        arms.append(Arm(variant.name, variant.scenario, path, settings))
    if problems:
        raise ScenarioError(problems)
    return arms


def cmd_experiment(args: argparse.Namespace) -> int:
    """Play a scenario and its variants over many seeds and print one comparison table."""
    from rich.console import Console
    from rich.table import Table

    from sim.analysis.experiment import compare, comparison_json, plot, table_rows
    from sim.analysis.runner import ClusterUnavailable, run_games

    if args.seeds < 1 or args.workers < 1:
        return _fail("--seeds and --workers must be at least 1")
    try:
        arms = _load_arms(args)
    except ScenarioError as error:
        return _report_problems(error)
    seeds = list(range(args.seed, args.seed + args.seeds))
    with _progress_bar() as bar:
        task = bar.add_task("Playing", total=len(arms) * len(seeds))
        try:
            games = run_games(
                arms,
                seeds,
                workers=args.workers,
                scheduler=args.scheduler,
                progress=lambda n: bar.advance(task, n),
            )
        except ClusterUnavailable as exc:
            return _fail(str(exc), EXIT_PROBLEMS)
    comparison = compare(arms, games)
    if args.plot:
        plot(comparison, args.plot)
    if args.json:
        print(json.dumps(comparison_json(comparison), indent=2))
        return EXIT_OK
    header, rows = table_rows(comparison)
    mode = "drafts tabled as written" if args.historical else "AI penholders"
    title = (
        f"{comparison.scenario}: {len(seeds)} seeds ({seeds[0]}–{seeds[-1]}) per arm, {mode};"
        " 95% intervals; Δ = paired difference from the base"
    )
    table = Table(title=title)
    for i, column in enumerate(header):
        table.add_column(column, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*row)
    Console(width=max(100, 30 + 26 * (len(header) - 1))).print(table)
    if args.plot:
        print(f"wrote {args.plot}")
    return EXIT_OK


def _progress_bar() -> Any:
    """A rich progress bar on stderr (so ``--json`` output stays clean)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    return Progress(*columns, console=Console(stderr=True), transient=True)


def cmd_audit(args: argparse.Namespace) -> int:
    """Play a scenario along several lines of play; report unreached endings, objectives no
    decision affects and fixed lines that win nearly always (exit 1 on any finding)."""
    from rich.console import Console
    from rich.table import Table

    from sim.analysis.audit import audit_arms, run_audit, summary_rows
    from sim.analysis.runner import ClusterUnavailable

    if args.seeds < 1 or args.workers < 1:
        return _fail("--seeds and --workers must be at least 1")
    if not 0.0 < args.win_share <= 1.0:
        return _fail("--win-share must be above 0 and at most 1")
    try:
        scenario = load_scenario(args.file)
    except ScenarioError as error:
        return _report_problems(error)
    seeds = list(range(args.seed, args.seed + args.seeds))
    with _progress_bar() as bar:
        task = bar.add_task("Auditing", total=len(audit_arms(scenario)) * len(seeds))
        try:
            result = run_audit(
                scenario,
                seeds,
                win_share=args.win_share,
                workers=args.workers,
                scheduler=args.scheduler,
                progress=lambda n: bar.advance(task, n),
            )
        except ClusterUnavailable as exc:
            return _fail(str(exc), EXIT_PROBLEMS)
    header, rows = summary_rows(result)
    table = Table(title=f"{scenario.id}: {len(seeds)} seeds per line; player's seat {result.seat}")
    for i, column in enumerate(header):
        table.add_column(column, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*row)
    Console(width=120).print(table)
    for finding in result.findings:
        print(f"{args.file}: {finding.kind}: {finding.message}")
    if not result.findings:
        print(f"{args.file}: no findings")
    return EXIT_PROBLEMS if result.findings else EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """Write a saved game's debrief as an offline HTML page with PNG charts."""
    from sim.analysis.debrief import debrief
    from sim.analysis.htmlreport import write_report
    from sim.analysis.savegame import load_game
    from sim.model.hashing import state_hash
    from sim.model.saves import SaveError

    try:
        game = load_game(args.save)
    except SaveError as exc:
        return _fail(str(exc), EXIT_PROBLEMS)
    world = game.world
    d = debrief(world, game.scenario, game.save.seed, game.save.player, state_hash(world))
    try:
        from sim.analysis.lines import line_summaries

        lines = line_summaries(game)
    except SaveError as exc:
        return _fail(str(exc), EXIT_PROBLEMS)
    if args.turning_seeds > 0 and game.save.player:
        from dataclasses import replace

        from sim.analysis.debrief import month_title
        from sim.analysis.turning import turning_points
        from sim.model.saves import player_turns

        turns, _ = player_turns(game.session, game.record)
        when = {m: month_title(game.scenario, m) for m in range(1, world.month + 1)}
        points = turning_points(
            game.scenario, game.save.seed, game.save.player, turns, args.turning_seeds, when=when
        )
        d = replace(d, turning_points=tuple(points))
    try:
        page = write_report(d, Path(args.output), turning_seeds=args.turning_seeds, lines=lines)
    except OSError as exc:
        return _fail(f"cannot write the report to {args.output}: {exc.strerror or exc}", 1)
    print(f"wrote {page}")
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    """Write a class's saves of one scenario side by side as one offline HTML page."""
    from sim.analysis.compare import write_comparison
    from sim.analysis.savegame import class_lines
    from sim.model.saves import SaveError

    try:
        games = class_lines(args.saves)
        page = write_comparison(games, Path(args.output))
    except SaveError as exc:
        return _fail(str(exc), EXIT_PROBLEMS)
    except OSError as exc:
        return _fail(f"cannot write the comparison to {args.output}: {exc.strerror or exc}", 1)
    print(f"wrote {page}")
    return EXIT_OK


NO_DISPLAY = (
    "no display to open the game window on ({why}). Play on a desktop session, or start a"
    " virtual display (Xvfb :99 & then DISPLAY=:99 .venv/bin/mandate play), or watch the AI"
    " play in the terminal with `.venv/bin/mandate run {file} --seed 7` (as README installs it;"
    " plain `mandate run` where that environment is active)."
)


def _display_problem(headless: bool) -> str | None:
    """Why no game window can be shown here (None when one can)."""
    driver = os.environ.get("SDL_VIDEODRIVER", "").lower()
    if driver in ("dummy", "offscreen"):
        # The dummy driver runs the game invisibly: only useful for a fixed number of frames.
        return None if headless else f"SDL_VIDEODRIVER={driver} shows nothing; add --frames N"
    if driver or not sys.platform.startswith("linux"):
        return None
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return "neither DISPLAY nor WAYLAND_DISPLAY is set"
    return None


def cmd_play(args: argparse.Namespace) -> int:
    """Open the desktop game (the tutorial unless a scenario file is given)."""
    from sim.bundled import scenario_file

    path = Path(args.file) if args.file else scenario_file("tutorial.toml")
    shown = args.file or "tutorial"
    try:
        load_scenario(path)
    except ScenarioError as error:
        if not args.designer:
            return _report_problems(error)
        # Designer mode: the window opens anyway and shows the problems; F5 reloads the file.
        _report_problems(error)
    if args.frames is not None and args.frames < 1:
        return _fail("--frames must be at least 1")
    why = _display_problem(args.frames is not None)
    if why is not None:
        return _fail(NO_DISPLAY.format(why=why, file=shown), EXIT_PROBLEMS)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from sim.ui.app import NoDisplay, run_app

    try:
        return run_app(
            path,
            seed=args.seed,
            frames=args.frames,
            screenshot=Path(args.screenshot) if args.screenshot else None,
            designer=args.designer,
        )
    except NoDisplay as exc:
        return _fail(NO_DISPLAY.format(why=exc, file=shown), EXIT_PROBLEMS)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with help for every subcommand and option."""
    parser = argparse.ArgumentParser(
        prog="mandate",
        description="Mandate: steer a crisis through the UN Security Council.",
        epilog="Start with: mandate run tutorial --seed 7  (mandate list shows every scenario)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("run", help="play a scenario with AI in every seat and print the story")
    p.add_argument("file", help="scenario id (see mandate list) or file (.toml)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--months", type=int, default=None, help="stop after N months")
    p.add_argument("--json", action="store_true", help="print one JSON document instead")
    p.add_argument(
        "--explain",
        metavar="ID",
        help="explain every decision of ID: a member state's votes (with what would flip each"
        " and how far its positions moved), a troop contributor's pledges and withdrawals, a"
        " regional organization's endorsements and deployments",
    )
    p.add_argument("--log", metavar="PATH", help="also write the command log (JSON) to PATH")
    p.add_argument("--force", action="store_true", help="replace an existing --log file")
    p.add_argument(
        "--historical",
        action="store_true",
        help="table each of the scenario's drafts as written, in its month (replay history)",
    )
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("check", help="validate scenario files")
    p.add_argument("files", nargs="+", metavar="FILE", help="scenario ids or files (.toml)")
    p.add_argument(
        "--strict",
        action="store_true",
        help="also report lint warnings (unused states, objectives nothing can affect, endings"
        " that can never be reached...) and fail on any",
    )
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("power", help="exact voting power of each member of a body")
    p.add_argument("file", help="scenario file (.toml)")
    p.add_argument("--body", required=True, help="id of the voting body, e.g. unsc")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_power)

    p = sub.add_parser(
        "replay", help="replay a command log or a saved game and print the state hash monthly"
    )
    p.add_argument("file", help="scenario file the log was recorded on")
    p.add_argument("log", help="command log written by `mandate run --log`, or a saved game")
    p.set_defaults(func=cmd_replay)

    p = sub.add_parser(
        "calibrate", help="check the model against published effect sizes over many seeds"
    )
    p.add_argument("--runs", type=int, default=200, help="runs per experiment (default 200)")
    p.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    p.add_argument("--scenario", help="calibration scenario (default: the bundled generic one)")
    p.set_defaults(func=cmd_calibrate)

    p = sub.add_parser("schema", help="write the scenario JSON Schema")
    p.add_argument("--output", default="scenarios/schema.json", help="path, or - for stdout")
    p.add_argument(
        "--force", action="store_true", help="replace an existing file that is not a schema"
    )
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("list", help="list the bundled scenarios and yours, with their ids")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("new", help="write a commented skeleton scenario to start from")
    p.add_argument("name", metavar="NAME", help="the new scenario's id (letters, digits, _, -)")
    p.add_argument(
        "--output",
        metavar="PATH",
        help="where to write it (default: NAME.toml in your own scenarios folder, which the"
        " title screen lists)",
    )
    p.set_defaults(func=cmd_new)

    p = sub.add_parser(
        "experiment", help="play a scenario and overlay variants over many seeds; compare them"
    )
    p.add_argument("file", help="scenario file (.toml)")
    p.add_argument(
        "--variant",
        action="append",
        default=[],
        metavar="OVERLAY",
        help="an overlay file patching the scenario (repeatable); see the designer's guide",
    )
    p.add_argument("--seeds", type=int, default=100, help="games per arm (default 100)")
    p.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    p.add_argument("--workers", type=int, default=1, help="local worker processes (default 1)")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help='a dask.distributed scheduler, e.g. tcp://host:8786 (pip install -e ".[cluster]")',
    )
    p.add_argument("--months", type=int, default=None, help="stop each game after N months")
    p.add_argument(
        "--historical",
        action="store_true",
        help="penholders table each draft as written, in its month (counterfactual texts)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON document instead")
    p.add_argument("--plot", metavar="PNG", help="also draw endings and deaths to PNG")
    p.set_defaults(func=cmd_experiment)

    p = sub.add_parser(
        "audit", help="play a scenario many ways; report what its designer should look at"
    )
    p.add_argument("file", help="scenario file (.toml)")
    p.add_argument("--seeds", type=int, default=30, help="games per line of play (default 30)")
    p.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    p.add_argument("--workers", type=int, default=1, help="local worker processes (default 1)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a dask.distributed scheduler")
    p.add_argument(
        "--win-share",
        type=float,
        default=0.9,
        help="report a fixed line of play that meets every objective in at least this share"
        " of games (default 0.9)",
    )
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("report", help="write a saved game's debrief as an offline HTML page")
    p.add_argument("save", metavar="SAVE", help="a saved game (.json)")
    p.add_argument("--output", required=True, metavar="DIR", help="folder for index.html + PNGs")
    p.add_argument(
        "--turning-seeds",
        type=int,
        default=5,
        metavar="N",
        help="seeds on which each of the player's decisions is taken back to find the turning"
        " points (default 5; 0 leaves them out)",
    )
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("compare", help="a class's saves of one scenario in one HTML page")
    p.add_argument(
        "saves",
        nargs="+",
        metavar="SAVE",
        help="saved games (.json) of one scenario; a game that went back to an earlier month"
        " shows its original and each branch as groups of their own",
    )
    p.add_argument("--output", required=True, metavar="DIR", help="folder for index.html + PNG")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("play", help="play in a window (the default with no command)")
    p.add_argument("file", nargs="?", help="scenario id or file (default: the tutorial)")
    p.add_argument("--seed", type=int, default=None, help="seed of new games (default: random)")
    p.add_argument(
        "--frames", type=int, default=None, help="run N frames and stop (headless smoke runs)"
    )
    p.add_argument("--screenshot", metavar="PNG", help="with --frames: save the last frame")
    p.add_argument(
        "--designer",
        action="store_true",
        help="designer mode: F5 reloads FILE from disk, keeping the month while the file still"
        " fits; load problems (FILE:LINE:COL) show in the window",
    )
    p.set_defaults(func=cmd_play)

    from sim.net.cli import add_parsers

    add_parsers(sub)
    return parser


def _resolve_scenario_ids(args: argparse.Namespace) -> str | None:
    """Replace scenario ids among the arguments by their files; returns an argument that is
    neither an existing file nor a known id, when it is a bare name (a missing path is left for
    the loader to report where it points)."""
    from sim.scenario.catalogue import locate

    attribute = SCENARIO_ARGUMENTS.get(args.command or "")
    value = getattr(args, attribute, None) if attribute else None
    if attribute is None or value is None:
        return None
    resolved = []
    for name in [value] if isinstance(value, str) else value:
        path = locate(name)
        if path is None and Path(name).name == name and not name.endswith(".toml"):
            return str(name)
        resolved.append(str(path) if path is not None else name)
    setattr(args, attribute, resolved[0] if isinstance(value, str) else resolved)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mandate`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        # No command: open the game; where no window can open, say why and what to run instead.
        why = _display_problem(headless=False)
        if why is not None:
            return _fail(NO_DISPLAY.format(why=why, file="tutorial"), EXIT_PROBLEMS)
        args = parser.parse_args(["play"])
    unknown = _resolve_scenario_ids(args)
    if unknown is not None:
        return _fail(
            f"no scenario {unknown!r}: not a file, nor the id of a bundled scenario or of one of"
            " yours (mandate list shows them)",
            EXIT_PROBLEMS,
        )
    if getattr(args, "months", None) is not None and args.months < 1:
        return _fail("--months must be at least 1")
    if getattr(args, "runs", 1) < 1:
        return _fail("--runs must be at least 1")
    if (getattr(args, "seed", 0) or 0) < 0:
        return _fail("--seed must be a non-negative integer")
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return code


if __name__ == "__main__":
    sys.exit(main())
