"""What visitors and counsellors say in the anonymous help chat, per language.

Scenarios with a trafficking form are labelled; the others (relationship
violence, questions about sex work or work permits, debts) reuse their words.
"""

from __future__ import annotations

COUNSELLOR = {
    "nl": {
        "greet": [
            "[Hoi|Hallo|Goedemiddag|Goedenavond], je [chat met|spreekt met] {c}. [Waar kan "
            "ik je mee helpen?|Wat is er aan de hand?|Vertel, ik lees mee.]"
        ],
        "ask": [
            "[Kun je daar iets meer over vertellen?|Wat bedoel je precies?|Hoe lang is dat al "
            "zo?|Ben je nu veilig?|Woon je daar ook?|Hoe oud ben je, als je dat wilt zeggen?]"
        ],
        "close": [
            "[Je mag altijd terugkomen.|We kunnen je in contact brengen met [de politie|een "
            "hulpverlener|een advocaat], alleen als jij dat wilt.|Wil je dat ik je "
            "gegevens doorgeef, of blijf je liever anoniem?|Dank je dat je dit vertelt.]"
        ],
    },
    "en": {
        "greet": [
            "[Hi|Hello|Good evening], you are chatting with {c}. [How can I help?|What is "
            "going on?|Tell me, I am listening.]"
        ],
        "ask": [
            "[Can you tell me a bit more?|What do you mean exactly?|How long has this been "
            "going on?|Are you safe right now?|Do you live there too?|How old are you, if you "
            "want to say?]"
        ],
        "close": [
            "[You can always come back.|We can connect you with [the police|a support "
            "worker|a lawyer], only if you want to.|Do you want me to pass on your details, "
            "or would you rather stay anonymous?|Thank you for telling me this.]"
        ],
    },
    "pl": {
        "greet": ["[Cześć|Dzień dobry], tu {c}. [W czym mogę pomóc?|Co się dzieje?]"],
        "ask": [
            "[Możesz powiedzieć coś więcej?|Od jak dawna to trwa?|Czy jesteś teraz "
            "bezpieczny?|Czy tam też mieszkasz?]"
        ],
        "close": [
            "[Możesz zawsze wrócić.|Możemy skontaktować cię z pomocą, tylko jeśli chcesz.|"
            "Dziękuję, że mi to mówisz.]"
        ],
    },
    "ro": {
        "greet": ["[Bună|Bună ziua], aici este {c}. [Cu ce te pot ajuta?|Ce se întâmplă?]"],
        "ask": [
            "[Poți să-mi spui mai mult?|De cât timp se întâmplă asta?|Ești în siguranță "
            "acum?|Locuiești tot acolo?]"
        ],
        "close": [
            "[Poți reveni oricând.|Te putem pune în legătură cu cineva care ajută, doar "
            "dacă vrei.|Mulțumesc că mi-ai spus.]"
        ],
    },
}
COUNSELLOR["es"] = {
    "greet": ["Hola, soy {c}. [¿En qué puedo ayudarte?|¿Qué pasa?]"],
    "ask": ["[¿Puedes contarme un poco más?|¿Desde cuándo pasa esto?|¿Estás a salvo ahora?]"],
    "close": ["[Puedes volver cuando quieras.|Gracias por contármelo.]"],
}
COUNSELLOR["uk"] = {
    "greet": ["Привіт, це {c}. [Чим можу допомогти?|Що сталося?]"],
    "ask": ["[Можете розповісти більше?|Як давно це триває?|Ви зараз у безпеці?]"],
    "close": ["[Ви можете повернутися будь-коли.|Дякую, що розповіли.]"],
}
# scenario -> (label, form) and visitor lines per language.
SCENARIOS: dict[str, tuple[int, str | None]] = {
    "sexual_self": (1, "sexual"),
    "sexual_other": (1, "sexual"),
    "labour_self": (1, "labour"),
    "labour_other": (1, "labour"),
    "criminal_child": (1, "criminal"),
    "parent": (1, "sexual"),
    "forced_marriage": (1, "other"),
    "relationship": (0, None),
    "sexwork_question": (0, None),
    "work_question": (0, None),
    "debt": (0, None),
    "general": (0, None),
}
VISITOR: dict[str, dict[str, list[str]]] = {
    "nl": {
        "sexual_self": [
            "[mijn vriend|mijn 'vriend'|de man bij wie ik woon] [zegt dat ik|wil dat ik] [met "
            "andere mannen moet|in hotels moet werken|moet werken om zijn schuld af te betalen]",
            "[ik moet|ik moest] [al het geld|alles wat ik verdien] [aan hem|aan haar] [geven|"
            "afgeven] en [hij heeft|zij heeft] mijn [paspoort|telefoon|bankpas]",
            "[hij zet|zij zetten] [advertenties|foto's van mij] [online|op internet] en [ik weet "
            "niet eens|ik weet niet] [wat erin staat|in welke stad ik morgen ben]",
            "ik [durf niet|kan niet] weg want hij [weet waar mijn familie woont|zegt dat ik hem "
            "nog {amount} euro schuldig ben|dreigt de foto's te sturen]",
            "[elke week|steeds] [zitten we|zit ik] in een [andere stad|ander hotel] en [hij|de "
            "chauffeur] [brengt me|wacht beneden]",
            "[ik ben|ik was] {age} toen [het begon|ik hem leerde kennen] [via snapchat|op "
            "insta|in de stad]",
        ],
        "sexual_other": [
            "[mijn nichtje|een meisje uit mijn klas|mijn buurmeisje|mijn zusje] ({age}) [heeft "
            "een veel oudere vriend|wordt steeds opgehaald door een man in een dure auto]",
            "[ze|zij] [heeft ineens|krijgt steeds] [dure spullen|een nieuwe telefoon|geld] en "
            "[blijft|slaapt] [soms nachten weg|in hotels]",
            "[ik zag|ik heb gezien] [een advertentie van haar|haar foto's] op een [sekssite|"
            "escortsite] en [ze is pas|ze is] {age}",
        ],
        "labour_self": [
            "[ik werk|wij werken] [in een kas|in een distributiecentrum|in een restaurant|op een "
            "bouwplaats] [12 uur per dag|elke dag|zonder vrije dag] en [krijg|krijgen] [bijna "
            "niets|{amount} euro per maand|pas later] betaald",
            "[de baas|het bureau] [heeft|houdt] [mijn paspoort|onze paspoorten] en [zegt|zei] "
            "dat ik [eerst de schuld moet|de reis en de kamer moet] terugbetalen",
            "[we slapen|ik slaap] [met 10 man|met zijn twaalven] [in één huis|in het "
            "bedrijfspand|in een container] en [de huur|boetes] [gaat|gaan] van ons loon af",
        ],
        "labour_other": [
            "[mijn neef|een vriend van mij] werkt [in een autowasstraat|op een boerderij|in "
            "een keuken] en [krijgt nooit betaald|zijn baas heeft zijn papieren|slaapt daar "
            "op de grond]",
            "[bij mijn buren|in het huis naast ons|bij de nagelstudio hier] [wonen|werken] "
            "[heel veel|steeds andere] [mannen|meisjes|mensen] die [altijd met een busje worden "
            "opgehaald|nooit naar buiten mogen]",
        ],
        "criminal_child": [
            "[mijn zoon|mijn broertje|een jongen die ik ken] ({age}) [moet|moest] [drugs "
            "rondbrengen|pakketjes afleveren|telefoons stelen] voor [oudere jongens|een man]",
            "[hij zegt|hij zei] dat hij [een schuld heeft|moet terugbetalen|niet meer kan "
            "stoppen] en [ze hem|ze ons] [weten te vinden|iets aandoen] als hij stopt",
        ],
        "parent": [
            "[mijn moeder|mijn vader|mijn stiefvader] [laat mij|dwingt mij om] [met mannen mee te "
            "gaan|te werken voor geld|geld op te halen] en [neemt|pakt] [alles af|het geld af]",
        ],
        "forced_marriage": [
            "[mijn familie|mijn ouders] [wil|willen] dat ik [in de zomer|volgend jaar] [trouw|ga "
            "trouwen] met [een neef|een man die ik niet ken] en [ik wil dat niet|ik mag niet "
            "weigeren]",
        ],
        "relationship": [
            "[mijn ex|mijn partner] [blijft me appen|volgt me] en [ik ben bang|ik wil dat het "
            "stopt], [maar het gaat niet om geld|hij heeft niets met mijn werk te maken]",
            "[mijn vriend|mijn man|mijn partner] [slaat me|is heel jaloers|controleert mijn "
            "telefoon] en [ik weet niet wat ik moet doen|ik wil weg maar ik heb geen geld]",
            "[hij|zij] [pakt soms mijn telefoon af|wil niet dat ik met vriendinnen afspreek] "
            "[maar ik werk gewoon|maar ik heb mijn eigen geld en paspoort]",
        ],
        "sexwork_question": [
            "ik [werk|wil werken] [zelfstandig|als escort|achter het raam] en [wil weten|vraag "
            "me af] [hoe ik me registreer|welke vergunning ik nodig heb|of ik me moet "
            "inschrijven bij de KvK]",
            "ik ben [nieuw in de stad|net verhuisd] en wil [veilig werken|weten waar ik een "
            "soa-test kan doen]",
        ],
        "work_question": [
            "[mijn baas|het uitzendbureau] betaalt [te laat|mijn overuren niet] [maar ik heb "
            "mijn eigen paspoort en contract|en ik wil weten wat mijn rechten zijn]",
        ],
        "debt": [
            "[ik heb geleend|ik leende geld] [van een vriend|van familie] [voor de reis|voor "
            "de huur] en [moet het terugbetalen|heb afgesproken om het maandelijks af te lossen]",
            "ik heb [schulden|een schuld] [bij de bank|bij vrienden|van {amount} euro] en "
            "[ik weet niet hoe ik het moet terugbetalen|ik zoek hulp]",
        ],
        "general": [
            "[ik wil|ik wilde] [alleen even weten|vragen] [wat jullie doen|hoe deze chat werkt|"
            "of dit anoniem is]",
            "[ik doe|voor school doe ik] een [werkstuk|opdracht] over mensenhandel, [mag ik een "
            "vraag stellen?|hoe vaak komt het voor?]",
        ],
    },
}
