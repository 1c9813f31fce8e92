"""Help-chat conversations between an anonymous visitor and a counsellor.

About a third are about trafficking (the visitor themselves, someone they know,
sometimes a parent as the exploiter); the rest are relationship violence and
questions, in the same words.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from zicht.demo import chat_phrases as C
from zicht.demo import chat_visitor as V
from zicht.demo.noise import add_typos, chance, expand, pick

VISITOR = {"nl": C.VISITOR["nl"], "en": V.EN, "pl": V.PL, "ro": V.RO, "es": V.ES, "uk": V.UK}
LANG_WEIGHTS = {"nl": 45, "en": 25, "pl": 10, "ro": 8, "es": 5, "uk": 7}
OPENERS = {
    "nl": [
        "[hoi|hallo|hey|goedenavond|hallo?]",
        "[ik weet niet of ik hier goed zit|sorry dat ik stoor|ik heb een vraag|mag ik iets vragen]",
        "[is dit anoniem?|kan iemand me helpen|ik wil iets vertellen maar ik ben bang]",
    ],
    "en": [
        "[hi|hello|hey|good evening|hello?]",
        "[I don't know if this is the right place|sorry to bother|I have a question]",
        "[is this anonymous?|can someone help me|I want to tell something but I am scared]",
    ],
    "pl": [
        "[cześć|dzień dobry|halo]",
        "[nie wiem czy dobrze trafiłam|mam pytanie|czy to jest anonimowe?]",
    ],
    "ro": ["[bună|salut|alo]", "[nu știu dacă am nimerit bine|am o întrebare|este anonim?]"],
    "es": ["[hola|buenas]", "[no sé si estoy en el lugar correcto|tengo una pregunta]"],
    "uk": ["[привіт|добрий день]", "[у мене питання|це анонімно?]"],
}
ENDINGS = {
    "nl": ["[ok|oké|dank je|dankjewel|ik denk erover na|ik moet nu gaan|ik kom terug]"],
    "en": ["[ok|thanks|thank you|I will think about it|I have to go now|I will come back]"],
    "pl": ["[dziękuję|ok|muszę iść]"],
    "ro": ["[mulțumesc|ok|trebuie să plec]"],
    "es": ["[gracias|vale|tengo que irme]"],
    "uk": ["[дякую|добре|мені треба йти]"],
}
COUNSELLORS = ["Sanne", "Lisa", "Mark", "een medewerker", "Noor", "Eva", "Tom", "Fatima"]


@dataclass(frozen=True)
class Message:
    role: str  # visitor | counsellor
    text: str


@dataclass(frozen=True)
class Chat:
    id: str
    lang: str
    messages: tuple[Message, ...]
    label: int  # ground truth
    form: str | None  # ground truth
    scenario: str  # ground truth

    @property
    def text(self) -> str:
        return "\n".join(f"{m.role}: {m.text}" for m in self.messages)


def _visitor(rng: random.Random, raw: str, slots: dict[str, object]) -> str:
    s = add_typos(rng, expand(rng, raw, slots), 0.03)
    if chance(rng, 0.5):
        s = s.lower()
    elif s:
        s = s[0].upper() + s[1:]
    return s + pick(rng, ["", "", ".", "...", "?", " :(", " 😢", "!"])


def chat(rng: random.Random, index: int, trafficking_share: float) -> Chat:
    lang = rng.choices(list(LANG_WEIGHTS), weights=list(LANG_WEIGHTS.values()))[0]
    bank = VISITOR[lang]
    positive = [s for s in bank if C.SCENARIOS[s][0]]
    negative = [s for s in bank if not C.SCENARIOS[s][0]]
    want = chance(rng, trafficking_share)
    scenario = pick(rng, positive if want and positive else negative or positive)
    label, form = C.SCENARIOS[scenario]
    c_lang = lang if lang in C.COUNSELLOR else "en"
    staff = C.COUNSELLOR[c_lang if chance(rng, 0.85) else "en"]
    slots: dict[str, object] = {
        "c": pick(rng, COUNSELLORS),
        "age": rng.randint(13, 19),
        "amount": pick(rng, [300, 800, 1500, 3000, 5000, 10000]),
    }
    msgs = [Message("counsellor", expand(rng, pick(rng, staff["greet"]), slots))]
    opener = [_visitor(rng, pick(rng, OPENERS[lang]), slots) for _ in range(rng.randint(1, 2))]
    msgs += [Message("visitor", o) for o in opener]
    lines = bank[scenario]
    for raw in rng.sample(lines, k=rng.randint(1, min(3, len(lines)))):
        if chance(rng, 0.6):
            msgs.append(Message("counsellor", expand(rng, pick(rng, staff["ask"]), slots)))
        if lang == "nl" and chance(rng, 0.08) and scenario in V.EN:
            raw = pick(rng, V.EN[scenario])  # code switching
        msgs.append(Message("visitor", _visitor(rng, raw, slots)))
    msgs.append(Message("counsellor", expand(rng, pick(rng, staff["close"]), slots)))
    if chance(rng, 0.7):
        msgs.append(Message("visitor", _visitor(rng, pick(rng, ENDINGS[lang]), slots)))
    return Chat(f"chat-{index:06d}", lang, tuple(msgs), label, form, scenario)


def chats(rng: random.Random, n: int, trafficking_share: float = 0.35) -> list[Chat]:
    return [chat(rng, i + 1, trafficking_share) for i in range(n)]
