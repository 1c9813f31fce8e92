"""Phrase banks for sex-work ads: `[a|b]` is a choice, `{slot}` a value.

Honest and exploitative ads share most of their vocabulary on purpose; what
differs is a mix of cues (third person, youth, always available, low prices,
someone else arranging contact), and honest ads use some of those cues too.
"""

from __future__ import annotations

# First-person openings of an independent advertiser.
OWN_INTRO = {
    "nl": [
        "[Hoi|Hallo|Hey|Hee lieverd|Hoi schat], ik ben {name}[,| -] {age} [jaar|jr]",
        "[Ik ben|Mijn naam is|Ik heet] {name}[, een| -] [sportieve|spontane|ondeugende|rustige|"
        "lieve] [vrouw|dame|meid] van {age}",
        "{name} hier! [Ervaren|Spontane|Volwassen] [dame|vrouw] [in|uit] {city}",
        "[Welkom|Welkom bij mij], ik ben {name} en ik [ontvang|ontvang graag] [heren|je] in {city}",
        "[Zin in|Behoefte aan|Toe aan] [ontspanning|een massage|gezelschap|een leuk uurtje]? "
        "Ik ben {name}[,|] {age}",
        "[Ik ben|Hier is] {name}, [echte|een echte] [Hollandse|Brabantse|Amsterdamse|Friese] "
        "[meid|vrouw]",
        "[Discrete|Verzorgde|Nette] [dame|vrouw] ({age}) [ontvangt|verwelkomt] [in|rond] {city}",
    ],
    "en": [
        "[Hi|Hello|Hey there|Hi darling], I am {name}[,| -] {age} [years old|y.o.|yo]",
        "[My name is|I'm|They call me] {name}, a [sporty|friendly|naughty|relaxed|sweet|classy] "
        "[lady|woman|girl] of {age}",
        "{name} here! [Experienced|Independent|Mature] [lady|escort|companion] [in|based in] "
        "{city}",
        "[Welcome|Welcome to my page], I'm {name} and I [receive|host|welcome] [gentlemen|you] "
        "in {city}",
        "[Looking for|In need of|Fancy] [relaxation|a massage|some company|a good time]? "
        "I am {name}[,|] {age}",
        "[Independent|Private|Self-employed] [escort|masseuse|companion] {name} ({age})",
    ],
}
OWN_BODY = {
    "nl": [
        "Ik [werk|werk al jaren] [zelfstandig|voor mezelf|als zzp'er] en [bepaal zelf|kies zelf] "
        "[mijn tijden|wie ik ontvang|mijn grenzen]",
        "[Ik ben|Ben] [slank|curvy|rond|sportief|klein] met [lang|kort|krullend] "
        "[blond|donker|rood] "
        "haar",
        "[Ontvangst|Privé ontvangst|Afspraken] in [mijn|een] [schone|nette|rustige] [studio|woning|"
        "flat] [in|vlakbij het centrum van] {city}",
        "[Bereikbaar|Beschikbaar] [ma t/m vr|di-za|doordeweeks|in het weekend] [van 10 tot 22 uur|"
        "overdag|'s avonds|op afspraak]",
        "[Veilig|Altijd veilig|Alleen veilig], [daar ben ik duidelijk in|geen discussie|respect "
        "voor elkaar is belangrijk]",
        "[Ook|Ik doe ook] [massage|ontspanningsmassage|tantra|een dinnerdate|overnachtingen]",
        "[Bel|Bel of app|Stuur een berichtje naar|App] [me|mij] [gerust|] [voor een afspraak|om "
        "kennis te maken|en ik reageer snel]",
        "[Geen|Ik reageer niet op] [anonieme nummers|sms'jes zonder naam|afdingers]",
        "[Ik ben net verhuisd en dus|Sinds kort ben ik] nieuw in {city}[, leuk je te ontmoeten|]",
        "[Tarief|Prijs|Prijzen]: {price} euro [per half uur|per uur|p/u]",
        "[Ik spreek|Spreek] [Nederlands en Engels|Engels en Duits|een beetje Nederlands]",
        "[Parkeren|Gratis parkeren] [voor de deur|om de hoek|is mogelijk]",
        "[Douche|Handdoeken|Drankje] aanwezig",
        "[Ik werk|Werk] [zonder manager|zonder pooier|zonder tussenpersoon], [ik regel alles "
        "zelf|afspraken maak je met mij]",
        "[Geen chauffeur nodig|Ik heb geen chauffeur], ik [kom zelf met de auto|rijd zelf] "
        "[naar je hotel|voor thuisbezoek]",
        "[Jong van geest|Jong van hart|Jeugdig en spontaan], [ervaren|volwassen] in alles",
        "[Via WhatsApp|Per app] [24/7|dag en nacht] bereikbaar, [ik antwoord als ik tijd heb|"
        "afspraken overdag]",
        "[Met|Samen met] [mijn vriendin|een collega] [doe ik ook|bied ik ook] [duo|een "
        "duo-afspraak]",
    ],
    "en": [
        "I [work|have worked for years] [independently|for myself|self-employed] and [choose|set] "
        "[my own hours|who I see|my own limits]",
        "[I am|I'm] [slim|curvy|petite|athletic|tall] with [long|short|curly] [blonde|dark|red] "
        "hair",
        "[Incall|Private incall|Appointments] in [my|a] [clean|discreet|quiet] [studio|apartment] "
        "[in|near the centre of] {city}",
        "[Available|Open] [Mon-Fri|Tue-Sat|weekdays|weekends] [from 10 to 22|daytime|evenings|"
        "by appointment]",
        "[Safe|Always safe|Only safe] [services|fun], [no exceptions|respect is important to me]",
        "[Also|I also offer] [massage|relaxing massage|tantra|dinner dates|overnights]",
        "[Call|Call or text|Send a message to|Text] me [for an appointment|to get to know me|and "
        "I answer quickly]",
        "[No|I don't answer] [hidden numbers|messages without a name|haggling]",
        "[I just moved here so I am|Recently] new in {city}[, happy to meet you|]",
        "[Rate|Price|Rates]: {price} euro [per half hour|per hour|/h]",
        "I speak [English and Dutch|English and German|a little Dutch]",
        "[Shower|Towels|Drinks] available",
        "[I work|Working] [without a manager|without a pimp|without an agency], [I arrange "
        "everything myself|you book directly with me]",
        "[No driver|I don't need a driver], I [drive myself|come by car] [to your hotel|for "
        "outcall]",
        "[Young at heart|Youthful and fun], [experienced|mature] in everything",
        "[Text me|WhatsApp] [24/7|day and night], [I reply when I can|bookings in daytime]",
    ],
}
TITLES = {
    "nl": [
        "[Nieuw|Net nieuw] in {city}!",
        "{name} - [privé|discreet] in {city}",
        "[Lieve|Sexy|Verzorgde] {name} ({age})",
        "[Ontspanning|Massage] bij {name}",
        "[Jonge|Mooie] {nat} {name}",
        "{name} {age} jr [24/7|dag en nacht]",
        "[Privé ontvangst|Escort] {city}",
        "[Hete|Lieve] {name} [wacht op je|verwelkomt je]",
    ],
    "en": [
        "[New|Just arrived] in {city}!",
        "{name} - [private|discreet] in {city}",
        "[Sweet|Sexy|Classy] {name} ({age})",
        "[Relax|Massage] with {name}",
        "[Young|Beautiful] {nat} {name}",
        "{name} {age} yo [24/7|day and night]",
        "[Private incall|Escort] {city}",
        "[Hot|Sweet] {name} [waiting for you|welcomes you]",
    ],
}
NATIONALITY = {
    "nl": [
        "Roemeense",
        "Poolse",
        "Bulgaarse",
        "Hongaarse",
        "Thaise",
        "Braziliaanse",
        "Colombiaanse",
        "Afrikaanse",
        "Oekraïense",
        "Aziatische",
        "Latina",
        "Oost-Europese",
    ],
    "en": [
        "Romanian",
        "Polish",
        "Bulgarian",
        "Hungarian",
        "Thai",
        "Brazilian",
        "Colombian",
        "African",
        "Ukrainian",
        "Asian",
        "Latina",
        "Eastern European",
    ],
}
COUNTRY = {  # aligned with NATIONALITY
    "nl": [
        "Roemenië",
        "Polen",
        "Bulgarije",
        "Hongarije",
        "Thailand",
        "Brazilië",
        "Colombia",
        "Afrika",
        "Oekraïne",
        "Azië",
        "Zuid-Amerika",
        "Oost-Europa",
    ],
    "en": [
        "Romania",
        "Poland",
        "Bulgaria",
        "Hungary",
        "Thailand",
        "Brazil",
        "Colombia",
        "Africa",
        "Ukraine",
        "Asia",
        "South America",
        "Eastern Europe",
    ],
}
BOSSES = ["Rosa", "Lina", "Vera", "Sonia", "Dana", "Mira", "Eva", "Joy", "Gigi", "Ana"]
AD_NAMES = [
    "Anna",
    "Bella",
    "Bianca",
    "Candy",
    "Chantal",
    "Chloe",
    "Daisy",
    "Diana",
    "Eva",
    "Gina",
    "Isabella",
    "Jasmine",
    "Jessy",
    "Julia",
    "Kim",
    "Lara",
    "Laura",
    "Lily",
    "Lisa",
    "Lola",
    "Luna",
    "Maria",
    "Maya",
    "Mia",
    "Monica",
    "Nadia",
    "Natasha",
    "Nicole",
    "Nina",
    "Paula",
    "Roxy",
    "Sabrina",
    "Sandra",
    "Sara",
    "Sophie",
    "Stella",
    "Tina",
    "Vanessa",
    "Vicky",
    "Yasmin",
    "Zoë",
    "Angel",
    "Amber",
    "Esmee",
    "Fleur",
    "Ivana",
    "Joy",
    "Kiki",
    "Linda",
    "Precious",
]
DISCLAIMER = [
    "Alle adverteerders verklaren 18 jaar of ouder te zijn. Misbruik melden? Bel {hub}.",
    "All advertisers declare to be 18+. Report abuse: {hub}.",
    "Deze advertentie is geplaatst door de adverteerder zelf. [Meld misbruik|Misbruik melden] "
    "via {hub} of Meld Misdaad Anoniem.",
    "Advertiser confirms to work voluntarily and to be of age. Site support: {hub}",
]
