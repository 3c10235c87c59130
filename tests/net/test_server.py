"""The classroom server with real sockets on 127.0.0.1: bots play a whole game while wrong,
malformed, oversized and flooding messages are refused; a dropped seat reconnects; private
messages reach only their addressee and the teacher; a killed server resumes."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from websockets.asyncio.client import connect

from sim.net.classroom import Classroom
from sim.net.client import Bot
from sim.net.protocol import MAX_MESSAGE_BYTES
from sim.net.server import BURST, ClassroomServer

TUTORIAL = Path(__file__).resolve().parents[2] / "scenarios" / "tutorial.toml"
LIMIT = 240.0


async def _recv_until(ws: Any, kind: str, limit: float = 10.0) -> dict[str, Any]:
    deadline = time.monotonic() + limit
    while True:
        frame = json.loads(await asyncio.wait_for(ws.recv(), deadline - time.monotonic()))
        if frame["type"] == kind:
            return frame


async def _classroom_game(tmp_path: Path) -> dict[str, Any]:
    room = Classroom(TUTORIAL, 3, ["ARN", "CAL", "FEN"])
    server = ClassroomServer(room, tmp_path / "save.json")
    port = await server.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}"
    serving = asyncio.create_task(server.run())
    seen: dict[str, Any] = {}

    async with connect(url) as ws:  # a wrong code is refused and the connection closed
        await ws.send(json.dumps({"type": "hello", "code": "not-a-code"}))
        seen["wrong_code"] = await _recv_until(ws, "error")
        await asyncio.wait_for(ws.wait_closed(), 5)

    teacher = await connect(url, max_size=None)
    await teacher.send(json.dumps({"type": "hello", "code": room.teacher_code}))
    await _recv_until(teacher, "welcome")
    teacher_frames: list[dict[str, Any]] = []

    async def read_teacher() -> None:
        with contextlib.suppress(Exception):
            async for raw in teacher:
                teacher_frames.append(json.loads(raw))

    reading = asyncio.create_task(read_teacher())

    # FEN's student misbehaves, then drops; FEN's bot later reconnects with the same code.
    async with connect(url) as ws:
        await ws.send(json.dumps({"type": "hello", "code": room.codes["FEN"]}))
        seen["fen_welcome"] = await _recv_until(ws, "welcome")
        await ws.send("{not json")
        seen["malformed"] = await _recv_until(ws, "error")
        await ws.send(
            json.dumps(
                {"type": "message", "id": 1, "to": "CAL", "text": "x" * (MAX_MESSAGE_BYTES + 10)}
            )
        )
        seen["oversized"] = await _recv_until(ws, "error")
        lobby = {"type": "lobby", "actor": "ARN", "target": "FEN", "dimension": "force"}
        await ws.send(json.dumps({"type": "command", "id": 2, "command": lobby}))
        seen["other_seat"] = await _recv_until(ws, "result")
        await ws.send(
            json.dumps(
                {
                    "type": "message",
                    "id": 3,
                    "to": "CAL",
                    "text": "secret-fen-to-cal",
                    "offer": {"kind": "pledge", "amount": 200.0},
                }
            )
        )
        await _recv_until(ws, "result")
        for n in range(BURST * 2):
            await ws.send(json.dumps({"type": "state", "id": 10 + n}))
        seen["flood"] = await _recv_until(ws, "error")

    bots = {seat: Bot(url, room.codes[seat], keep_frames=True) for seat in ("ARN", "CAL", "FEN")}
    reports = await asyncio.wait_for(
        asyncio.gather(*(b.run(limit=LIMIT) for b in bots.values())), LIMIT
    )
    seen["reports"] = dict(zip(bots, reports, strict=True))
    await asyncio.wait_for(serving, 30)
    await teacher.close()
    await asyncio.wait_for(reading, 10)
    seen["teacher_frames"] = teacher_frames
    seen["room"] = room
    return seen


def test_a_classroom_plays_to_the_end_refusing_what_does_not_belong(tmp_path: Path) -> None:
    seen = asyncio.run(_classroom_game(tmp_path))
    assert "unknown join code" in seen["wrong_code"]["reason"]
    assert "malformed" in seen["malformed"]["reason"]
    assert "too large" in seen["oversized"]["reason"]
    assert not seen["other_seat"]["ok"] and "you hold seat FEN" in seen["other_seat"]["reasons"][0]
    assert "too many messages" in seen["flood"]["reason"]
    room: Classroom = seen["room"]
    assert room.finished
    reports = seen["reports"]
    assert all(r.outcome == room.session.engine.world.outcome.name for r in reports.values())
    assert reports["FEN"].seat == "FEN", "FEN reconnected with its code and played on"
    # Private messages and factors: inspect what each client received.
    cal = json.dumps(reports["CAL"].frames)
    arn = json.dumps(reports["ARN"].frames)
    assert "secret-fen-to-cal" in cal and "secret-fen-to-cal" not in arn
    assert "secret-fen-to-cal" in json.dumps(seen["teacher_frames"])
    for frame in reports["ARN"].frames:
        if frame["type"] == "state":
            view = frame["view"]
            assert "teacher" not in view
            assert all(m["to"] == "ARN" or m["from"] == "ARN" for m in view["own"]["messages"])
            for stance in view["own"]["stances"].values():
                assert set(stance) == {"factors", "total", "yes_above", "no_below", "choice"}
    # Every seat voted in person: ARN, CAL and FEN cast their own votes (ballots in the log).
    log = [c.to_json() for c in room.session.engine.log]
    assert {c["actor"] for c in log if c["type"] == "cast_vote"} >= {"CAL", "FEN"}
    save = json.loads((tmp_path / "save.json").read_text())
    assert save["state_hash"] == room.to_json()["state_hash"]


def _serve(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "sim.cli", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def _banner(process: subprocess.Popen[str]) -> dict[str, str]:
    lines: dict[str, str] = {}
    assert process.stdout is not None
    for _ in range(10):
        line = process.stdout.readline()
        if match := re.search(r"ws://127\.0\.0\.1:(\d+)", line):
            lines["port"] = match.group(1)
        if match := re.search(r"(seat \w+|teacher): join code (\w+)", line):
            lines[match.group(1)] = match.group(2)
        if line.startswith("Saving"):
            return lines
    raise AssertionError(f"no banner: {lines}")


def test_a_killed_server_resumes_with_the_same_state_hash(tmp_path: Path) -> None:
    save = tmp_path / "lesson.json"
    server = _serve(
        [str(TUTORIAL), "--seed", "3", "--human", "ARN,CAL", "--port", "0", "--save", str(save)]
    )
    try:
        banner = _banner(server)
        url = f"ws://127.0.0.1:{banner['port']}"

        async def play_some() -> None:
            bots = [Bot(url, banner["seat ARN"]), Bot(url, banner["seat CAL"])]
            tasks = [asyncio.create_task(b.run(limit=60)) for b in bots]
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                await asyncio.sleep(0.1)
                if save.exists() and json.loads(save.read_text())["journal"][10:]:
                    break
            server.send_signal(signal.SIGKILL)
            server.wait(10)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run(play_some())
    finally:
        server.kill()
        server.wait(10)
    saved = json.loads(save.read_text())
    resumed = _serve(["--resume", str(save), "--port", "0"])
    try:
        banner = _banner(resumed)
        assert banner["seat ARN"] == saved["codes"]["ARN"], "students keep their codes"

        async def welcome() -> dict[str, Any]:
            async with connect(f"ws://127.0.0.1:{banner['port']}") as ws:
                await ws.send(json.dumps({"type": "hello", "code": banner["teacher"]}))
                return await _recv_until(ws, "welcome")

        assert asyncio.run(welcome())["state_hash"] == saved["state_hash"]
    finally:
        resumed.kill()
        resumed.wait(10)
