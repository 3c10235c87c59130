"""``mandate serve`` and ``mandate join``: the classroom from the command line."""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
from pathlib import Path

from sim.scenario.loader import ScenarioError

DEFAULT_PORT = 8765


def cmd_serve(args: argparse.Namespace) -> int:
    """Start the authoritative game server; print one join code per human seat and the
    teacher's code; serve until the game ends (saving every month)."""
    from sim.net.classroom import Classroom
    from sim.net.server import ClassroomServer

    try:
        if args.resume:
            room = Classroom.resume(Path(args.resume))
        else:
            if not args.file:
                print("mandate serve: give a scenario FILE (or --resume SAVE)", file=sys.stderr)
                return 2
            humans = [h for h in (args.human or "").split(",") if h]
            if not humans:
                from sim.scenario.loader import load_scenario

                scenario = load_scenario(args.file)
                first = scenario.drafts[0].penholder if scenario.drafts else None
                humans = [h for h in (getattr(scenario, "player", None) or first,) if h]
            room = Classroom(Path(args.file), args.seed, humans)
    except ScenarioError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    except (OSError, ValueError, KeyError) as exc:
        print(f"mandate serve: {exc}", file=sys.stderr)
        return 1
    save = Path(args.save or args.resume or "classroom-save.json")
    server = ClassroomServer(room, save)

    async def main() -> None:
        port = await server.start(args.host, args.port)
        print(f"Serving {room.session.engine.world.title} on ws://{args.host}:{port}", flush=True)
        for seat, code in room.codes.items():
            print(f"  seat {seat}: join code {code}", flush=True)
        print(f"  teacher: join code {room.teacher_code}", flush=True)
        print(f"Saving every month to {save}", flush=True)
        await server.run()

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        server.autosave(force=True)
        return 130
    world = room.session.engine.world
    outcome = world.outcome.name if world.outcome else "not finished"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"The game has ended: {outcome}. Server peak memory {peak:.0f} MiB.", flush=True)
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    """Join a classroom game: the game window for the code's seat (or the teacher's); with
    ``--bot`` the AI plays the seat headless until the end."""
    if not args.bot:
        from sim.ui.app import NoDisplay
        from sim.ui.netwindow import open_window

        try:
            return open_window(args.url, args.code)
        except NoDisplay as exc:
            print(
                f"mandate join: cannot open the game window ({exc}); add --bot to let the"
                " AI play the seat headless",
                file=sys.stderr,
            )
            return 1
    from sim.net.client import Bot

    report = asyncio.run(Bot(args.url, args.code).run(limit=args.limit))
    for error in report.errors:
        print(f"server: {error}", file=sys.stderr)
    if report.outcome is None:
        print(f"mandate join: the game did not end for seat {report.seat or '?'}", file=sys.stderr)
        return 1
    print(f"{report.seat}: the game ended — {report.outcome}")
    return 0


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The serve and join subcommands."""
    p = sub.add_parser("serve", help="serve a classroom game on the local network")
    p.add_argument("file", nargs="?", help="scenario file (.toml)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 8765; 0: any)")
    p.add_argument("--human", metavar="ID,ID,...", help="seats people hold (the rest: AI)")
    p.add_argument("--save", metavar="PATH", help="autosave file (default classroom-save.json)")
    p.add_argument("--resume", metavar="SAVE", help="continue a saved classroom game")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("join", help="join a classroom game with your join code")
    p.add_argument("url", help="the server's address, ws://HOST:PORT")
    p.add_argument("--code", required=True, help="your join code")
    p.add_argument("--bot", action="store_true", help="let the AI play the seat, headless")
    p.add_argument("--limit", type=float, default=3600.0, help="give up after N seconds")
    p.set_defaults(func=cmd_join)
