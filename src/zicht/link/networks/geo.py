"""Where a network's ads were placed, on a plain SVG map of the Netherlands.

Coordinates of the cities where ads are placed ship here (rounded town-centre
latitude/longitude, public facts), so the map needs no tiles and no request to anyone.
The outline is a coarse polygon of the country: enough to see a route, not to navigate.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

CITIES: dict[str, tuple[float, float]] = {
    "amsterdam": (52.37, 4.90), "rotterdam": (51.92, 4.48), "den haag": (52.08, 4.30),
    "utrecht": (52.09, 5.12), "eindhoven": (51.44, 5.47), "groningen": (53.22, 6.57),
    "tilburg": (51.56, 5.09), "almere": (52.37, 5.22), "breda": (51.59, 4.78),
    "nijmegen": (51.84, 5.85), "arnhem": (51.98, 5.91), "haarlem": (52.38, 4.64),
    "enschede": (52.22, 6.89), "maastricht": (50.85, 5.69), "zwolle": (52.52, 6.09),
    "leiden": (52.16, 4.49), "den bosch": (51.69, 5.30), "apeldoorn": (52.21, 5.97),
    "alkmaar": (52.63, 4.75), "venlo": (51.37, 6.17), "den helder": (52.96, 4.76),
    "heerlen": (50.89, 5.98), "amersfoort": (52.16, 5.39), "dordrecht": (51.81, 4.67),
    "zaanstad": (52.44, 4.83), "leeuwarden": (53.20, 5.80), "schiedam": (51.92, 4.40),
    "haarlemmermeer": (52.30, 4.69), "roosendaal": (51.53, 4.46), "emmen": (52.78, 6.90),
    "deventer": (52.25, 6.16), "helmond": (51.48, 5.66), "oss": (51.77, 5.52),
    "vlissingen": (51.44, 3.57), "delft": (52.01, 4.36), "zoetermeer": (52.06, 4.49),
    "hilversum": (52.22, 5.18), "assen": (52.99, 6.56), "middelburg": (51.50, 3.61),
    "lelystad": (52.52, 5.47), "hengelo": (52.27, 6.79), "sittard": (51.00, 5.87),
}  # fmt: skip
ALIASES = {
    "'s-gravenhage": "den haag", "s-gravenhage": "den haag", "the hague": "den haag",
    "dh": "den haag", "adam": "amsterdam", "a'dam": "amsterdam", "r'dam": "rotterdam",
    "'s-hertogenbosch": "den bosch", "s-hertogenbosch": "den bosch", "hoofddorp": "haarlemmermeer",
    "schiphol": "haarlemmermeer", "zaandam": "zaanstad", "sittard-geleen": "sittard",
}  # fmt: skip
# The coast and borders, clockwise from Cadzand (longitude, latitude).
OUTLINE = (
    (3.36, 51.37), (3.83, 51.29), (4.24, 51.37), (4.40, 51.36), (4.55, 51.48), (4.93, 51.44),
    (5.10, 51.43), (5.48, 51.30), (5.56, 51.22), (5.64, 51.04), (5.62, 50.86), (5.68, 50.75),
    (6.02, 50.76),
    (6.08, 50.92), (5.90, 51.05), (6.17, 51.16), (6.07, 51.36), (6.22, 51.51), (5.95, 51.80),
    (6.17, 51.85), (6.40, 51.83), (6.83, 51.97), (6.70, 52.05), (7.06, 52.23), (7.07, 52.45),
    (6.70, 52.48), (6.73, 52.63), (7.05, 52.64), (7.21, 53.24), (6.90, 53.35), (6.20, 53.41),
    (5.60, 53.30), (5.40, 53.20), (5.05, 52.95), (4.75, 52.96), (4.60, 52.55), (4.43, 52.20),
    (4.10, 51.98), (3.98, 51.80), (3.70, 51.70), (3.44, 51.54),
)  # fmt: skip
WEST, EAST, SOUTH, NORTH = 3.2, 7.3, 50.7, 53.6
WIDTH = 400
SCALE = WIDTH / ((EAST - WEST) * 0.62)  # a degree of longitude is ~0.62 of one of latitude here
HEIGHT = round((NORTH - SOUTH) * SCALE)


def canonical(city: str) -> str:
    text = unicodedata.normalize("NFKD", city).encode("ascii", "ignore").decode().strip().lower()
    return ALIASES.get(text, text)


def project(lat: float, lon: float) -> tuple[float, float]:
    """SVG x, y (pixels) of a point: an equirectangular projection, good enough at 52° N."""
    return round((lon - WEST) * 0.62 * SCALE, 1), round((NORTH - lat) * SCALE, 1)


def outline_points() -> str:
    return " ".join(f"{x},{y}" for x, y in (project(lat, lon) for lon, lat in OUTLINE))


@dataclass(frozen=True)
class CityPoint:
    city: str
    x: float
    y: float
    ads: int


def city_points(counts: dict[str, int]) -> tuple[list[CityPoint], list[str]]:
    """Points of the cities with their number of ads, and the cities not on the map."""
    placed: dict[str, int] = {}
    unknown: list[str] = []
    for city, n in counts.items():
        key = canonical(city)
        if key in CITIES:
            placed[key] = placed.get(key, 0) + n
        elif city:
            unknown.append(city)
    points = [CityPoint(c, *project(*CITIES[c]), n) for c, n in sorted(placed.items())]
    return points, sorted(unknown)
