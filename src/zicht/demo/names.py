"""People's names by origin, and the ways one name gets written differently.

A name is a tuple of accepted spellings (transliterations, with and without
diacritics); the first is the one in the person's passport.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from zicht.demo.noise import chance, pick, strip_accents, typo

Spellings = tuple[str, ...]


@dataclass(frozen=True)
class Origin:
    code: str  # ISO 3166 alpha-3 citizenship
    language: str
    female: tuple[Spellings, ...]
    male: tuple[Spellings, ...]
    family: tuple[Spellings, ...]


def _s(text: str) -> tuple[Spellings, ...]:
    """'a/b c d/e' -> (('a','b'), ('c',), ('d','e'))."""
    return tuple(tuple(part.split("/")) for part in text.split())


ORIGINS: dict[str, Origin] = {
    "NLD": Origin(
        "NLD",
        "nl",
        _s(
            "Anna Sanne Lisa Fleur Emma Sophie Iris Noa Femke Lotte Esther Marieke Kim Demi Britt "
            "Naomi Shanice Chantal Jamie Lieke"
        ),
        _s(
            "Daan Sem Jeroen Thijs Bas Kevin Mike Rick Niels Tim Joost Sander Mohamed Youssef "
            "Dennis"
        ),
        _s(
            "Jansen de_Vries van_den_Berg Bakker Visser Smit Meijer/Meyer de_Boer Mulder de_Groot "
            "Bos Vos Peters van_Dijk Hendriks van_der_Linden Dekker Brouwer de_Wit Kok van_Leeuwen "
            "van_der_Meer Willems Hoekstra Schouten"
        ),
    ),
    "POL": Origin(
        "POL",
        "pl",
        _s(
            "Małgorzata/Malgorzata Agnieszka Katarzyna Joanna Żaneta/Zaneta Magdalena Aleksandra "
            "Justyna Paulina Weronika"
        ),
        _s(
            "Łukasz/Lukasz Paweł/Pawel Krzysztof Tomasz Michał/Michal Piotr Grzegorz Marcin "
            "Wojciech "
            "Jarosław/Jaroslaw"
        ),
        _s(
            "Kowalski Nowak Wiśniewski/Wisniewski Wójcik/Wojcik Kowalczyk Kamiński/Kaminski "
            "Lewandowski Zieliński/Zielinski Szymański/Szymanski Woźniak/Wozniak "
            "Dąbrowski/Dabrowski "
            "Kozłowski/Kozlowski Mazur Krawczyk"
        ),
    ),
    "ROU": Origin(
        "ROU",
        "ro",
        _s(
            "Ioana Andreea Mihaela/Mihaella Alexandra Florentina Ștefania/Stefania/Ştefania "
            "Georgiana Denisa Bianca Roxana Larisa Alina"
        ),
        _s(
            "Ștefan/Stefan/Ştefan Ionuț/Ionut/Ionuţ Mihai Andrei Florin Gheorghe/George Constantin "
            "Vasile Marian Adrian"
        ),
        _s(
            "Popescu Ionescu Popa Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu Munteanu "
            "Lăcătuș/Lacatus/Lăcătuş Constantinescu Bălan/Balan Dinu Țurcanu/Turcanu"
        ),
    ),
    "BGR": Origin(
        "BGR",
        "bg",
        _s(
            "Desislava/Dessislava Yordanka/Iordanka/Jordanka Mariya/Maria/Mariia "
            "Tsvetelina/Cvetelina "
            "Radostina Gergana Veselina Hristina/Christina/Kristina"
        ),
        _s(
            "Georgi/Gueorgui/Georgy Dimitar/Dimityr/Dimitur Hristo/Christo/Khristo Ivaylo/Ivailo "
            "Yordan/Iordan/Jordan Stoyan/Stoian"
        ),
        _s(
            "Georgiev/Gueorguiev Ivanov Petrov Dimitrov Stoyanov/Stoianov Hristov/Christov "
            "Yordanov/Iordanov Kostadinov Angelov Todorov Nikolov Zhelyazkov/Jeliazkov/Zheliazkov"
        ),
    ),
    "NGA": Origin(
        "NGA",
        "en",
        _s(
            "Blessing Precious Joy Favour Gift Osas Efe Peace Mercy Esohe Ifeoma Chioma/Chiomma "
            "Adaeze Nneka Omoye"
        ),
        _s("Osagie Emeka Chinedu/Chinedum Tunde Ikenna Efosa Uche Osaro"),
        _s(
            "Okafor Osagie Igbinedion Okonkwo Adeyemi Eze Omoregie Obaseki Iyamu Ogbeide Nwosu "
            "Aigbe Edosomwan Okoro"
        ),
    ),
    "UKR": Origin(
        "UKR",
        "uk",
        _s(
            "Yuliia/Yulia/Iuliia/Julia Oksana Olena/Elena Kateryna/Katerina "
            "Nataliia/Natalia/Natalya "
            "Anastasiia/Anastasia Viktoriia/Viktoria/Victoria Iryna/Irina"
        ),
        _s(
            "Oleksandr/Aleksandr/Oleksander Serhii/Sergii/Sergey Andrii/Andriy/Andrei "
            "Dmytro/Dmitro "
            "Yurii/Yuriy/Iurii"
        ),
        _s(
            "Shevchenko/Chevtchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk/Melnik "
            "Oliinyk/Oleynik Koval Tkachuk Savchenko/Sawczenko"
        ),
    ),
    "HUN": Origin(
        "HUN",
        "hu",
        _s("Zsófia/Zsofia Réka/Reka Anikó/Aniko Erzsébet/Erzsebet Krisztina Nikolett Vivien"),
        _s("László/Laszlo Zoltán/Zoltan Gábor/Gabor Balázs/Balazs István/Istvan"),
        _s(
            "Nagy Kovács/Kovacs Tóth/Toth Szabó/Szabo Horváth/Horvath Varga Kiss Lakatos Balogh "
            "Farkas Oláh/Olah"
        ),
    ),
    "VNM": Origin(
        "VNM",
        "vi",
        _s("Thị_Lan/Thi_Lan Ngọc_Anh/Ngoc_Anh Thu_Trang Hương/Huong Linh Mai"),
        _s("Văn_Minh/Van_Minh Đức/Duc Quang_Huy Tuấn/Tuan Hoàng/Hoang"),
        _s("Nguyễn/Nguyen Trần/Tran Lê/Le Phạm/Pham Hoàng/Hoang Vũ/Vu Đặng/Dang"),
    ),
    "THA": Origin(
        "THA",
        "th",
        _s("Siriporn/Siriphorn Nattaya/Nattaja Kanya Pornthip/Ponthip Malee/Mali"),
        _s("Somchai/Somchay Anan Kittisak"),
        _s("Suksawat/Suksawad Chaiyaporn Wongsakul/Wongsakoon Srisuk Rattanakorn"),
    ),
    "COL": Origin(
        "COL",
        "es",
        _s("María/Maria Valentina Daniela Camila Luisa_Fernanda Yésica/Yesica/Jessica"),
        _s("Andrés/Andres Julián/Julian Camilo Sebastián/Sebastian"),
        _s(
            "Rodríguez/Rodriguez Gómez/Gomez Martínez/Martinez López/Lopez Hernández/Hernandez "
            "Restrepo Muñoz/Munoz"
        ),
    ),
    "ERI": Origin(
        "ERI",
        "ti",
        _s("Selam/Salam Helen Mebrat Senait/Senayt Yohana/Johanna Rahel/Rachel"),
        _s("Tesfay/Tesfai Yonas/Jonas Habte Mehari"),
        _s("Tesfamariam/Tesfamaryam Ghebremedhin/Gebremedhin Kidane Haile/Hayle Berhane/Berhe"),
    ),
}
# Where victims registered in the Netherlands come from, roughly (CoMensha annual figures).
ORIGIN_WEIGHTS = {
    "NLD": 40,
    "ROU": 9,
    "POL": 8,
    "BGR": 7,
    "NGA": 7,
    "UKR": 8,
    "HUN": 5,
    "VNM": 4,
    "THA": 3,
    "COL": 4,
    "ERI": 5,
}


_CODES = list(ORIGIN_WEIGHTS)
_CUMULATIVE = [sum(list(ORIGIN_WEIGHTS.values())[: i + 1]) for i in range(len(_CODES))]


def choose_origin(rng: random.Random) -> Origin:
    return ORIGINS[rng.choices(_CODES, cum_weights=_CUMULATIVE)[0]]


def person_name(rng: random.Random, origin: Origin, sex: str) -> tuple[Spellings, Spellings]:
    given = pick(rng, origin.female if sex == "F" else origin.male)
    family = pick(rng, origin.family)
    if sex == "F" and origin.code in {"BGR", "UKR"} and family[0].endswith("ov"):
        family = tuple(f + "a" for f in family)
    if sex == "F" and origin.code == "POL" and family[0].endswith("ski"):
        family = tuple(f[:-1] + "a" for f in family)
    return given, family


def display(part: str) -> str:
    return part.replace("_", " ")


def _tussenvoegsel(rng: random.Random, family: str) -> str:
    """'van den Berg' as 'Van den Berg', 'Berg, van den', 'vd Berg' or 'Berg'."""
    words = family.split(" ")
    if len(words) < 2:
        return family
    prefix, core = " ".join(words[:-1]), words[-1]
    return pick(
        rng,
        [
            prefix.capitalize() + " " + core,
            f"{core}, {prefix}",
            f"{core} {prefix}",
            core,
            "".join(w[0] for w in prefix.split()) + " " + core,
            prefix + core,
        ],
    )


def written(rng: random.Random, spellings: Spellings, noisy: float) -> str:
    """How one name part ends up written by one clerk."""
    text = display(spellings[0])
    if len(spellings) > 1 and chance(rng, noisy):
        text = display(pick(rng, spellings[1:]))
    if chance(rng, noisy * 0.4):
        text = strip_accents(text)
    if chance(rng, noisy * 0.5):
        text = _tussenvoegsel(rng, text)
    if chance(rng, noisy * 0.35):
        text = " ".join(typo(rng, w) for w in text.split(" "))
    if chance(rng, noisy * 0.1):
        text = text.upper()
    return text
