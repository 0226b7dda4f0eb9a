"""Word lists the extraction rules are built from: sides, armed forces, people, bodies.

Everything here is data. Keys are lower case; the rule modules compile them
into regular expressions once, at import. Extend a list rather than adding a
special case to a rule.
"""

from __future__ import annotations

# Words that name a side, as adjective, possessive or noun, with the side's
# ISO 3166-1 alpha-3 code. Possessives are matched by the rules ("Russia's").
# Armed groups of other wars, by the country they are of: "Hezbollah fighters", "RSF commander X".
ARMED_GROUPS: dict[str, str] = {
    "hezbollah": "LBN", "hamas": "PSE", "qassam brigades": "PSE", "al-qassam brigades": "PSE", "houthis": "YEM",
    "rsf": "SDN", "rapid support forces": "SDN", "m23": "COD", "taliban": "AFG",
}

SIDE_TERMS: dict[str, str] = {
    # Russia, including metonyms and state-media self-descriptions.
    "russian": "RUS", "russia": "RUS", "russians": "RUS", "moscow": "RUS", "kremlin": "RUS",
    "putin": "RUS", "pro-russian": "RUS", "russian-backed": "RUS", "moscow-backed": "RUS",
    "kremlin-backed": "RUS", "russian federation": "RUS", "chechen": "RUS", "kadyrov": "RUS",
    "moscow-installed": "RUS", "russian-installed": "RUS", "kremlin-installed": "RUS",
    # Ukraine, including Russian-media spellings ("Kiev regime").
    "ukrainian": "UKR", "ukraine": "UKR", "ukrainians": "UKR", "kyiv": "UKR", "kiev": "UKR",
    "kiev regime": "UKR", "kyiv regime": "UKR", "zelensky": "UKR", "zelenskyy": "UKR",
    # "the Ukrainian side withdrew its units": Russian state media's name for a party to the war.
    "ukrainian side": "UKR", "russian side": "RUS",
    "kyiv-installed": "UKR",
    # North Korea.
    "north korean": "PRK", "north korea": "PRK", "north koreans": "PRK", "dprk": "PRK",
    "pyongyang": "PRK",
    # Others that appear in war reporting.
    "american": "USA", "us": "USA", "u.s.": "USA", "united states": "USA", "washington": "USA",
    "british": "GBR", "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "united kingdom": "GBR",
    "polish": "POL", "poland": "POL", "belarusian": "BLR", "belarus": "BLR", "minsk": "BLR",
    "french": "FRA", "france": "FRA", "german": "DEU", "germany": "DEU", "finnish": "FIN",
    "finland": "FIN", "swedish": "SWE", "estonian": "EST", "latvian": "LVA", "lithuanian": "LTU",
    "romanian": "ROU", "moldovan": "MDA", "georgian": "GEO", "turkish": "TUR", "iranian": "IRN",
    "iran": "IRN", "tehran": "IRN", "chinese": "CHN", "china": "CHN", "beijing": "CHN",
    "israeli": "ISR", "israel": "ISR", "syrian": "SYR", "syria": "SYR", "azerbaijani": "AZE",
    "armenian": "ARM", "south korean": "KOR", "south korea": "KOR", "seoul": "KOR",
    "hungarian": "HUN", "czech": "CZE", "slovak": "SVK", "dutch": "NLD", "canadian": "CAN",
    "norwegian": "NOR", "danish": "DNK", "italian": "ITA", "spanish": "ESP", "japanese": "JPN",
    "hungary": "HUN", "budapest": "HUN", "italy": "ITA", "spain": "ESP", "sweden": "SWE", "norway": "NOR",
    "denmark": "DNK", "estonia": "EST", "latvia": "LVA", "lithuania": "LTU", "romania": "ROU",
    "moldova": "MDA", "slovakia": "SVK", "netherlands": "NLD", "canada": "CAN", "japan": "JPN",
    "czech republic": "CZE", "belgian": "BEL", "belgium": "BEL", "austrian": "AUT", "austria": "AUT",
    # Other wars in the news. Country names that are also common words or names (Chad, Jordan, Georgia,
    # Niger, Turkey) are left out: their adjectives say the side well enough.
    "sudanese": "SDN", "sudan": "SDN", "lebanese": "LBN", "lebanon": "LBN", "palestinian": "PSE",
    "congolese": "COD", "rwandan": "RWA", "rwanda": "RWA", "ugandan": "UGA", "uganda": "UGA", "burundian": "BDI",
    "burundi": "BDI", "south sudanese": "SSD", "ethiopian": "ETH", "ethiopia": "ETH",
    "eritrean": "ERI", "eritrea": "ERI", "somali": "SOM", "somalia": "SOM", "malian": "MLI", "nigerien": "NER",
    "burkinabe": "BFA", "chadian": "TCD", "libyan": "LBY", "libya": "LBY", "egyptian": "EGY", "egypt": "EGY",
    "yemeni": "YEM", "yemen": "YEM", "iraqi": "IRQ", "iraq": "IRQ", "afghan": "AFG", "afghanistan": "AFG",
    "pakistani": "PAK", "pakistan": "PAK", "indian": "IND", "india": "IND", "taiwanese": "TWN", "taiwan": "TWN",
    "serbian": "SRB", "serbia": "SRB", "saudi": "SAU", "emirati": "ARE", "qatari": "QAT", "jordanian": "JOR",
    "greek": "GRC", "greece": "GRC", "bulgarian": "BGR", "bulgaria": "BGR", "croatian": "HRV", "portuguese": "PRT",
    "irish": "IRL", "swiss": "CHE", "australian": "AUS", "australia": "AUS", "kazakh": "KAZ", "nigerian": "NGA",
    "nigeria": "NGA", "kenyan": "KEN", "venezuelan": "VEN", "venezuela": "VEN", "colombian": "COL",
    "mexican": "MEX", "brazilian": "BRA", "myanmar": "MMR", "kosovo": "XKX", "azerbaijan": "AZE", "armenia": "ARM",
    **ARMED_GROUPS,
}

# Country names usable as an agent on their own ("Russia captured ..."); these
# are also places, so the rules must not take them as the event's location.
COUNTRY_AGENTS: frozenset[str] = frozenset({
    "russia", "ukraine", "north korea", "moscow", "kyiv", "kiev", "kremlin", "pyongyang",
    "russians", "ukrainians", "north koreans", "belarus", "poland", "united states", "iran",
    "israel", "china", "france", "germany", "britain", "syria", "south korea",
    # A regime acts for its side: "the Kiev regime transferred two brigades".
    "kiev regime", "kyiv regime", "ukrainian side", "russian side",
    # Parties to other wars: "Uganda has deployed 1,000 troops to Bunia".
    "sudan", "lebanon", "rwanda", "uganda", "burundi", "ethiopia", "eritrea", "somalia", "libya", "egypt", "yemen",
    "iraq", "afghanistan", "pakistan", "india", "taiwan", "serbia", "azerbaijan", "armenia", "greece", "bulgaria",
    "australia", "nigeria", "venezuela",
    # Allies that send forces: "the Netherlands forward-deployed two Patriot batteries", "Sweden sent a battalion".
    "canada", "netherlands", "sweden", "norway", "denmark", "finland", "estonia", "latvia", "lithuania", "romania",
    "italy", "spain", "belgium", "czech republic", "slovakia", "hungary", "united kingdom", "japan", "dprk",
})

# Names that are a side and an armed force at once ("the VDV advanced").
INHERENT_FORCES: dict[str, str] = {
    "vdv": "RUS", "wagner": "RUS", "wagner group": "RUS", "rosgvardia": "RUS", "akhmat": "RUS",
    "spetsnaz": "RUS", "russian armed forces": "RUS", "armed forces of russia": "RUS",
    "armed forces of the russian federation": "RUS", "occupiers": "RUS", "occupying forces": "RUS",
    "invaders": "RUS", "russian invaders": "RUS", "orcs": "RUS", "occupation forces": "RUS", "occupation troops": "RUS",
    "occupying troops": "RUS", "russian occupation forces": "RUS", "russian occupiers": "RUS",
    "afu": "UKR", "zsu": "UKR", "apu": "UKR", "armed forces of ukraine": "UKR", "azov": "UKR",
    "ukrainian armed forces": "UKR", "ukraine's armed forces": "UKR", "kiev regime's militants": "UKR",
    "ukrainian nationalists": "UKR", "ukrainian militants": "UKR", "kpa": "PRK",
    "korean people's army": "PRK", "idf": "ISR", "pla": "CHN",
    # Armed groups of other wars, by the country they are of (as the eval corpora annotate them); also side words.
    **ARMED_GROUPS,
    # Named units whose names say whose they are.
    "kraken": "UKR", "khartiia": "UKR", "da vinci wolves": "UKR", "aidar": "UKR", "defense forces of ukraine": "UKR",
    "defence forces of ukraine": "UKR", "rubikon": "RUS", "storm-z": "RUS", "pyatnashka": "RUS",
    "vostok battalion": "RUS", "black sea fleet": "RUS", "baltic fleet": "RUS", "northern fleet": "RUS",
    "national guard of ukraine": "UKR",
    "pacific fleet": "RUS", "caspian flotilla": "RUS",
}

# Numbered and named units ("the 47th Separate Mechanized Brigade", "1st Guards Tank Army"):
# the lower-case words that may stand in a unit's name between its number and its head noun.
UNIT_NAME_WORDS: frozenset[str] = frozenset({
    "separate", "independent", "mechanized", "mechanised", "motorized", "motorised", "motor", "rifle", "assault",
    "air", "airborne", "airmobile", "mountain", "tank", "armoured", "armored", "guards", "guard", "marine", "marines",
    "naval", "infantry", "artillery", "jaeger", "territorial", "defense", "defence", "combined", "arms", "special",
    "purpose", "operations", "presidential", "national", "coastal", "rocket", "reconnaissance", "recon", "light",
    "heavy", "unmanned", "systems", "drone", "volunteer", "border", "rapid", "response", "spetsnaz", "storm",
    "operational", "tactical", "army", "corps", "forces", "force", "of", "the", "and", "brigade's", "motorised-rifle",
})
UNIT_HEADS: tuple[str, ...] = (
    "brigade", "brigades", "division", "divisions", "regiment", "regiments", "battalion", "battalions", "corps",
    "army", "detachment", "fleet", "flotilla", "squadron", "group",
)
# Words in a unit's name that tell whose it is. Ukraine numbers "separate" mechanized, assault and
# air assault brigades; Russia has "Guards" units, motor rifle formations and combined arms armies.
UNIT_SIDE_CUES: dict[str, str] = {
    "guards": "RUS", "motor rifle": "RUS", "motorized rifle": "RUS", "motorised rifle": "RUS",
    "motorised-rifle": "RUS", "combined arms": "RUS", "tank army": "RUS", "naval infantry": "RUS",
    "tank division": "RUS", "spetsnaz": "RUS",
    "separate": "UKR", "mechanized": "UKR", "mechanised": "UKR", "jaeger": "UKR", "territorial defense": "UKR",
    "territorial defence": "UKR", "national guard": "UKR", "assault brigade": "UKR", "marine brigade": "UKR",
    "mountain assault": "UKR", "air assault brigade": "UKR", "tank brigade": "UKR", "presidential": "UKR",
    "defense forces": "UKR", "defence forces": "UKR", "unmanned systems": "UKR", "coastal defense": "UKR",
    "coastal defence": "UKR",
}

# Russian state media name its groupings "Battlegroup Centre", "the Vostok group of forces".
RUSSIAN_BATTLEGROUPS: tuple[str, ...] = (
    "centre", "center", "west", "south", "east", "north", "vostok", "zapad", "yug", "sever",
    "central", "western", "southern", "eastern", "northern",
    "tsentr", "dnepr", "dnieper",
)

# Head nouns of a phrase that names armed forces ("Russian airborne troops").
FORCE_NOUNS: tuple[str, ...] = (
    "troops", "troop", "forces", "force", "army", "armies", "units", "unit", "brigade", "brigades",
    "soldiers", "soldier", "servicemen", "serviceman", "servicemembers", "service members",
    "military", "battalion", "battalions", "marines", "paratroopers", "fighters", "militants",
    "assault group", "assault groups", "assault detachment", "assault detachments", "assault units",
    "assault troops", "formations", "formation", "defenders", "infantry", "infantrymen",
    "regiment", "regiments", "division", "divisions", "corps", "contingent", "contingents",
    "personnel", "mercenaries", "special forces", "reservists", "conscripts", "sappers",
    "stormtroopers", "troopers", "garrison", "garrisons", "detachment", "detachments",
    "grouping", "groupings", "group of forces", "navy", "air force", "national guard",
    "guardsmen", "militia", "militias", "separatists", "saboteurs", "commandos", "combatants",
    "armed forces", "defence forces", "defense forces", "armoured units", "armored units",
    "tank units", "tanks", "columns", "column", "reinforcements", "reserves", "recruits",
    "volunteers", "operators", "gunmen", "insurgents", "rebels", "partisans", "command", "commanders",
    "infiltration groups", "sabotage groups", "reconnaissance groups", "assault teams", "sabotage and reconnaissance groups",
    "warships", "fleet", "vessels", "submarines", "corvettes", "frigates",
)

# Words that may stand between a side word and a force noun ("Ukraine's outnumbered troops").
# Anything else (a verb, a preposition) breaks the phrase.
PHRASE_STOPWORDS: frozenset[str] = frozenset({
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "said", "says",
    "say", "the", "a", "an", "to", "of", "in", "on", "at", "and", "or", "that", "which", "who",
    "also", "will", "would", "could", "may", "might", "can", "not", "by", "for", "with", "from",
    "as", "into", "onto", "than", "its", "their", "his", "her", "our", "it", "they", "he", "she",
    "claims", "claimed", "reported", "continues", "continue", "began", "started", "used",
})

# Nouns for equipment whose deployment counts like that of troops.
EQUIPMENT_NOUNS: tuple[str, ...] = (
    "shells", "artillery shells", "ammunition", "munitions", "rounds", "tanks", "artillery", "howitzers", "vehicles",
    "armoured vehicles", "armored vehicles",
    "self-propelled artillery vehicles", "air defence systems", "air defense systems",
    "systems", "missiles", "drones", "jets", "aircraft", "helicopters", "warships", "ships",
    "equipment", "hardware", "weapons", "launchers", "rocket launchers", "guns", "mortars", "patriot batteries",
    "air defence batteries", "air defense batteries", "artillery batteries", "missile batteries",
    "fighter jets", "interceptors",
)

# Well-known figures: surname (lower case) -> side. Sides of international
# officials (NATO, EU, UN) are left empty: they speak for no single state.
KNOWN_PEOPLE: dict[str, str | None] = {
    # Ukraine
    "zelensky": "UKR", "zelenskyy": "UKR", "zelenskiy": "UKR", "zelenskyi": "UKR",
    "syrskyi": "UKR", "syrskiy": "UKR", "syrsky": "UKR", "budanov": "UKR", "umerov": "UKR",
    "sybiha": "UKR", "kuleba": "UKR", "yermak": "UKR", "shmyhal": "UKR", "zaluzhnyi": "UKR",
    "zaluzhny": "UKR", "podolyak": "UKR", "podoliak": "UKR", "reznikov": "UKR", "ihnat": "UKR",
    "lubinets": "UKR", "svyrydenko": "UKR", "stefanchuk": "UKR", "klitschko": "UKR",
    "syniehubov": "UKR", "fedorov": "UKR", "tarnavskyi": "UKR", "voloshyn": "UKR",
    "kyslytsya": "UKR", "shmyhal's": "UKR", "hnatov": "UKR", "kyrylenko": "UKR",
    "filashkin": "UKR", "vilkul": "UKR", "prokudin": "UKR", "fedorenko": "UKR", "tykhyi": "UKR",
    "zhovka": "UKR", "yusov": "UKR", "maliar": "UKR", "malyar": "UKR", "demchenko": "UKR", "trehubov": "UKR", "pletenchuk": "UKR",
    # Russia
    "putin": "RUS", "peskov": "RUS", "lavrov": "RUS", "shoigu": "RUS", "belousov": "RUS",
    "gerasimov": "RUS", "zakharova": "RUS", "medvedev": "RUS", "nebenzya": "RUS",
    "ushakov": "RUS", "mishustin": "RUS", "volodin": "RUS", "matviyenko": "RUS",
    "kadyrov": "RUS", "prigozhin": "RUS", "konashenkov": "RUS", "patrushev": "RUS",
    "naryshkin": "RUS", "bortnikov": "RUS", "pushilin": "RUS", "saldo": "RUS",
    "balitsky": "RUS", "gladkov": "RUS", "khinshtein": "RUS", "pasechnik": "RUS",
    "alaudinov": "RUS", "kiriyenko": "RUS", "polyanskiy": "RUS", "ryabkov": "RUS",
    "grushko": "RUS", "surovikin": "RUS", "dmitriev": "RUS", "rudskoy": "RUS", "lapin": "RUS",
    # United States
    "trump": "USA", "biden": "USA", "blinken": "USA", "rubio": "USA", "hegseth": "USA",
    "vance": "USA", "harris": "USA", "sullivan": "USA", "kirby": "USA", "waltz": "USA",
    "witkoff": "USA", "kellogg": "USA", "pelosi": "USA", "leavitt": "USA", "cavoli": "USA",
    # Europe and allies
    "macron": "FRA", "barrot": "FRA", "lecornu": "FRA", "scholz": "DEU", "merz": "DEU",
    "pistorius": "DEU", "baerbock": "DEU", "wadephul": "DEU", "starmer": "GBR", "sunak": "GBR",
    "lammy": "GBR", "healey": "GBR", "radakin": "GBR", "tusk": "POL", "duda": "POL",
    "sikorski": "POL", "nawrocki": "POL", "kosiniak-kamysz": "POL", "lukashenko": "BLR",
    "orban": "HUN", "erdogan": "TUR", "meloni": "ITA", "fico": "SVK", "stubb": "FIN",
    "frederiksen": "DNK", "carney": "CAN", "trudeau": "CAN",
    # North Korea, China, Iran, Israel
    "kim jong un": "PRK", "kim jong-un": "PRK", "kim yo jong": "PRK", "choe son hui": "PRK",
    "xi jinping": "CHN", "wang yi": "CHN", "pezeshkian": "IRN", "araghchi": "IRN",
    "khamenei": "IRN", "netanyahu": "ISR",
    # International officials
    "stoltenberg": None, "rutte": None, "guterres": None, "von der leyen": None,
    "kallas": None, "borrell": None, "grossi": None,
}

# Named bodies that can make a statement, with their side (None: no single state).
KNOWN_BODIES: dict[str, str | None] = {
    "kremlin": "RUS", "the kremlin": "RUS", "pentagon": "USA", "the pentagon": "USA",
    "white house": "USA", "the white house": "USA", "state department": "USA",
    "the state department": "USA", "kcna": "PRK", "tass": "RUS", "ria novosti": "RUS",
    "interfax": "RUS", "ukrinform": "UKR", "nato": None, "the un": None, "united nations": None,
    "the united nations": None, "iaea": None, "the iaea": None, "sbu": "UKR", "the sbu": "UKR",
    "gur": "UKR", "hur": "UKR", "the gur": "UKR", "the hur": "UKR", "fsb": "RUS", "the fsb": "RUS",
    "isw": None, "the isw": None, "institute for the study of war": None,
    "the institute for the study of war": None, "european union": None, "the european union": None,
    "european commission": None, "the european commission": None, "osce": None, "the osce": None,
    "rosgvardia": "RUS", "deepstate": "UKR", "nsdc": "UKR", "the nsdc": "UKR",
    "bundeswehr": "DEU", "the bundeswehr": "DEU", "idf": "ISR", "the idf": "ISR", "stavka": "UKR",
    # Armed groups that speak as bodies ("Hezbollah said its fighters ..."), with the sides the corpora give them.
    "hezbollah": "LBN", "hamas": "PSE", "the houthis": "YEM", "houthis": "YEM", "m23": "COD",
    "wagner": "RUS", "the wagner group": "RUS", "wagner group": "RUS",
    # Named without its country ("the general staff said"): whose, the text around it tells.
    "general staff": None, "the general staff": None,
}

# Head nouns that make a capitalised or side-qualified phrase a body ("Ukraine's general staff").
BODY_NOUNS: tuple[str, ...] = (
    "general staff", "defence ministry", "defense ministry", "foreign ministry",
    "interior ministry", "ministry of defence", "ministry of defense", "ministry of foreign affairs",
    "ministry", "government", "intelligence", "military intelligence", "intelligence agency",
    "intelligence service", "security service", "border guard", "border service", "air force",
    "navy", "national guard", "command", "operational command", "presidential office",
    "office of the president", "foreign office", "defence council", "security council",
    "parliament", "administration", "embassy", "foreign intelligence service", "coast guard",
    "military", "army", "armed forces", "defence forces", "defense forces", "mod",
)

# Capitalised words that, inside a name-like sequence, mark an organisation.
ORG_WORDS: frozenset[str] = frozenset({
    "group", "force", "forces", "ministry", "council", "staff", "service", "command",
    "agency", "office", "administration", "department", "committee", "army", "institute",
    "guard", "directorate", "government", "parliament", "duma", "rada", "bureau", "centre",
    "center", "corps", "brigade", "union", "organization", "organisation", "alliance",
    "commission", "court", "news", "press", "embassy", "university", "party", "battalion",
    "regiment", "division", "fund", "bank", "company", "association", "foundation",
})

# Person titles that may precede a name ("Defence Minister", "Lt. Gen.").
PERSON_TITLES: frozenset[str] = frozenset({
    "president", "president-elect", "prime", "minister", "foreign", "defence", "defense",
    "secretary", "general", "gen", "gen.", "lt", "lt.", "lieutenant", "colonel", "col", "col.",
    "major", "maj", "maj.", "captain", "capt", "capt.", "commander", "commander-in-chief",
    "chief", "spokesperson", "spokesman", "spokeswoman", "deputy", "ambassador", "governor",
    "gov", "gov.", "mayor", "chancellor", "senator", "sen", "sen.", "rep", "rep.",
    "representative", "admiral", "adm", "adm.", "sergeant", "sgt", "sgt.", "head", "director",
    "chairman", "chairwoman", "speaker", "envoy", "adviser", "advisor", "king", "queen",
    "leader", "marshal", "brigadier", "principal", "first", "vice", "state", "mr", "mr.",
    "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "pope", "sheikh", "emir",
    "ombudsman", "officer", "private", "corporal", "press", "secretary-general",
    "commissioner", "high", "national", "security", "military", "top", "acting", "interim", "regional",
    "analyst", "economist", "researcher", "commentator", "blogger", "journalist", "correspondent",
    # Sports and business copy ("Porto coach Sergio Conceicao", "chief executive Ola Kallenius").
    "coach", "manager", "midfielder", "striker", "goalkeeper", "executive", "ceo", "founder", "chief-executive",
    # People quoted in local copy ("Kupiansk resident Olha Ivanenko", "volunteer medic Anna Koval").
    "resident", "volunteer", "medic", "paramedic", "farmer", "teacher", "pensioner", "priest", "nurse", "doctor",
})
# Lower-case nouns that, right before a capitalised name, say it is an organisation's
# ("Swedish appliance maker Kallvik", "the monitoring project DeepState").
ORGANISATION_DESCRIPTORS: frozenset[str] = frozenset({
    "maker", "company", "firm", "group", "giant", "operator", "producer", "manufacturer", "carmaker", "automaker",
    "retailer", "bank", "lender", "club", "agency", "startup", "developer", "broadcaster", "airline", "insurer",
    "utility", "conglomerate", "provider", "supplier", "contractor", "project", "organisation", "organization",
    "charity", "ngo", "watchdog", "regulator", "union", "party", "outlet", "channel", "publisher", "institute",
    "start-up", "brokerage", "fintech", "platform", "exchange", "fund", "think-tank", "blog",
})

# Capitalised words that begin sentences or name things, never a person.
NOT_NAME_WORDS: frozenset[str] = frozenset({
    "the", "a", "an", "in", "on", "at", "but", "however", "meanwhile", "according", "it",
    "this", "that", "these", "those", "they", "he", "she", "we", "i", "you", "as", "after",
    "before", "while", "when", "since", "for", "with", "without", "from", "by", "to", "of",
    "and", "or", "if", "unlike", "despite", "earlier", "later", "recently", "still", "also",
    "both", "some", "many", "most", "several", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "north", "south", "east",
    "west", "western", "eastern", "northern", "southern", "central", "european", "there",
    "his", "her", "their", "our", "its", "my", "what", "which", "who", "why", "how", "all",
    "no", "not", "now", "then", "so", "yet", "one", "two", "three", "another", "other",
    "officials", "official", "sources", "analysts", "experts", "media", "reports", "report",
    "telegram", "twitter", "facebook", "x", "reuters", "ap", "afp", "bbc", "cnn", "nbc",
    "world", "war", "ii", "soviet", "cold", "nazi", "kamikaze", "lancet", "f-16", "himars",
    "we're", "it's", "there's", "here", "where", "just", "only", "even", "every", "each",
    "among", "amid", "amidst", "during", "through", "under", "over", "about", "against",
    "russians", "ukrainians", "allies", "nations", "state", "states", "city", "region",
    "oblast", "republic", "people's", "day", "week", "month", "year", "front", "line",
})

# Source words that are never a named speaker.
# News outlets: "Ukrinform reports" attributes the article, not a party's statement.
NEWS_OUTLETS: frozenset[str] = frozenset({
    "reuters", "ap", "associated press", "afp", "tass", "ria novosti", "ria", "interfax", "ukrinform",
    "ukrainska pravda", "kyiv independent", "the kyiv independent", "bbc", "cnn", "suspilne", "unian",
    "rbc-ukraine", "kommersant", "izvestia", "meduza", "the guardian", "new york times", "the new york times",
    "bloomberg", "al jazeera", "sky news", "dpa", "xinhua", "rt", "sputnik", "kyiv post", "the kyiv post",
    "ukrainska pravda.", "novaya gazeta", "censor.net", "hromadske", "liga.net", "babel", "nv",
})
UNNAMED_SOURCES: frozenset[str] = frozenset({
    "official", "officials", "source", "sources", "analyst", "analysts", "expert", "experts",
    "media", "reports", "observers", "bloggers", "military bloggers", "commanders",
    "diplomats", "residents", "witnesses", "people", "authorities", "soldiers", "troops",
})
