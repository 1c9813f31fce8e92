"""Phone numbers as advertisers write them, from tidy to deliberately obfuscated.

Networks hide a shared number from simple search by spelling digits as words,
spacing them out or mixing in look-alike letters; honest advertisers mostly
write the number plainly.
"""

from __future__ import annotations

import random

from zicht.demo.noise import chance, pick

NL_WORDS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
EN_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
EMOJI = tuple(f"{d}\ufe0f\u20e3" for d in "0123456789")
LOOKALIKE = {"0": "o", "1": "l"}


def mobile(rng: random.Random) -> str:
    """A Dutch mobile number in national form, e.g. '0612345678'."""
    return "06" + str(rng.randint(1, 5)) + "".join(str(rng.randrange(10)) for _ in range(7))


def landline(rng: random.Random) -> str:
    area = pick(rng, ["020", "010", "070", "030", "040"])
    return area + "".join(str(rng.randrange(10)) for _ in range(7))


def plain(rng: random.Random, number: str) -> str:
    """The ways an honest advertiser writes a number."""
    sub = number[2:]
    return pick(
        rng,
        [
            number,
            f"06-{sub}",
            f"06 {sub}",
            f"+31 6 {sub}",
            f"+316{sub}",
            f"06-{sub[:4]} {sub[4:]}",
            f"06 {sub[:2]} {sub[2:4]} {sub[4:6]} {sub[6:]}",
            f"(06) {sub}",
            f"0031 6 {sub}",
        ],
    )


def _pairs(digits: str) -> str:
    return " ".join(digits[i : i + 2] for i in range(0, len(digits), 2))


def obfuscated(rng: random.Random, number: str) -> str:
    """How a network hides a number from keyword search; always recoverable by a reader."""
    sub = number[2:]
    style = rng.randrange(9)
    if style == 0:
        return f"06-{_pairs(sub)}"
    if style == 1:  # look-alike letters and some digits as words
        out = []
        for ch in number:
            if ch in LOOKALIKE and chance(rng, 0.5):
                out.append(LOOKALIKE[ch])
            elif chance(rng, 0.2):
                out.append(EN_WORDS[int(ch)])
            else:
                out.append(ch)
        return "".join(out[:2]) + " " + "".join(out[2:])
    if style == 2:
        return " ".join(NL_WORDS[int(c)] for c in number)
    if style == 3:
        return " ".join(EN_WORDS[int(c)] for c in number)
    if style == 4:
        return " ".join(number)
    if style == 5:
        return "".join(EMOJI[int(c)] for c in number)
    if style == 6:
        return f"+31 6 {_pairs(sub)}"
    if style == 7:  # mixed: first half digits, rest words
        return (
            number[:6] + " " + " ".join(pick(rng, [NL_WORDS, EN_WORDS])[int(c)] for c in number[6:])
        )
    return "o6." + ".".join(sub[i : i + 2] for i in range(0, 8, 2))


def e164(number: str) -> str:
    return "+31" + number[1:]
