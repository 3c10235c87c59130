"""The classroom over the local network: an authoritative game server and its clients.

:mod:`sim.net.protocol` (validated messages), :mod:`sim.net.views` (what each seat may see),
:mod:`sim.net.classroom` (the game the server owns), :mod:`sim.net.server` (asyncio and
websockets), :mod:`sim.net.client` (bots and the command-line client); its load benchmark is
:mod:`sim.devtools.bench_net`.
"""
