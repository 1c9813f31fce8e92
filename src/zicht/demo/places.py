"""Places: the 342 municipalities of 2025 and the cities where ads are placed."""

from __future__ import annotations

import csv
import random
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from zicht.demo.noise import pick


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    unit_code: str
    unit_name: str


@cache
def municipalities() -> tuple[Municipality, ...]:
    """Every 2025 municipality with its police unit, from the package's copy of the CSV."""
    path = resources.files("zicht.demo") / "data" / "gemeente_politie_eenheid_2025.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(
        Municipality(r["gemeente_code"], r["gemeente_naam"], r["eenheid_code"], r["eenheid_naam"])
        for r in rows
    )


@cache
def by_name() -> dict[str, Municipality]:
    return {m.name: m for m in municipalities()}


# Cities where most ads are placed, weighted by how busy their ad market is.
AD_CITIES: dict[str, int] = {
    "Amsterdam": 30,
    "Rotterdam": 20,
    "'s-Gravenhage": 16,
    "Utrecht": 14,
    "Eindhoven": 9,
    "Groningen": 7,
    "Tilburg": 6,
    "Almere": 6,
    "Breda": 6,
    "Nijmegen": 5,
    "Arnhem": 5,
    "Haarlem": 5,
    "Enschede": 4,
    "Apeldoorn": 3,
    "Zwolle": 3,
    "Maastricht": 4,
    "Leiden": 3,
    "Den Helder": 2,
    "Venlo": 3,
    "Heerlen": 3,
    "Alkmaar": 3,
    "Amersfoort": 3,
    "Dordrecht": 2,
    "Zaanstad": 2,
    "Leeuwarden": 2,
    "Schiedam": 2,
    "Hoofddorp": 0,
    "Haarlemmermeer": 2,
    "Roosendaal": 1,
    "Emmen": 1,
    "Deventer": 1,
    "Helmond": 1,
    "Oss": 1,
    "Vlissingen": 1,
}
# How people write the city in an ad.
CITY_ALIASES = {
    "'s-Gravenhage": ["Den Haag", "The Hague", "Den Haag", "DH"],
    "Amsterdam": ["Amsterdam", "Adam", "A'dam", "Amsterdam"],
    "Rotterdam": ["Rotterdam", "R'dam", "Rotterdam"],
    "Haarlemmermeer": ["Hoofddorp", "Haarlemmermeer", "Schiphol"],
}


@cache
def _ad_city_table() -> tuple[list[str], list[int]]:
    names = [n for n, w in AD_CITIES.items() if w and n in by_name()]
    cumulative, total = [], 0
    for name in names:
        total += AD_CITIES[name]
        cumulative.append(total)
    return names, cumulative


def ad_city(rng: random.Random) -> str:
    names, cumulative = _ad_city_table()
    return rng.choices(names, cum_weights=cumulative)[0]


def city_label(rng: random.Random, city: str) -> str:
    return pick(rng, CITY_ALIASES[city]) if city in CITY_ALIASES else city


def any_municipality(rng: random.Random, big: float = 0.6) -> Municipality:
    """A municipality; with probability `big` one of the busy cities."""
    if rng.random() < big:
        return by_name()[ad_city(rng)]
    return pick(rng, municipalities())


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


STREETS = (
    "Stationsplein",
    "Kerkstraat",
    "Dorpsstraat",
    "Molenweg",
    "Industrieweg",
    "Hoofdstraat",
    "Marktplein",
    "Nieuwe Binnenweg",
    "Parallelweg",
    "Havenkade",
    "Schoolstraat",
    "Julianalaan",
    "Wilhelminastraat",
    "Beatrixlaan",
    "Oranjestraat",
    "Kanaalweg",
    "Spoorlaan",
    "Zuidwal",
    "Westersingel",
    "Bedrijvenpark Noord",
    "Rijksweg",
    "Burgemeester de Raadtsingel",
    "Vijverlaan",
    "Amstelveenseweg",
    "Bijlmerplein",
    "Lange Nieuwstraat",
    "Korte Poten",
    "Grote Markt",
)
PLACES = (
    "het station",
    "de supermarkt",
    "een hotel",
    "het winkelcentrum",
    "een bedrijfspand",
    "de snackbar",
    "een woning",
    "het park",
    "een kas",
    "een distributiecentrum",
    "de parkeergarage",
    "een nagelstudio",
    "een autowasstraat",
    "een shishalounge",
    "een vakantiepark",
)


def street(rng: random.Random) -> str:
    return f"{pick(rng, STREETS)} {rng.randint(1, 240)}"
