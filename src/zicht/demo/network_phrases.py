"""Phrase banks for ads placed by networks, and by the licensed clubs that resemble them.

Networks write about the woman, not as her: third person, youth, always
available, low prices, someone else to call. Clubs write in the third person
too, honestly, with a licence number.
"""

from __future__ import annotations

# Network ads: written about the woman, not by her.
NET_INTRO = {
    "nl": [
        "[Nieuw|Nieuw!|NIEUW|Net nieuw] in {city}: {name}, {age} [jaar|jr]",
        "{name} ({age}) is [nieuw in de stad|net aangekomen in {city}|pas [een paar dagen|een "
        "week] in {city}]",
        "[Zij|Ze] is {name}, [een|] [jonge|mooie|lieve|verlegen] [meid|dame] van {age}",
        "[Ons|Onze] [nieuwe|jonge] [meisje|dame] {name} [is er voor jou|wacht op je] in {city}",
        "[Maak kennis met|Ontmoet] {name}: {age} [jaar|jr], [net|pas] in Nederland",
        "[Mooie|Lieve|Exotische] {nat} {name}, {age}, [is|] [voor het eerst|nieuw] in {city}",
        "[Zo net|Vandaag] [binnen|aangekomen]: {name} ({age}) uit [het buitenland|{nat_land}], "
        "[voor het eerst in NL|eerste keer hier]",
    ],
    "en": [
        "[New|NEW|Brand new|Just arrived] in {city}: {name}, {age}",
        "{name} ({age}) is new in town[, only a few days|!| and waiting for you]",
        "She is {name}, a [young|sweet|shy|beautiful] [girl|lady] of {age}",
        "[Our|My] [new|young] girl {name} [is waiting for you|is here for you] in {city}",
        "[Meet|Say hello to] {name}: {age} [yo|years], [just|new] in the Netherlands",
        "[Sexy|Sweet|Exotic] {nat} [girl|lady] {name}, {age}, [first time|new] in {city}",
        "[Just|Today] [arrived|landed]: {name} ({age}) from [abroad|{nat_land}], [first time "
        "in NL|first time here]",
    ],
}
NET_BODY = {
    "nl": [
        "[Zij is|Ze is] [24/7|dag en nacht|24 uur per dag|altijd] [beschikbaar|bereikbaar|"
        "voor je klaar]",
        "[Bel|Contact|App] [haar manager|haar chauffeur|de manager|mijn vriend] voor [een "
        "afspraak|afspraken|info]",
        "[Ze|Zij] spreekt [geen|weinig|alleen een beetje] [Nederlands|Engels], [de chauffeur|"
        "haar vriend|de manager] regelt [alles|de afspraak]",
        "[Slechts|Maar|Nu maar|Alles voor] {price} [euro|eur|€] [per uur|het uur|all-in|"
        "alles inbegrepen]",
        "[Jong|Heel jong|Jong en fris|Klein en tenger|Schoolmeisje look|Net 18], [onervaren|"
        "verlegen|lief]",
        "[Ook|Zij doet ook] [zonder|zonder condoom|alles|hotelbezoek|thuisbezoek]",
        "[Alleen|Maar] [een paar dagen|deze week|tot zondag] in {city}, [daarna|dan] "
        "[vertrekt ze|gaat ze verder|naar een andere stad]",
        "[Hotel|Escort|Thuis] [bezoek|visites] [alleen|ook] [mogelijk|via de chauffeur]",
        "[Geen vragen|Niet zeuren|Discreet], [alles is mogelijk|ze doet wat je wilt]",
        "[Nieuwe meisjes|Andere dames] [elke week|iedere week] [op dit nummer|via hetzelfde "
        "nummer]",
        "[Ze is|Zij is] [student|studente|net klaar met school] en [doet dit|werkt] [alleen|"
        "maar] [even|tijdelijk|in de vakantie]",
        "[Vraag naar|Bel en vraag naar] [Mama|Tante|mevrouw] {boss} [voor|om] [de meisjes|een "
        "afspraak met {name}|alle info]",
        "[Nieuwe|Echte|Recente] foto's, [100% echt|geen nep|zoals op de foto], [ze komt|zij "
        "komt] [naar je toe|naar je hotel]",
        "[Ze|Zij] [heeft|doet] [geen|weinig] [limieten|grenzen], [vraag maar|alles bespreekbaar]"
        "[ aan de manager| via de app|]",
    ],
    "en": [
        "[She is|She's] [available 24/7|available day and night|always available|24 hours "
        "available]",
        "[Call|Contact|Text] [her manager|her driver|the manager|my friend] for [an appointment|"
        "booking|info]",
        "[She|The girl] speaks [no|little|only a bit of] English, [her driver|her boyfriend|"
        "the manager] [arranges everything|books for her]",
        "[Only|Just|All in] {price} [euro|eur|€] [per hour|the hour|all inclusive]",
        "[Young|Very young|Young and fresh|Petite and tiny|Schoolgirl look|Barely 18], "
        "[inexperienced|shy|sweet]",
        "[She also does|Also] [without condom|everything|hotel visits|home visits]",
        "[Only|Just] [a few days|this week|until Sunday] in {city}, [then she leaves|"
        "then moves on|next city soon]",
        "[Outcall|Hotel visits] [only|also] [possible|via driver]",
        "[No questions|No limits|Discreet], [everything possible|she does what you want]",
        "[New girls|Other girls] [every week|each week] [on this number|same number]",
        "[She is|She's] [a student|just out of school|new to this] and [only works|works] "
        "[for a short time|in the holidays|temporarily]",
        "[Ask for|Call and ask for] [Mama|Auntie|madam] {boss} [for|about] [the girls|an "
        "appointment with {name}|all info]",
        "[New|Real|Recent] photos, [100% real|no fake|as in the pictures], [she comes|she "
        "will come] [to you|to your hotel]",
        "[She has|She does] [no|few] [limits|taboos], [just ask|everything negotiable]"
        "[ the manager| via the app|]",
    ],
}
# Licensed clubs and agencies write about their ladies too, honestly.
AGENCY_BODY = {
    "nl": [
        "[Club|Privéhuis|Escortbureau] {club} [heeft een vergunning|werkt met vergunning] van "
        "de gemeente {city} ([nr.|vergunningnummer] {licence})",
        "[Alle dames|Onze dames] werken [zelfstandig|op eigen voorwaarden] en [houden zelf hun "
        "verdiensten|bepalen zelf hun diensten]",
        "Vandaag [aanwezig|werken]: {name} en [drie|vier|vijf] [collega's|andere dames]",
        "[Open|Geopend] [dagelijks|ma-za] van [11|12|13] tot [01|02|23] uur",
        "[Entree|Kamer] {price} euro [per uur|p/u], [drankjes inbegrepen|exclusief drankjes]",
    ],
    "en": [
        "[Club|Private house|Escort agency] {club} [is licensed by|holds a licence from] "
        "the municipality of {city} ([no.|licence] {licence})",
        "[All ladies|Our ladies] work [independently|on their own terms] and [keep their own "
        "earnings|choose their own services]",
        "Today [present|working]: {name} and [three|four|five] [colleagues|other ladies]",
        "[Open|Opening hours] [daily|Mon-Sat] from [11|12|13] to [01|02|23]",
        "[Room|Entrance] {price} euro [per hour|/h], [drinks included|excluding drinks]",
    ],
}
CLUBS = [
    "Venus",
    "Lotus",
    "Red Rose",
    "Paradise",
    "Diamond",
    "Golden Gate",
    "Chez Nous",
    "Bellevue",
    "Orchidee",
    "Amor",
    "Casa Rosso",
    "Pleasure Palace",
]
