# ruff: noqa: E501  (hand-written sentences are data)
"""Hand-written labelled documents for tests, until the demo world supplies more.

Sentences are written by hand (Dutch and English, in the register of police
mutations, chats and ads); documents are assembled from them with a fixed seed.
Pool A and pool B share no sentence, so a model trained on A and measured on B
is measured on wording it never saw.
"""

from __future__ import annotations

import random

from zicht.detect import Example

# (form, sentence): evidence of exploitation.
EVIDENCE_A = [
    (
        "sexual",
        "Betrokkene verklaarde dat zij klanten moet ontvangen van haar vriend en al het geld moet afdragen.",
    ),
    (
        "sexual",
        "Zij vertelde dat haar paspoort is afgepakt door de man die haar naar Nederland heeft gehaald.",
    ),
    ("sexual", "Ze zegt dat ze niet vrij is en dat haar pooier de klanten regelt."),
    (
        "sexual",
        "She said she was forced into prostitution and has to hand over her earnings to her boyfriend.",
    ),
    ("sexual", "The girl is 16 years old and her much older boyfriend arranges the clients."),
    (
        "sexual",
        "Nieuw meisje, net 18, onze meisjes doen alles zonder condoom, bel mijn manager 24/7.",
    ),
    (
        "sexual",
        "Young girl just turned 18, bareback ok, text my manager for bookings, available 24/7.",
    ),
    (
        "labour",
        "De werknemers werken 14 uur per dag, zeven dagen per week, en slapen met tien man in een kamer.",
    ),
    (
        "labour",
        "Hij krijgt 3 euro per uur, de huur wordt ingehouden op zijn loon en zijn paspoort ligt bij de baas.",
    ),
    (
        "labour",
        "The workers have not been paid for two months and the employer keeps their passports.",
    ),
    (
        "labour",
        "He works 16 hours a day in the greenhouse and must pay off the debt for the journey.",
    ),
    ("labour", "Zij weet niet waar zij werkt en de werkgever heeft haar bankpas ingenomen."),
    (
        "criminal",
        "De jongen vertelde dat hij moest stelen voor een oudere man aan wie hij een drugsschuld heeft.",
    ),
    (
        "criminal",
        "Verdachte heeft zijn bankpas uitgeleend en werd bedreigd toen hij wilde stoppen.",
    ),
    (
        "criminal",
        "The boy said he was forced to carry drugs for county lines dealers to pay off a drug debt.",
    ),
    (
        "criminal",
        "She was forced to steal from shops on the orders of her boyfriend, who threatened her family.",
    ),
    (
        "criminal",
        "Het meisje moest telefoonabonnementen afsluiten op haar naam; hij dreigt met naaktfoto's.",
    ),
]
EVIDENCE_B = [
    (
        "sexual",
        "Melder ziet dat de vrouw steeds op een andere plek werkt en dat een man haar telefoon controleert; zij moet met klanten mee.",
    ),
    (
        "sexual",
        "Ze vertelt in de chat dat haar loverboy haar dwingt seks te hebben met mannen en dat ze niet weg mag.",
    ),
    (
        "sexual",
        "The victim stated that she was forced to have sex with clients and that her pimp took her passport.",
    ),
    ("sexual", "Barely legal teen, fresh in town, no condom, call my friend, 25 euro."),
    ("sexual", "Zij werd verkocht aan een andere pooier en moest elke dag 20 klanten ontvangen."),
    (
        "labour",
        "In de kassen werken mannen 12 uur per dag voor 4 euro per uur; hun paspoorten zijn ingenomen.",
    ),
    (
        "labour",
        "The cleaners sleep at the workplace, work seven days a week and never received their wages.",
    ),
    ("labour", "Hij moest bemiddelingskosten betalen, kreeg geen loon en mocht niet stoppen."),
    (
        "labour",
        "They live in an overcrowded house with bunk beds and rent is deducted from their wages.",
    ),
    (
        "criminal",
        "De minderjarige werd door oudere jongens gestuurd om te stelen en moet een straatschuld afwerken.",
    ),
    ("criminal", "He lent his bank card to a man who now threatens him; he is a money mule."),
    ("criminal", "The children were forced to beg on the street and hand over all the money."),
    (
        "criminal",
        "Hij moest drugs vervoeren in opdracht van een man aan wie hij geld schuldig is en werd geslagen.",
    ),
]
# Sentences without evidence: routine police work, ordinary chats, ordinary ads, and
# sentences that name an indicator only to deny it.
NEUTRAL_A = [
    "Op de Stationsweg werd een fietser gecontroleerd die zonder licht reed.",
    "Melder belde over geluidsoverlast van een feest aan de Dorpsstraat.",
    "Verdachte is aangehouden voor winkeldiefstal van een fles drank; hij gaf aan dat hij honger had.",
    "De bestuurder blies te veel en is meegenomen naar het bureau.",
    "Er is geen sprake van dwang; zij werkt zelfstandig en heeft haar eigen paspoort.",
    "She is NOT new in town and she has no pimp, independent escort with her own website.",
    "A neighbour reported a car alarm that went off several times during the night.",
    "The suspect was arrested for shoplifting a phone charger and released with a fine.",
    "Hoi, ik wil graag weten hoe laat het spreekuur is morgen.",
    "Independent masseuse, relaxing massage in my private studio, appointments by phone.",
    "De werkgever betaalt netjes het cao-loon en de werknemers hebben een contract.",
    "Dwang werd niet vastgesteld; betrokkene woont bij haar ouders.",
]
NEUTRAL_B = [
    "Tijdens de surveillance werd een inbraak in een schuur gemeld; er is niets weggenomen.",
    "Betrokkene meldde zich om aangifte te doen van fietsdiefstal bij het station.",
    "The workers said they are paid properly and have weekends off.",
    "Ze ontkent dat zij wordt gedwongen en zegt dat ze zelf haar geld houdt.",
    "Hello, can you tell me where I can find information about my rights as a tenant?",
    "Sensual massage by an experienced lady, own apartment, no rush.",
    "Een vrouw viel van haar fiets en is met lichte verwondingen naar het ziekenhuis gebracht.",
    "The driver was stopped for speeding on the ring road and fined.",
    "Hij werkt in de tuinbouw en is tevreden over zijn werkgever.",
    "Nieuw in de stad? Onze salon is open van 10 tot 18 uur.",
]
KINDS = {
    "sexual": ("ad", "chat", "mutation"),
    "labour": ("mutation", "chat"),
    "criminal": ("mutation", "chat"),
}


def _lang(text: str) -> str:
    dutch = sum(
        text.lower().count(w) for w in (" de ", " het ", " een ", " en ", " ze ", " zij ", " hij ")
    )
    return "nl" if dutch >= 2 else "en"


def build(
    evidence: list[tuple[str, str]], neutral: list[str], *, n: int, seed: int, prefix: str
) -> list[Example]:
    rng = random.Random(seed)
    examples = []
    for number in range(n):
        if number % 2 == 0:
            form, first = rng.choice(evidence)
            same = [s for f, s in evidence if f == form and s != first]
            parts = [first, rng.choice(same), rng.choice(neutral)]
            rng.shuffle(parts)
            text = " ".join(parts)
            examples.append(
                Example(f"{prefix}{number}", text, 1, form, rng.choice(KINDS[form]), _lang(text))
            )
        else:
            text = " ".join(rng.sample(neutral, 3))
            examples.append(
                Example(
                    f"{prefix}{number}",
                    text,
                    0,
                    None,
                    rng.choice(("ad", "mutation", "chat")),
                    _lang(text),
                )
            )
    return examples


def training_examples() -> list[Example]:
    return build(EVIDENCE_A, NEUTRAL_A, n=120, seed=1, prefix="a")


def held_out_examples() -> list[Example]:
    return build(EVIDENCE_B, NEUTRAL_B, n=60, seed=2, prefix="b")
