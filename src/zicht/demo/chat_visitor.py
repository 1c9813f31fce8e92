"""Visitor lines in English, Polish, Romanian, Spanish and Ukrainian."""

from __future__ import annotations

EN = {
    "sexual_self": [
        "[my boyfriend|my 'boyfriend'|the man I live with] [says I have to|wants me to] [see "
        "other men|work in hotels|work to pay off his debt]",
        "[I have to|I had to] [give him all the money|hand over everything I earn] and [he has|"
        "they have] my [passport|phone|bank card]",
        "[he puts|they put] [ads|pictures of me] [online|on a website] and [I don't even know|I "
        "don't know] [what they say|which city I will be in tomorrow]",
        "I [can't|don't dare to] leave because he [knows where my family lives|says I owe him "
        "{amount} euro|threatens to send the pictures]",
    ],
    "sexual_other": [
        "[my niece|a girl from my class|my neighbour's daughter|my little sister] ({age}) [has "
        "a much older boyfriend|is picked up all the time by a man in an expensive car]",
        "[she suddenly has|she keeps getting] [expensive things|a new phone|money] and [stays "
        "away for nights|sleeps in hotels]",
    ],
    "labour_self": [
        "[I work|we work] [in a greenhouse|in a warehouse|in a restaurant|on a building site] "
        "[12 hours a day|every day|without a day off] and [get|we get] [almost nothing|{amount} "
        "euro a month|paid later, they say]",
        "[the boss|the agency] [has|keeps] [my passport|our passports] and [says|said] I have "
        "to pay back [the debt first|the travel and the room]",
        "[we sleep|I sleep] [with 10 people|twelve of us] [in one house|in the workplace|in a "
        "container] and [the rent|fines] [is|are] taken from our pay",
    ],
    "criminal_child": [
        "[my son|my little brother|a boy I know] ({age}) [has to|is made to] [deliver drugs|"
        "carry packages|steal phones] for [older boys|a man]",
        "[he says|he said] he [owes them money|has a debt|can't stop] and [they know where we "
        "live|they will hurt him] if he stops",
    ],
    "parent": [
        "[my mother|my father|my stepfather] [makes me|forces me to] [go with men|work for "
        "money|collect money] and [takes|keeps] [everything|all the money]",
    ],
    "labour_other": [
        "[at my neighbours|in the house next door|at the nail salon here] [live|work] [lots of|"
        "always different] [men|girls|people] who [are always picked up by a van|are never "
        "allowed outside|look very tired]",
        "[my cousin|a friend of mine] works [in a car wash|on a farm|in a kitchen] and [never "
        "gets paid|his boss keeps his papers|sleeps there on the floor]",
    ],
    "forced_marriage": [
        "[my family|my parents] [want|wants] me to [marry|get married to] [my cousin|a man I "
        "don't know] [this summer|next year] and [I don't want that|I am not allowed to say no]",
        "[they took|my uncle has] my passport [for the trip|so I cannot leave] and [say|said] "
        "[it is for the wedding|I have to obey]",
    ],
    "relationship": [
        "[my ex|my partner] [keeps texting me|follows me] and [I am scared|I want it to "
        "stop], [but he has nothing to do with my work|it is not about money]",
        "[my boyfriend|my husband|my partner] [hits me|is very jealous|checks my phone] and "
        "[I don't know what to do|I want to leave but I have no money]",
        "[he|she] [sometimes takes my phone|doesn't want me to see friends] [but I work "
        "normally|but I have my own money and passport]",
    ],
    "sexwork_question": [
        "I [work|want to work] [independently|as an escort|in a window] and [want to know|"
        "wonder] [how to register|which licence I need|if I need to register with the KvK]",
        "I am [new in town|just moved here] and want to [work safely|know where to get an STI "
        "test]",
    ],
    "work_question": [
        "[my boss|the agency] pays [late|no overtime] [but I have my own passport and contract|"
        "and I want to know my rights]",
    ],
    "debt": [
        "I have [debts|a debt] [with the bank|with friends|of {amount} euro] and [I don't "
        "know how to pay it back|I am looking for help]"
    ],
    "general": [
        "[I just want to know|I wanted to ask] [what you do|how this chat works|if this "
        "is anonymous]"
    ],
}
PL = {
    "labour_self": [
        "[pracuję|pracujemy] [w szklarni|w magazynie|na budowie] [12 godzin dziennie|codziennie|"
        "bez dnia wolnego] i [dostaję|dostajemy] [prawie nic|{amount} euro miesięcznie]",
        "[szef|agencja] [ma|zabrał] [mój paszport|nasze paszporty] i mówi, że muszę [spłacić "
        "dług|oddać za podróż i pokój]",
        "[śpimy|śpię] [w 10 osób|w dwanaście osób] [w jednym domu|w kontenerze] i [czynsz|kary] "
        "[jest|są] [potrącany|potrącane] z pensji",
    ],
    "sexual_self": [
        "[mój chłopak|mężczyzna, u którego mieszkam] [mówi, że muszę|chce, żebym] [spotykać się "
        "z innymi mężczyznami|pracować w hotelach] i [zabiera|bierze] wszystkie pieniądze",
    ],
    "work_question": [
        "[mój szef|agencja] płaci [za późno|bez nadgodzin] [ale mam swój paszport i umowę|i chcę "
        "znać swoje prawa]",
    ],
    "relationship": [
        "[mój mąż|mój partner] [bije mnie|jest bardzo zazdrosny] i [nie wiem co "
        "robić|chcę odejść ale nie mam pieniędzy]"
    ],
    "debt": [
        "mam [długi|dług] [w banku|u znajomych|{amount} euro] i [szukam pomocy|nie wiem jak "
        "spłacić]"
    ],
}
RO = {
    "sexual_self": [
        "[prietenul meu|omul la care stau] [spune că trebuie|vrea să] [să merg cu alți bărbați|"
        "să lucrez în hoteluri] și [îmi ia|ia] toți banii",
        "[el are|ei au] [pașaportul meu|telefonul meu] și [nu pot pleca|spune că îi datorez "
        "{amount} euro]",
    ],
    "labour_self": [
        "[lucrez|lucrăm] [în seră|într-un depozit|pe șantier] [12 ore pe zi|în fiecare zi] și "
        "[primesc|primim] [aproape nimic|{amount} euro pe lună]",
        "[șeful|agenția] [are|ține] [pașaportul meu|pașapoartele noastre] și [spune|zice] că "
        "trebuie să plătesc datoria",
    ],
    "criminal_child": [
        "[fiul meu|fratele meu] ({age}) [trebuie să|este obligat să] [fure|care "
        "droguri] pentru [niște băieți mai mari|un bărbat]"
    ],
    "relationship": [
        "[soțul meu|prietenul meu] [mă bate|este foarte gelos] și [nu știu ce să fac|vreau să plec]"
    ],
    "sexwork_question": [
        "[lucrez|vreau să lucrez] [independent|ca escortă] și vreau să știu "
        "[cum mă înregistrez|de ce licență am nevoie]"
    ],
}
ES = {
    "sexual_self": [
        "[mi novio|el hombre con quien vivo] [dice que tengo que|quiere que] [ver a "
        "otros hombres|trabajar en hoteles] y [se queda con|me quita] todo el dinero"
    ],
    "sexwork_question": [
        "[trabajo|quiero trabajar] [de forma independiente|como escort] y "
        "quiero saber [cómo registrarme|qué licencia necesito]"
    ],
    "relationship": [
        "[mi pareja|mi marido] [me pega|es muy celoso] y [no sé qué hacer|quiero irme]"
    ],
}
UK = {
    "labour_self": [
        "[я працюю|ми працюємо] [на складі|в теплиці] [12 годин на день|без "
        "вихідних] і [майже нічого не отримую|отримуємо {amount} євро на місяць]",
        "[бос|агентство] [забрав|тримає] [мій паспорт|наші паспорти]",
    ],
    "sexual_self": [
        "[чоловік, у якого я живу|мій хлопець] [каже, що я мушу|хоче, щоб я] "
        "[працювала в готелях|зустрічалася з чоловіками] і забирає гроші"
    ],
    "general": ["[я біженка з України|я з України] і хочу [знати свої права|знайти роботу]"],
    "work_question": [
        "[мій роботодавець|агентство] платить [із запізненням|без понаднормових], "
        "але паспорт у мене"
    ],
}
