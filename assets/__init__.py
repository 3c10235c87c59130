"""The game's fonts, theme and images: installed as ``sim.bundled.assets`` (see setup.py)."""
