"""Words that look like place names in news text but are not, and the cues of a person's name.

GeoNames lists tens of thousands of villages; some share a spelling with an
English word ("Most", "Liberty"), a weapon ("Lancet", "Iskander"), a person
("Trump", "Kim") or the first half of a longer name ("Chasiv" of Chasiv Yar).
Those keys are never indexed. Everything here is written normalised
(lower case, no accents), as ``normalise_name`` produces it.
"""

from __future__ import annotations

# fmt: off
# (word lists stay packed, not one word a line)
MONTHS_AND_DAYS = frozenset(
    (
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
    )
)

# Capitalised English words, sentence openers and headline words that GeoNames
# spells as a village somewhere in the loaded countries.
ENGLISH_WORDS = frozenset(
    (
        "of", "the", "and", "or", "but", "for", "from", "into", "onto", "near", "most", "more", "popular", "liberty",
        "victory", "union", "unity", "hope", "peace", "freedom", "independence", "progress", "pioneer", "pioneers",
        "october", "rally", "center", "centre", "central", "north", "south", "east", "west", "northern", "southern",
        "eastern", "western", "new", "old", "great", "little", "upper", "lower", "middle", "big", "small", "red",
        "white", "black", "green", "blue", "gold", "golden", "silver", "star", "stars", "sun", "moon", "sunny",
        "spring", "summer", "autumn", "winter", "garden", "park", "forest", "lake", "river", "sea", "bay", "port",
        "harbour", "harbor", "bridge", "hill", "hills", "valley", "field", "fields", "rock", "stone", "iron", "steel",
        "coal", "salt", "mine", "mines", "station", "airport", "village", "town", "city", "region", "district",
        "province", "state", "capital", "front", "line", "border", "mission", "general", "major", "colonel", "captain",
        "president", "prime", "minister", "official", "officials", "source", "sources", "media", "news", "post",
        "times", "live", "video", "photo", "photos", "read", "more", "related", "latest", "breaking", "home", "world",
        "europe", "europa", "asia", "africa", "america", "americas", "mir", "bar", "nova", "novo", "stara", "stary",
        "velyka", "mala", "velyki", "police", "marine", "marines", "plast",
        "lancet", "iskander", "storm", "shadow", "patriot", "javelin", "himars", "atacms",
        "kinzhal", "kalibr", "zircon", "tsirkon", "oreshnik", "sarmat", "tochka", "uragan", "smerch", "grad", "buk",
        "tor", "pantsir", "krasnopol", "orlan", "geran", "shahed", "msta", "pion", "akatsiya", "gvozdika", "tyulpan",
        "bohdana", "grom", "leopard", "abrams", "bradley", "challenger", "stinger", "wagner", "akhmat", "rubikon",
        "azov", "kremlin", "maidan", "pentagon", "telegram", "reuters", "tass", "interfax", "ukrinform", "lenta", "ria",
        "sky", "dom", "dim", "mars", "ares", "atlas", "delta", "alpha", "omega", "sigma", "vega", "prima", "europe",
        "union", "nato", "tank", "tanks", "drone", "drones", "army", "navy", "air", "force", "forces", "troops", "mira",
        "lisa", "olga", "vera", "nadia", "anna", "maria", "ivan", "boris", "sin", "sun", "yun", "jong", "il", "ri",
        "kim", "lee", "park", "choi", "chasiv", "yar", "pershyi", "druhe", "pershe", "persha", "druha", "koksan",
        "band", "blast", "buy", "cop", "gal", "hat", "jam", "jar", "ken", "kite", "lazy", "log", "marks", "model", "modern",
        "never", "postal", "record", "ross", "sad", "shy", "smile", "tap", "tape", "taps", "tim", "tin", "uni", "val",
        "vary", "walk", "brad", "ogre", "mega", "nokia", "human", "luck", "int", "char", "chad", "markos", "ovidiu",
        "johannes", "karan", "suman", "rest", "part", "dual", "para", "hang", "lone", "lime", "der", "bin", "bes", "bos",
    )
)

# People whose surnames are also villages somewhere, and who are in the news.
PERSON_SURNAMES = frozenset(
    (
        "trump", "biden", "putin", "zelensky", "zelenskyy", "zelenskiy", "lavrov", "peskov", "shoigu", "gerasimov",
        "kadyrov", "prigozhin", "budanov", "syrskyi", "syrsky", "zaluzhnyi", "yermak", "kuleba", "sybiha", "umerov",
        "shmyhal", "tusk", "orban", "macron", "scholz", "merz", "starmer", "sunak", "erdogan", "lukashenko", "medvedev",
        "belousov", "nebenzya", "zakharova", "kellogg", "witkoff", "rubio", "vance", "hegseth", "stoltenberg", "rutte",
        "guterres", "grossi", "klitschko"
    )
)

# fmt: on

STOP_KEYS: frozenset[str] = MONTHS_AND_DAYS | ENGLISH_WORDS | PERSON_SURNAMES

# fmt: off
# A place name right after one of these is a person's name ("President Kim").
TITLES = frozenset(
    (
        "president", "mr", "mrs", "ms", "miss", "dr", "gen", "general", "lt", "col", "colonel", "maj", "major", "sgt",
        "captain", "capt", "cmdr", "commander", "minister", "premier", "chancellor", "senator", "sen", "rep",
        "governor", "mayor", "chief", "king", "queen", "prince", "princess", "pope", "patriarch", "ambassador",
        "spokesperson", "spokesman", "spokeswoman", "secretary", "deputy", "marshal", "admiral", "sir", "lord", "lady",
        "dame", "brother", "sister", "father"
    )
)

# A place name right after one of these first names is a surname ("Donald Tusk"),
# and a place name that is itself one of them, followed by a capitalised word,
# is a first name ("Vladimir Putin", "Jordan Bardella").
FIRST_NAMES = frozenset(
    (
        # (US states that are first names too: "Virginia Woolf", "Indiana Jones".)
        "virginia", "georgia", "carolina", "indiana", "montana", "dakota",
        "donald", "joe", "joseph", "kamala", "vladimir", "volodymyr", "oleksandr", "oleksiy", "oleksii", "olexander",
        "alexander", "aleksandr", "alexei", "alexey", "aleksei", "andriy", "andrii", "andrei", "andrey", "andrew",
        "dmytro", "dmitry", "dmitri", "sergei", "sergey", "serhiy", "serhii", "mykola", "nikolai", "mikhail",
        "mykhailo", "yuriy", "yuri", "yulia", "yuliia", "valery", "valeriy", "viktor", "victor", "vitaliy", "vitaly",
        "vitali", "ihor", "igor", "denys", "denis", "petro", "pyotr", "pavlo", "pavel", "ivan", "boris", "olaf",
        "emmanuel", "keir", "rishi", "recep", "ursula", "antonio", "jens", "mark", "mike", "pence", "marco", "jd",
        "pete", "steve", "keith", "lloyd", "antony", "tony", "jake", "john", "james", "jim", "william", "bill",
        "george", "ben", "benjamin", "xi", "kim", "jong", "un", "mohammed", "muhammad", "ali", "hassan", "ramzan",
        "yevgeny", "evgeny", "oleg", "roman", "ruslan", "kyrylo", "kirill", "gennady", "hennadiy", "taras", "bohdan",
        "rustem", "denis", "anatoliy", "anatoly", "leonid", "nicolas", "tulsi", "vedant", "pasi", "andrzej", "radoslaw",
        "radek", "kaja", "kaja", "olena", "elena", "maria", "jordan", "chad", "georgia", "israel", "sofia", "paris",
        "victoria", "lincoln", "austin", "houston", "dallas", "artem", "artyom",
        # Polish and Czech first names that are also towns ("Jaroslaw Kaczynski": Jarosław is a town too).
        "jaroslaw", "jarosław", "yaroslav", "stanislaw", "stanisław", "wladyslaw", "władysław", "boleslaw", "bolesław",
        "mieczyslaw", "zdzislaw", "wojciech", "tomasz", "mateusz", "donald", "szymon", "krzysztof", "bogdan",
        # Ukrainian and Russian first names that are also villages ("полковник Андрій Мельник").
        "андрій", "андрей", "олександр", "александр", "олексій", "алексей", "сергій", "сергей", "володимир",
        "владимир", "дмитро", "дмитрий", "юрій", "юрий", "іван", "иван", "михайло", "михаил", "микола", "николай",
        "віктор", "виктор", "валерій", "валерий", "петро", "петр", "павло", "павел", "василь", "василий", "ігор",
        "игорь", "олег", "роман", "євген", "евгений", "богдан", "тарас", "максим", "артем", "артём", "денис",
        "анатолій", "анатолий", "геннадій", "геннадий", "вячеслав", "в'ячеслав", "ярослав", "станіслав", "станислав",
        "олена", "елена", "ольга", "марія", "мария", "наталія", "наталья", "юлія", "юлия", "ірина", "ирина"
    )
)

# Words after a place name that make the pair an organisation, not a place ("Kyiv Independent").
ORGANISATION_WORDS = frozenset(
    (
        "post", "times", "independent", "herald", "journal", "tribune", "gazette", "telegraph", "institute",
        "university", "patriarchate", "declaration", "accords", "memorandum", "format", "protocol", "agreements",
        "school", "dynamo", "centre", "center", "academy", "foundation"
    )
)

# Words before a place name that make the pair a title, most often a newspaper's ("Ukrainska Pravda").
NAME_PREFIXES = frozenset(
    (
        "ukrainska", "komsomolskaya", "novaya", "rossiyskaya", "nezavisimaya", "ekonomichna", "dzerkalo",
        "radio", "hotel", "operation", "fc", "shakhtar",
        # Named storms: "Hurricane Milton", "Storm Boris", "Typhoon Yagi".
        "hurricane", "storm", "typhoon", "cyclone"
    )
)

# Lower-case words after a place name that make it a military grouping's name ("the Vostok group").
GROUPING_WORDS = frozenset(("group", "grouping", "groupings", "battlegroup", "battlegroups"))

# fmt: on

ACRONYMS = frozenset({"us", "u.s", "u.s.", "usa", "u.s.a", "u.s.a.", "uk", "u.k", "u.k.", "dprk", "prc", "uae", "rf"})
