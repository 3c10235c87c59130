"""The bundled scenarios: installed as the package ``sim.bundled.scenarios`` (see setup.py)."""
