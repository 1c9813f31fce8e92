"""Everyday police reports ('mutaties'): openings, offences and closings.

Written the way Dutch officers write in a hurry: abbreviations (betr., V.,
i.v.m., pv, tel.), times, street names, and many ways to say the same thing.
"""

from __future__ import annotations

OPENING = [
    "[Op|Omstreeks|Om] {time} uur [werden wij|werd ik|werden collega's en ik] [door de meldkamer|"
    "via de MK|door OC] [gestuurd|verzocht te gaan] naar [de|het adres] {street} te {city}",
    "[Melding|Mld] [via 112|via 0900|van een getuige|van de bedrijfsleider|van een buurtbewoner]: "
    "{what} [op de|aan de|nabij de] {street}",
    "[Tijdens|Bij] [surveillance|noodhulpdienst|een controle|de avonddienst] [in|op] {street} "
    "[zagen wij|zag ik|kwamen wij] {what}",
    "[Ter plaatse|Tp] {street} [te|in] {city} [ivm|i.v.m.|in verband met] {what}",
    "[Wij werden|Werden] om {time} [uur|u] [gestuurd naar|gevraagd te gaan naar] {place} "
    "[ivm|i.v.m.|vanwege] {what}",
    "{city}, {street}: {what}",
]
WHAT = {
    "drugs": [
        "een verdachte situatie",
        "drugshandel",
        "mogelijke drugsdeal",
        "een auto met [jongeren|personen] die [snel wegreed|stil stond met draaiende motor]",
        "een [hennepgeur|sterke wietlucht]",
        "[bolletjes|gebruikershoeveelheid] in een auto",
    ],
    "shoplifting": [
        "winkeldiefstal",
        "een aangehouden winkeldief",
        "diefstal uit de [Action|AH|Kruidvat|Hema|Primark]",
        "een jongere die was aangehouden door de [beveiliging|winkelbeveiliger]",
    ],
    "traffic": [
        "een verkeerscontrole",
        "een aanrijding met [materiële schade|letsel]",
        "een [bestuurder|busje] die [slingerend reed|te hard reed|door rood reed]",
        "een [overbeladen|vol] busje",
    ],
    "nuisance": [
        "[geluids]overlast",
        "overlast van [jongeren|hangjongeren|bezoekers]",
        "[burenruzie|een burenconflict]",
        "veel [loop|auto]verkeer bij een woning",
        "een [verwarde|overstuur zijnde] persoon",
    ],
    "domestic": [
        "huiselijk geweld",
        "een ruzie in een woning",
        "[een|] [hoog oplopende|luidruchtige] ruzie tussen partners",
        "een [zorgmelding|zorgelijke situatie]",
    ],
    "burglary": [
        "een [woning|bedrijfs]inbraak",
        "[een|] poging inbraak",
        "inbraak in een [auto|schuur|garagebox]",
    ],
    "inspection": [
        "een [integrale|gezamenlijke] controle met [de gemeente|de Arbeidsinspectie|"
        "NLA|de Belastingdienst]",
        "een controle van een [bedrijfspand|seksinrichting|massagesalon|hotel|vakantiepark]",
    ],
    "missing": [
        "een vermissing",
        "een [vermiste|weggelopen] minderjarige",
        "een [zorgmelding|melding] van [ouders|een jeugdinstelling] over hun dochter",
    ],
}
CORE = {
    "drugs": [
        "[Bij fouillering|Bij insluitingsfouillering|Tijdens de fouillering] [werd|werden] "
        "[{n} bolletjes|{n} wikkels|een hoeveelheid] [cocaïne|heroïne|hennep|XTC] aangetroffen",
        "[V.|Verdachte|Betr.|Betrokkene] ({age}) [had|bleek] [{amount} euro contant|{n} telefoons|"
        "een weegschaal] [bij zich|in zijn bezit|op zak]",
        "[Verdachte|V.|Betrokkene] [werd aangehouden|is aangehouden|aangehouden] "
        "[ter zake|tzv|t.z.v.] [art. 2 Opiumwet|art 3 OW|handel in verdovende middelen]",
        "[Betrokkene|Betr.|V.] [weigerde een verklaring af te leggen|wilde niet verklaren|"
        "weigerde zijn naam te noemen] en [beriep zich op zijn zwijgrecht|zweeg]",
        "In de auto [werd|lag] [een hoeveelheid|een zakje met|{n} gram] [wiet|coke|softdrugs] "
        "[aangetroffen|in beslag genomen]",
    ],
    "shoplifting": [
        "[Verdachte|V.|Betr.] ({age}) had [voor|ter waarde van] {amount} euro aan [cosmetica|"
        "kleding|parfum|scheermesjes|elektronica] [meegenomen|weggenomen] zonder te betalen",
        "[De goederen|Goederen] [zaten|werden aangetroffen] in een [met folie beklede|"
        "aluminium] tas",
        "[Beveiliging|De beveiliger] [had verdachte|hield V.] [aangehouden|staande gehouden] "
        "[na de kassa|bij de uitgang|bij de poortjes]",
        "[Verdachte|V.] [bekende direct|bekende ter plaatse|bekende na enige tijd|ontkende] "
        "[de diefstal|het feit]",
        "[Er werd|Werd] [een winkelverbod|een verbod] [uitgereikt|opgelegd] [door de winkel|"
        "voor een jaar]",
    ],
    "traffic": [
        "[Bestuurder|Bestuurster|B1] ({age}) [bleek niet in het bezit van een geldig rijbewijs|"
        "had geen rijbewijs|rijdt al jaren zonder rijbewijs]",
        "[Het voertuig|De auto|Het busje] ({car}) [was niet verzekerd|had geen APK|stond op naam "
        "van een bedrijf]",
        "[Ademanalyse|Blaastest|AA] [gaf|wees uit] [{n}0 ug/l|een positieve uitslag|geen "
        "bijzonderheden]",
        "[In het busje|In de auto] [zaten|bevonden zich] {n} [personen|inzittenden|mannen]",
        "[Beide voertuigen|De voertuigen] [werden afgesleept|konden zelf verder]",
    ],
    "nuisance": [
        "[Melder|Mld.|De buurman] [verklaarde|gaf aan] dat er [al weken|elke nacht|vaak] "
        "[lawaai|herrie|veel verkeer] [is|was] [bij|rond] [de woning|nr. {n}]",
        "[Bewoner|Bewoonster|Betrokkene] ({age}) werd [aangesproken|gewezen op de overlast|"
        "gewaarschuwd]",
        "[Bij aankomst|Tp] [was het rustig|waren er {n} personen aanwezig|deed niemand open]",
        "[Er werd|Werd] [een bekeuring|een bon|een waarschuwing] [uitgeschreven|gegeven] [ivm|"
        "voor] [geluidsoverlast|art. 2.9 APV|openbare dronkenschap]",
    ],
    "domestic": [
        "[Melder|Slachtoffer|Betrokkene] ({age}) [verklaarde|zei|gaf aan] dat [haar partner|"
        "haar vriend|haar man] [haar had geslagen|haar had geduwd|haar had bedreigd]",
        "[Er was|Er werd] [zichtbaar letsel|een rode plek|geen letsel] [geconstateerd|gezien] "
        "[op haar arm|in het gezicht|]",
        "[Partner|Verdachte|V.] werd [aangehouden|meegenomen|verwijderd uit de woning]",
        "[Kinderen|Er waren kinderen] [waren aanwezig|aanwezig in de woning|sliepen]; "
        "[Veilig Thuis|VT] [wordt ingelicht|ingelicht|is gebeld]",
    ],
    "burglary": [
        "[Achterdeur|Raam|Voordeur] was [geforceerd|ingeslagen|opengebroken]",
        "[Weggenomen|Ontvreemd|Vermist]: [laptop|sieraden|geld|een fiets|gereedschap]",
        "[Sporen|SV|De forensische opsporing] [werd ingeschakeld|ingelicht|ter plaatse]",
        "[Getuige|Een buurvrouw] zag [twee|drie] [jongens|personen] [wegrennen|wegrijden in {car}]",
    ],
    "inspection": [
        "[Bij de controle|Tijdens de controle] [werden|zijn] {n} [werknemers|personen|"
        "medewerkers] [aangetroffen|gecontroleerd]",
        "[Van allen|Van iedereen] [werden|zijn] [de identiteitspapieren|ID-bewijzen] "
        "[gecontroleerd|gezien]",
        "[De|] [eigenaar|bedrijfsleider|uitbater] ({age}) was [aanwezig|ter plaatse|telefonisch "
        "bereikbaar]",
        "[De inspectie|NLA|De gemeente] [neemt de zaak verder op|maakt een rapport op|"
        "gaat de administratie controleren]",
    ],
    "missing": [
        "[Vermiste|Betrokkene|Het meisje] ({age}) [was sinds|is sinds] [gisteren|{n} dagen|"
        "het weekend] [niet meer gezien|vermist|niet thuisgekomen]",
        "[Zij|Ze|Betr.] werd [aangetroffen|gevonden|opgehaald] [bij|in] {place}",
        "[Moeder werd|Ouders werden|Vader werd|De voogd werd] [ingelicht|gebeld|op de hoogte "
        "gebracht]",
        "[Zij|Ze] [reageert|reageerde] niet op [haar telefoon|berichten|oproepen]",
    ],
}
CLOSING = [
    "[PV|pv|Proces-verbaal] [opgemaakt|wordt opgemaakt|volgt]",
    "[Betrokkene|Betr.|V.] [heengezonden|na verhoor heengezonden|ingesloten|voorgeleid aan HOvJ]",
    "[Info|Informatie] [gedeeld|doorgezet] [met|naar] [de wijkagent|het wijkteam|de jeugdagent|"
    "Veilig Thuis]",
    "[Zaak|Melding] [overgedragen aan|doorgezet naar] [de recherche|het DRR|het team Opsporing]",
    "[Verder geen|Geen] [bijzonderheden|bijz]",
    "[Zie ook|Zie|Vgl.] [mutatie|BVH-nr.|reg.nr.] {bvh}",
    "[Afgehandeld|Afgedaan] [ter plaatse|met een waarschuwing|met een bekeuring]",
    "[Graag|] [terugkoppeling|nader onderzoek] [naar|door] [wijkteam|jeugdzaken]",
]
CARS = [
    "een zwarte Audi A4",
    "een grijze VW Golf",
    "een witte bestelbus",
    "een BMW met Belgisch kenteken",
    "een Mercedes Sprinter",
    "een Toyota Prius (taxi)",
    "een Opel met Pools kenteken",
    "een Skoda Octavia",
    "een donkere Range Rover",
    "een Peugeot 207",
]
NATIONALITIES = [
    "Poolse",
    "Roemeense",
    "Bulgaarse",
    "Nederlandse",
    "Marokkaans-Nederlandse",
    "Oekraïense",
    "Nigeriaanse",
    "Eritrese",
    "Hongaarse",
    "Vietnamese",
    "Surinaamse",
    "Syrische",
    "Colombiaanse",
]
ABBREVIATIONS = {
    "betrokkene": ["betrokkene", "betr.", "bt.", "betrokkene"],
    "verdachte": ["verdachte", "V.", "vd.", "verd."],
    "telefoon": ["telefoon", "tel.", "telefoon", "GSM"],
    "in verband met": ["in verband met", "i.v.m.", "ivm"],
    "ongeveer": ["ongeveer", "ong.", "plm.", "circa", "ca."],
}
