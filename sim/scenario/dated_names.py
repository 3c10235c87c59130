"""Names of states that changed: a historical scenario should show the name of its date.

The world roster gives today's short names (Czechia, Cabo Verde, Türkiye). Each entry below
records a name and the month it came into use at the UN, with the name used before; the lint
``name-of-another-date`` warns when a scenario whose ``start`` is earlier shows the newer name.
"""

from __future__ import annotations

# id → (name, "YYYY-MM" it came into use, the name before it).
RENAMED: dict[str, tuple[str, str, str]] = {
    "CPV": ("Cabo Verde", "2013-10", "Cape Verde"),
    "CZE": ("Czechia", "2016-05", "Czech Republic"),
    "MKD": ("North Macedonia", "2019-02", "the former Yugoslav Republic of Macedonia"),
    "SWZ": ("Eswatini", "2018-04", "Swaziland"),
    "TUR": ("Türkiye", "2022-06", "Turkey"),
    "COD": ("DR Congo", "1997-05", "Zaire"),
    "RUS": ("Russia", "1991-12", "Soviet Union"),
    "MMR": ("Myanmar", "1989-06", "Burma"),
}


def name_of_another_date(state: str, name: str, start: str) -> str | None:
    """The name ``state`` had in month ``start`` ("YYYY-MM") when ``name`` came later, else None."""
    entry = RENAMED.get(state)
    if entry is None or entry[0] != name or start >= entry[1]:
        return None
    return entry[2]
