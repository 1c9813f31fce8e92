"""Hidden signals of exploitation in police reports, and their honest look-alikes.

A signal is rarely named: it shows as a detail (who drove the boy there, who
holds the passports, who paid the hotel). Look-alikes use the same words about
situations that turned out fine, so that word lists alone cannot separate them.
"""

from __future__ import annotations

SIGNALS = {
    "criminal": [
        "[Betrokkene|Betr.|V.|De jongen] ({minor}) [verklaarde|zei|gaf aan] dat hij [werd|wordt] "
        "[rondgereden|gebracht en opgehaald|afgezet] door [oudere jongens|een man die hij "
        "'{nick}' noemt|mensen die hij niet wilde noemen]",
        "[Hij|Betr.|De minderjarige] [zei|vertelde|liet vallen] dat hij [nog geld moest terug"
        "betalen|een schuld had|in de schuld stond] [bij|aan] [iemand|'{nick}'|een oudere jongen] "
        "[van|voor] [{amount} euro|een kwijtgeraakte partij|een afgepakte telefoon]",
        "[Hij|Betrokkene] [woont in|komt uit|staat ingeschreven in] [{home}|een andere stad] en "
        "[wist niet|kon niet zeggen] hoe hij in {city} [was gekomen|terecht was gekomen]",
        "[Op zijn telefoon|In zijn telefoon|Op de telefoon van betr.] [kwamen|stonden] [steeds|"
        "voortdurend|tientallen] [berichten|oproepen] [binnen|] van [een nummer|een contact] "
        "[opgeslagen als|onder de naam] '{nick}'",
        "[Het viel op|Opvallend was|Opvallend:] dat [betr.|hij] [erg angstig was|bang was voor "
        "wat er zou gebeuren|steeds vroeg of zijn telefoon terug kon]",
        "[Een|] [auto|{car}] [stond|wachtte] [om de hoek|verderop|bij de uitgang] en [reed weg|"
        "vertrok met hoge snelheid] toen [wij|politie] [aankwamen|betr. aanhielden]",
        "[Betr.|Hij] ({minor}) [had|droeg] [dure kleding|nieuwe sneakers|twee telefoons] maar "
        "[geen|nauwelijks] [geld|eigen geld|bankpas] [bij zich|op zak]",
        "[Betr.|Hij|De jongen] [moest|zei te moeten] [de spullen|de goederen|het geld] "
        "[afgeven|inleveren|afdragen] aan [iemand|een man in de auto|'{nick}']",
        "[Het meisje|Betrokkene|De jongen] ({minor}) [was|bleek] [sinds|al] [weken|een maand] "
        "[niet naar school geweest|van school weg|vermist gemeld door de jeugdinstelling]",
        "[Hij zegt|Betr. verklaart] dat [ze|zij] [zijn moeder|zijn familie] [iets zullen aandoen|"
        "weten te vinden] als hij [praat|stopt]",
        "[Hij|Betr.] [had|droeg] [een treinkaartje|een OV-chipkaart|een buskaartje] van "
        "[vanochtend|gisteren] [uit|vanuit] {home} [dat iemand anders voor hem had gekocht|"
        "en wist niet wie het had betaald]",
        "[De jongen|Betr.] [keek|bleef] [steeds|telkens] naar [buiten|de auto aan de overkant|"
        "zijn telefoon] en [vroeg|wilde weten] [hoe laat hij weg mocht|of 'hij' nog wachtte]",
        "[In de woning|Op het adres] [verbleven|sliepen] [meerdere|{n}] [minderjarigen|jongens "
        "van {minor}] die daar [niet stonden ingeschreven|niet woonden volgens de BRP]",
        "[Betr.|Hij] [zei|vertelde] dat hij [per pakketje|per rit|per dag] [{n}0 euro|een paar "
        "tientjes] [zou krijgen|kreeg] maar [nog nooit iets had gehad|alles moest afdragen]",
    ],
    "labour": [
        "[De werknemers|Arbeiders|Medewerkers|De mannen] [sliepen|bleken te slapen|overnachtten] "
        "[in het bedrijfspand|op de werkplek|in de kas|boven het restaurant|in containers achter "
        "het pand]",
        "[Paspoorten|De ID-bewijzen|Hun paspoorten] [werden bewaard door|waren in bezit van|"
        "lagen bij|werden ingehouden door] [de werkgever|de bemiddelaar|de baas|'{nick}']",
        "[Zij|Betrokkenen|Werknemers] [werkten|verklaarden te werken] [{hours} uur per dag|"
        "zeven dagen per week|van 6 tot 22 uur] voor [{amount} euro per maand|weinig geld|"
        "een paar euro per uur]",
        "[Van het loon|Van hun salaris|Van het geld] [werd|werden] [huur|reiskosten|boetes|"
        "'kosten'] [ingehouden|afgetrokken] [waardoor er niets overbleef|voor een schuld]",
        "[Betrokkene|Een van de werknemers|Betr.] ({age}) [zei|verklaarde] [een schuld te "
        "hebben|nog {amount} euro schuldig te zijn] [voor de reis|voor bemiddeling|aan de "
        "werkgever]",
        "[Er woonden|Er verbleven|In de woning woonden] {many} [personen|arbeiders|Poolse "
        "mannen] [in|op] [een|] [woning|kamer|chalet] [voor 4 personen|zonder keuken|met "
        "matrassen op de grond]",
        "[Zij|De werknemers] [mochten|konden] [het terrein|de woning|het pand] [niet zonder "
        "toestemming verlaten|alleen onder begeleiding verlaten|niet af]",
        "[De bankpassen|Hun pinpassen] [van de werknemers|] [lagen|werden bewaard] [bij de "
        "werkgever|in het kantoor van de baas]",
        "[Geen van hen|Niemand] [had|beschikte over] een [arbeidscontract|loonstrook|eigen "
        "verzekering] en [zij|ze] spraken [geen|nauwelijks] [Nederlands|Engels]",
        "[Betrokkene|Hij|Zij] ({age}) [was bang om|durfde niet] [te praten|iets te zeggen] "
        "[waar de werkgever bij was|in bijzijn van de voorman]",
        "[De mannen|Werknemers] [werden|worden] [elke ochtend|dagelijks] [om 5 uur|vroeg] "
        "[met een busje|door de voorman] [opgehaald|gebracht] en [wisten niet|konden niet "
        "zeggen] [voor welk bedrijf ze werkten|waar ze werkten]",
        "[Betrokkene|Hij] ({age}) [had|toonde] [een hand|een arm] met [een slecht verzorgde|"
        "een onbehandelde] [wond|brandwond] [van het werk|opgelopen in de kas] en [mocht niet "
        "naar de dokter|had geen verzekering]",
        "[De sleutels|De sleutel] van [de woning|de kamer|het hek] [had|hield] [alleen de "
        "werkgever|de baas|'{nick}'][; de werknemers werden 's avonds ingesloten|]",
        "[Via|Volgens] [een tolk|Google Translate] [gaf|vertelde] [betr.|een werknemer] aan "
        "[al {n} maanden|sinds de zomer] [geen loon|nauwelijks geld] te hebben [ontvangen|"
        "gekregen]",
    ],
    "sexual": [
        "[Betrokkene|Het meisje|Zij] ({minor}) [heeft|had] [een oudere vriend|een vriendje van "
        "{older}|een 'vriend'] die [haar naar hotels brengt|haar laat werken in hotels|afspraken "
        "voor haar maakt]",
        "[In de hotelkamer|In het appartement|Ter plaatse] [werden|lagen] [veel condooms|"
        "{n} telefoons|een stapel contant geld|lingerie] [aangetroffen|gezien]",
        "[Zij|Betr.] [moest|zei te moeten] [het geld|de verdiensten|alles] [afgeven|afdragen] "
        "aan [haar vriend|'{nick}'|de man die haar bracht]",
        "[Haar|Een] [advertentie|profiel] [op een sekssite|op internet|op een datingsite] "
        "[werd|is] "
        "[door iemand anders|door haar vriend] [geplaatst|beheerd]",
        "[Een man|{older_man}] [wachtte|stond te wachten] [in {car}|beneden|in de lobby] en "
        "[sprak haar aan op|belde haar steeds tijdens] het gesprek",
        "[Zij|Betrokkene] [had|heeft] [een tatoeage|een tattoo] [met|van] [de naam|de initialen] "
        "van [haar vriend|'{nick}']",
        "[Buurtbewoners zien|Melder ziet|Er komen] [veel|steeds wisselende|{many}] [mannen|"
        "bezoekers] [per dag|per nacht] [bij de woning|naar het appartement|op de kamer]",
        "[Zij|Betr.] ({age}) [kende|wist] [haar eigen adres|de stad waar ze was|in welk hotel ze "
        "zat] [niet|niet goed] en [had geen eigen|had geen] [paspoort|telefoon|geld]",
        "[Zij|Het meisje] [kreeg|heeft] [dure cadeaus|een nieuwe telefoon|kleding] van [een "
        "oudere man|haar vriend] en [moest|'moest'] [nu iets terugdoen|hem terugbetalen]",
        "[Betrokkene|Zij] [werd|wordt] [elke week|steeds] [naar een andere stad|naar {home}|"
        "naar België] [gebracht|verplaatst]",
        "[De hotelkamer|Het appartement] [was|werd] [gehuurd|betaald] [door|op naam van] [een "
        "man van {older}|'{nick}'|een onbekende] [met contant geld|via een app]",
        "[Zij|Het meisje] ({minor}) [had|droeg] [geen jas|slippers] [in de kou|in de nacht] en "
        "[had|bewaarde] [een tweede telefoon|een prepaid toestel] [in haar tas|bij zich]",
        "[Op haar telefoon|In de telefoon] [stonden|zagen wij] [berichten|chats] met "
        "[afspraken en bedragen|tijden en prijzen] [van klanten|] [die een ander namens haar "
        "verstuurde|in een taal die ze niet sprak]",
        "[Zij|Betrokkene] [zei|verklaarde] [dat ze 'voor haar vriend werkte'|dat haar vriend "
        "'alles regelt'] en [lachte het weg|wilde er verder niets over zeggen]",
    ],
    "other": [
        "[Een oudere vrouw|Betrokkene] ({age}) [zat|stond] [elke dag|al weken] [te bedelen|met "
        "een bekertje] [bij de supermarkt|bij het station] en [werd|wordt] ['s avonds|elke "
        "avond] [opgehaald|met een busje opgehaald] door [dezelfde man|'{nick}']",
        "[Het meisje|Betrokkene] ({minor}) [mocht|moest] [niet naar school|thuisblijven] [om|"
        "en] [voor het huishouden te zorgen|op de kinderen van de familie te passen] [, zonder "
        "vrije dag|; zij sliep in de keuken]",
        "[De jonge vrouw|Betrokkene] ({age}) [vertelde|zei] dat [haar familie|haar schoonfamilie] "
        "[haar paspoort had afgepakt|haar niet alleen naar buiten liet gaan] [sinds de "
        "bruiloft|na het huwelijk]",
        "[Betrokkene|Zij] ({age}) [zei|verklaarde] dat [zij|ze] [moest trouwen|uitgehuwelijkt "
        "werd|werd gedwongen te trouwen] met [een neef|een man die ze niet kende]",
        "[De vrouw|Betrokkene] [moest|zei te moeten] [bedelen|geld ophalen] [bij het station|op "
        "straat] en [alles afgeven|het geld afdragen] aan [een man|'{nick}']",
        "[Zij|Betr.] [werkte|werkt] [dag en nacht|zonder vrije dag] als [huishoudster|"
        "oppas] [bij een gezin|bij familie] [zonder loon|voor kost en inwoning] en [mocht niet "
        "naar buiten|had haar paspoort niet]",
    ],
}
# The same vocabulary in situations that turned out fine.
LOOKALIKES = [
    "[Betrokkene|Betr.|Hij] ({age}) [werkt|werkt al jaren] via een [uitzendbureau|"
    "uitzendbureau met SNF-keurmerk] en [heeft zijn eigen paspoort|toonde zijn eigen ID-bewijs "
    "en contract]",
    "[Geen|Er zijn geen|Er waren geen] [signalen|aanwijzingen] van [dwang|uitbuiting|"
    "mensenhandel] [waargenomen|aangetroffen|gezien]",
    "[Zij|Betrokkene] ({age}) [werkt|werkt al jaren] [zelfstandig|als zelfstandige] [in de "
    "prostitutie|als sekswerker] [met vergunning|en is ingeschreven bij de KvK] en [maakt een "
    "zelfstandige indruk|verklaarde vrij te zijn]",
    "[Haar vriend|Haar partner] ({age2}) [bracht|haalde] [haar|] [naar huis|van het werk] "
    "[;|, ] [geen bijzonderheden|niets opvallends]",
    "[De werknemers|Werknemers] [sliepen|verbleven] [in een|op een] [gecertificeerde|nette] "
    "[huisvesting|camping|woning] [en toonden loonstroken|met eigen sleutel]",
    "[De werkgever|Eigenaar] [toonde|liet zien] [loonstroken|arbeidscontracten|de "
    "urenregistratie] [van alle medewerkers|]; [alles in orde|geen bijzonderheden]",
    "[De jongen|Betrokkene] ({minor}) werd [opgehaald|meegenomen] door [zijn moeder|zijn "
    "vader|een ouder] [na overleg|en thuisgebracht]",
    "[Zij|Betr.] [had|heeft] [een schuld|schulden] bij [de bank|een telefoonprovider|"
    "familie] en [staat onder bewind|werkt met de schuldhulpverlening]",
    "[Hij zegt|Betr. zegt] dat zijn [vriend|neef|broer] hem [rondreed|bracht] [omdat hij geen "
    "rijbewijs heeft|naar zijn werk]",
    "[Betrokkene|Zij] [was|is] [op vakantie|bij een vriendin] geweest en [niet vermist|"
    "gewoon thuisgekomen]",
    "[Er werd|Werd] [navraag gedaan|gecheckt] [bij de AVIM|in de systemen]: [niets bekend|"
    "geen registraties]",
    "[Het meisje|Betrokkene] ({minor}) [was|bleek] [bij haar vriend|bij een vriendin] "
    "[van 16|van haar leeftijd] [geweest|blijven slapen]; [ouders waren op de hoogte|"
    "geen zorgen]",
    "[De werknemers|Zij] [slapen|verblijven] [tijdelijk|deze week] [op het bedrijf|in de "
    "bedrijfswoning] [met toestemming van de gemeente|volgens de regels van de cao]",
    "[Betrokkene|Hij] ({age}) [bracht|leverde] [pakketjes|bestellingen] rond [voor PostNL|"
    "als bezorger voor een app] en [toonde de app|had een contract]",
    "[Zij|Betr.] [werkt|werkte] in een [hotel|massagesalon] [als receptioniste|als "
    "schoonmaker] en [heeft een vast contract|wordt normaal betaald]",
]
NICKS = [
    "Kobe",
    "Dre",
    "Sjaak",
    "Mo",
    "Boss",
    "Tata",
    "de Pool",
    "Rocky",
    "Baba",
    "Daddy",
    "Romeo",
    "Nico",
    "Vlad",
    "Geo",
    "Big M",
    "Ome Jan",
    "Marco",
    "de chauffeur",
    "Sammy",
]
