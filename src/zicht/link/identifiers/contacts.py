"""E-mail addresses, messenger/social handles and URLs, including their spelled-out forms.

Values are normalised so that two ads that show one contact produce one identifier:
e-mail lower-cased, handles as `platform:name` (`telegram:lisa_x`), URLs as host + path
without scheme, `www.` or trailing slash. `wa.me/<number>` is a WhatsApp number: a phone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TLDS = (
    "com|nl|be|de|net|org|eu|info|fr|uk|co|ru|ro|bg|hu|pl|ua|es|it|io|me|biz|xyz|online|club|"
    "site|app|cz|sk|lt|lv|ee|at|ch|se|dk|no|fi|pt|gr|tr|th|ph|cn|vn|br|ng|us|ca|mail|email"
)
_AT = r"(?:\s*@\s*|\s*[\[({]\s*(?:at|apenstaartje)\s*[\])}]\s*|\s+(?:at|apenstaartje)\s+)"
_DOT = r"(?:\.|\s*[\[({]\s*(?:dot|punt)\s*[\])}]\s*|\s+(?:dot|punt)\s+)"
EMAIL = re.compile(
    rf"(?<![\w.+-])(?P<user>[a-z0-9][a-z0-9._%+-]{{0,63}})(?P<at>{_AT})"
    rf"(?P<host>[a-z0-9][a-z0-9-]{{0,62}}(?:{_DOT}[a-z0-9][a-z0-9-]{{0,62}})*?)"
    rf"(?P<dot>{_DOT})(?P<tld>{TLDS})(?![\w-])",
    re.IGNORECASE,
)
_AT_WORDS = (" at ", "(at)", "[at]", "{at}", "( at )", "[ at ]", "apenstaartje")
_DOT_ONLY = re.compile(_DOT, re.IGNORECASE)

PLATFORMS = {
    "telegram": "telegram", "tg": "telegram", "tele": "telegram",
    "whatsapp": "whatsapp", "whats app": "whatsapp", "wa": "whatsapp", "app": "whatsapp",
    "snapchat": "snapchat", "snap": "snapchat", "sc": "snapchat",
    "instagram": "instagram", "insta": "instagram", "ig": "instagram",
    "signal": "signal", "kik": "kik", "onlyfans": "onlyfans", "of": "onlyfans",
    "twitter": "twitter", "x": "twitter", "tiktok": "tiktok",
}  # fmt: skip
_PLATFORM = "|".join(sorted((re.escape(p) for p in PLATFORMS), key=len, reverse=True))
HANDLE = re.compile(
    rf"(?<![\w@])(?P<platform>{_PLATFORM})\s*(?:[:=]\s*@?|@)\s*(?P<name>[a-z][a-z0-9_.]{{2,31}})(?<![.])",
    re.IGNORECASE,
)
BARE_HANDLE = re.compile(r"(?<![\w@.])@(?P<name>[a-z][a-z0-9_.]{2,31})(?<![.])", re.IGNORECASE)
LINK_HANDLE = re.compile(
    r"(?:https?://)?(?:www\.)?(?P<host>t\.me|telegram\.me|wa\.me|instagram\.com|snapchat\.com/add)"
    r"/(?P<name>\+?[a-z0-9_.]{2,32})",
    re.IGNORECASE,
)
URL = re.compile(
    r"(?<![@\w])(?:https?://|www\.)[^\s<>\"')\]]+|(?<![@\w.])[a-z0-9-]{2,63}\.(?:"
    + TLDS
    + r")/[^\s<>\"')\]]*",
    re.IGNORECASE,
)
_NOT_NAMES = {
    "gmail",
    "hotmail",
    "outlook",
    "yahoo",
    "live",
    "icloud",
    "home",
    "hotel",
    "mijn",
    "my",
}
_LINK_PLATFORM = {
    "t.me": "telegram",
    "telegram.me": "telegram",
    "wa.me": "whatsapp",
    "instagram.com": "instagram",
    "snapchat.com/add": "snapchat",
}


@dataclass(frozen=True, slots=True)
class ContactMatch:
    kind: str  # "email" | "handle" | "url" | "phone-link"
    value: str
    start: int
    end: int


def normalise_email(raw: str) -> str | None:
    match = EMAIL.search(raw)
    if match is None:
        return None
    host = _DOT_ONLY.sub(".", match.group("host"))
    return f"{match.group('user')}@{host}.{match.group('tld')}".lower()


def normalise_handle(raw: str) -> str:
    """`Telegram: @Lisa_X` -> `telegram:lisa_x`; a bare `@lisa` keeps no platform (`@:lisa`)."""
    text = raw.strip()
    link = LINK_HANDLE.search(text)
    if link:
        return f"{_LINK_PLATFORM[link.group('host').lower()]}:{link.group('name').lower()}"
    match = HANDLE.fullmatch(text)
    if match:
        return f"{PLATFORMS[match.group('platform').lower()]}:{match.group('name').lower()}"
    if ":" in text:
        platform, _, name = text.partition(":")
        key = PLATFORMS.get(platform.strip().lower(), platform.strip().lower())
        return f"{key}:{name.strip().lstrip('@').lower()}"
    return f"@:{text.lstrip('@').lower()}"


def normalise_url(raw: str) -> str:
    value = re.sub(r"^(?:https?://)?(?:www\.)?", "", raw.strip(), flags=re.IGNORECASE)
    host, sep, path = value.partition("/")
    return (host.lower() + sep + path).rstrip("/.,;:!?")


def _near(
    pattern: re.Pattern[str], text: str, haystack: str, anchors: tuple[str, ...]
) -> list[re.Match[str]]:
    """Matches of `pattern` only around its anchors (`@`, ` at `, `:`): scanning a whole ad
    with these patterns costs more than everything else; anchors are found by str.find."""
    spots: list[int] = []
    for anchor in anchors:
        at = haystack.find(anchor)
        while at >= 0:
            spots.append(at)
            at = haystack.find(anchor, at + 1)
    matches: dict[tuple[int, int], re.Match[str]] = {}
    for spot in sorted(spots):
        for match in pattern.finditer(text, max(0, spot - 80), min(len(text), spot + 100)):
            if match.start() <= spot < match.end():
                matches.setdefault(match.span(), match)
    spans = sorted(matches)
    kept: list[re.Match[str]] = []
    for span in spans:  # windows may cut a match short: keep the longest at each start
        if kept and span[0] < kept[-1].end():
            if span[1] - span[0] > kept[-1].end() - kept[-1].start():
                kept[-1] = matches[span]
            continue
        kept.append(matches[span])
    return kept


def find_contacts(text: str) -> list[ContactMatch]:
    """E-mail addresses, handles and URLs in `text` with their spans; t.me/wa.me become handles."""
    lowered = text.lower()
    # Cheap gates: most ads have no e-mail, link or handle, and the full patterns are costly.
    # Every link host holds ".me" or ".com", and every spelled-out "at" holds "at" or
    # "apenstaartje": one `in` each rules most texts out before the full lists are tried.
    has_at = "@" in text
    maybe_email = has_at or (
        # _AT_WORDS: "( at )" and "[ at ]" hold " at ", so they need no look of their own.
        " at " in lowered
        or "(at)" in lowered
        or "[at]" in lowered
        or "{at}" in lowered
        or "apenstaartje" in lowered
    )
    maybe_link = (".me" in lowered or ".com" in lowered) and any(
        h in lowered for h in _LINK_PLATFORM
    )
    maybe_handle = has_at or ":" in text or "=" in text
    maybe_url = "/" in text or "www." in lowered or "http" in lowered
    if not (maybe_email or maybe_link or maybe_handle or maybe_url):
        return []
    found: list[ContactMatch] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for match in _near(EMAIL, text, lowered, ("@", *_AT_WORDS)) if maybe_email else ():
        value = normalise_email(match.group())
        if value and match.group("user").lower() not in PLATFORMS:
            found.append(ContactMatch("email", value, match.start(), match.end()))
            taken.append(match.span())
    for match in LINK_HANDLE.finditer(text) if maybe_link else ():
        platform = _LINK_PLATFORM[match.group("host").lower()]
        name = match.group("name").lower()
        kind = "phone-link" if platform == "whatsapp" and name.lstrip("+").isdigit() else "handle"
        value = name if kind == "phone-link" else f"{platform}:{name}"
        found.append(ContactMatch(kind, value, match.start(), match.end()))
        taken.append(match.span())
    for match in _near(HANDLE, text, text, (":", "=", "@")) if maybe_handle else ():
        name = match.group("name").lower()
        if free(*match.span()) and name not in _NOT_NAMES and not name.isdigit():
            platform = PLATFORMS[match.group("platform").lower()]
            found.append(ContactMatch("handle", f"{platform}:{name}", match.start(), match.end()))
            taken.append(match.span())
    for match in BARE_HANDLE.finditer(text) if has_at else ():
        if free(*match.span()):
            found.append(ContactMatch("handle", f"@:{match.group('name').lower()}", *match.span()))
            taken.append(match.span())
    for match in URL.finditer(text) if maybe_url else ():
        if free(*match.span()):
            found.append(ContactMatch("url", normalise_url(match.group()), *match.span()))
    return sorted(found, key=lambda m: m.start)
