"""Build script: the ``sim`` packages, plus the repository's data folders installed inside it.

The top-level ``scenarios/`` and ``assets/`` folders are the designers' and artists' working
folders; a wheel carries them as the packages ``sim.bundled.scenarios`` and ``sim.bundled.assets``
(their files are listed under ``[tool.setuptools.package-data]`` in pyproject.toml). Every other
setting is in pyproject.toml; only this list of packages needs code, because it adds the two
mapped folders to the packages found under ``sim/``. An editable install maps the same names to
the folders themselves, so the code finds its data the same way in both (see ``sim.bundled``).
"""

from setuptools import find_packages, setup

BUNDLED = {"sim.bundled.scenarios": "scenarios", "sim.bundled.assets": "assets"}

setup(packages=[*find_packages(include=["sim", "sim.*"]), *BUNDLED], package_dir=BUNDLED)
