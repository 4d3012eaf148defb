"""Word lists for the facet extractor: numbers, months, currencies, units, hedges, names.

Data only, one place. The lists were written by hand for English news and 1980s wire copy
(Reuters-21578 style: ``mln``, ``dlrs``, ``pct``, ``stg``) following the conventions of
``spec/CLAIMS.md`` section 3 and the labelled news in ``../shared/data/news-dev``.
"""
from __future__ import annotations

# --- numbers -------------------------------------------------------------------------------

SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
#: scale words that multiply what precedes them; ``mln``/``bln`` are wire style, ``bn``/``mn``
#: the same apart from the figure (*3 bn euros*); glued, see :data:`GLUED_SCALES`
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "mln": 1_000_000,
    "billion": 1_000_000_000, "bln": 1_000_000_000, "trillion": 1_000_000_000_000,
    "tln": 1_000_000_000_000, "bn": 1_000_000_000, "mn": 1_000_000,
    # the Indian numbering system's scales (*Rs 40 crore*)
    "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
}
#: scales glued to a figure (``£3.5m``, ``$2bn``, ``$10k``); a lone ``m`` is metres otherwise
GLUED_SCALES = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
                "k": 1_000, "tn": 1_000_000_000_000}
#: nouns that are themselves a number (``a dozen states``); vague plurals (``dozens``,
#: ``tens of thousands``) are not numbers: the gold leaves them without a value
NUMBER_NOUNS = {"dozen": 12}
#: proportions in words, as percentages: the news-dev gold gives *about half the workforce*
#: the value 50; thirds get no value there, so they are left out
FRACTIONS = {"half": 50, "a quarter": 25, "one quarter": 25, "three quarters": 75}

# --- dates ---------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
#: words before a weekday that make it part of a name (``Good Friday``, ``Bloody Sunday``)
WEEKDAY_NAME_BEFORE = frozenset("good black cyber super ash palm easter holy bloody maundy "
                                "shrove whit news".split())
#: words after a weekday that make it a newspaper or show (``Sunday Times``)
WEEKDAY_NAME_AFTER = frozenset("times telegraph express mirror mail post herald observer "
                               "people sport review magazine club school service".split())
#: words after which a bare month name is a date; a bare ``May`` elsewhere is usually
#: Theresa May and ``March`` a verb
MONTH_TRIGGERS = frozenset("""
in since until till by before after during through throughout from to between and or of
last this next early mid late end beginning start around about for on
""".split())
#: words after a bare month name that make it a date: a futures or delivery month
MONTH_AFTER = frozenset("futures future contract contracts delivery deliveries shipment "
                        "shipments loading loadings position positions".split())
#: words that make a clause look ahead (its bare month, season, quarter or weekday lies on
#: or after publication): future and conditional auxiliaries, modals, schedules, plans and
#: expectations, and adjectives of what has not happened yet (*a possible rise in December*).
#: Each is matched as a whole phrase; ``may`` only in lower case (``May`` is a month).
FORWARD_WORDS = (
    "will", "won't", "'ll", "shall", "would", "wouldn't", "could", "might", "may",
    "must", "should", "can't", "cannot", "is due", "are due", "was due", "were due", "due in",
    "due by", "due on", "scheduled", "slated", "set to", "poised to", "going to", "about to",
    "is to", "are to", "supposed to", "expect", "expects", "expected", "expecting", "plan to",
    "plans to", "planned for", "planning", "intend", "intends", "intended to", "aim to",
    "aims to", "hope to", "hopes to", "want to", "wants to", "seeks to", "seek to", "upcoming",
    "forthcoming", "next", "possible", "possibly", "likely", "unlikely", "probable",
    "probably", "potential", "prospective", "forecast to", "projected to", "pending", "if",
    "unless", "tentatively", "can", "let's", "let us", "try to", "tries to", "trying to",
    "need to", "needs to", "has to", "have to", "hoping to", "hoping for", "in hopes",
    "chances of", "chance to",
)
#: past-tense verbs that do not end in -ed (regular ones are read by their ending), and
#: words that place a clause behind publication
PAST_WORDS = (
    "was", "were", "had", "did", "has been", "have been", "said", "told", "grew", "rose", "fell",
    "began", "came", "went", "took", "made", "left", "met", "won", "lost", "paid", "sold",
    "bought", "saw", "held", "gave", "ran", "became", "brought", "built", "caught", "chose",
    "drew", "drove", "fought", "found", "flew", "forgot", "froze", "got", "heard", "hit",
    "kept", "knew", "led", "meant", "overtook", "rang", "rode", "sank", "sent", "shook", "shot",
    "slid", "sought", "spent", "spoke", "stood", "stole", "struck", "swore", "taught", "thought",
    "threw", "understood", "undertook", "withdrew", "wrote", "ago", "already", "previously",
    "broke", "felt", "fled", "dealt", "swept", "slept", "hung", "drank", "ate", "arose", "forgave",
    "overcame", "withheld", "upheld", "oversaw", "foresaw", "shrank", "sprang", "spun", "lent",
    "rebuilt", "awoke", "woke", "wore", "tore", "sat", "hid",
    "last",
)
#: past verbs of commitment whose infinitive looks ahead from the commitment, not from
#: publication: in *agreed in May to raise output in the third quarter* the quarter may lie
#: on either side of publication, so the clause's tense is left unknown
COMMITMENT_VERBS = frozenset("""
agreed decided voted promised pledged vowed undertook threatened offered proposed planned
wanted hoped aimed intended sought moved resolved committed arranged scheduled prepared
invited urged asked encouraged pressed ordered instructed authorized authorised
""".split())
#: verbs that point ahead to what they name (*has signalled another rise in February*): a month
#: in their object, when that names a move, is the move's, not the signal's
SIGNALLING_VERBS = frozenset("signalled signaled flagged hinted telegraphed foreshadowed".split())
#: the moves a signal points to (*another rise*, *a rate cut*, *further tightening*)
SIGNALLED_MOVES = frozenset("""rise rises hike hikes increase increases cut cuts move moves reduction reductions
tightening easing""".split())
#: verbs of a scheduled event in the present tense (*the council meets Monday*, *voting opens
#: Thursday*): news writes a coming event so, and a past one in the past tense; read as looking
#: ahead for a bare weekday and a bare month (*the bridge opens in November*). Words that are
#: often plural nouns (*votes*, *returns*, *debates*) are left out; after a determiner or a
#: number these are nouns too (*the visits*, *two holds*)
SCHEDULED_PRESENT = frozenset("""
meets begins starts opens closes resumes reconvenes convenes arrives departs leaves hears
testifies speaks unveils expires announces decides kicks wraps visits travels takes goes holds
hosts faces comes gathers""".split())
#: the same verbs after a plural subject (*ministers meet Monday*, *polls close Tuesday*); only
#: after one, as a base form is also an infinitive (*agreed to meet*) or follows *did* or *will*
SCHEDULED_PLURAL = frozenset("""
meet begin start open close resume reconvene convene arrive depart leave gather testify speak
travel go unveil announce decide expire vote kick wrap visit take hold host face come hear""".split())
#: words in *-s* that are no plural subject before such a verb
NOT_PLURAL = frozenset("is was has does this us its his hers ours yours theirs as plus thus less "
                       "unless across perhaps always sometimes news".split())
#: events that nobody schedules: a weekday that dates one is past, whatever the clause's tense
#: (*will be charged over the shooting Sunday*)
HAPPENING_NOUNS = frozenset("""
incident attack attacks shooting shootings massacre slaughter slaying bombing bombings killing killings
crash death explosion murder assassination stabbing ambush
""".split())
#: events that are an outcome: with *his*, *her*, *the* (*his Tuesday wins*, *the win Tuesday*) one
#: that has happened, whatever the tense of the clause around it (not *a win in Tuesday's primary*)
RESULT_NOUNS = frozenset("""
win wins victory victories loss losses defeat defeats romp sweep results showing finish performance
triumph upset
""".split())
#: events a weekday may date as a modifier of their noun (*his address Sunday*, *the debate on
#: Thursday*, *Tuesday's primary*, *his Tuesday wins*): the noun, not a verb, carries the day
EVENT_NOUNS = frozenset("""
primary primaries caucus caucuses election elections vote voting runoff referendum contest contests
debate debates forum hall rally rallies speech address remarks meeting hearing session summit convention
conference appearance interview announcement ruling verdict fundraiser ceremony funeral memorial briefing
deadline showdown protest
""".split()) | HAPPENING_NOUNS | RESULT_NOUNS
#: what a clause does ahead of a coming event (*ahead of Monday's caucus*, *in the lead-up to*)
AHEAD_OF = ("ahead of", "in advance of", "lead up to", "lead-up to", "leadup to", "leading up to",
            "run up to", "run-up to", "runup to", "heading into", "going into", "before", "prior to")
#: words before a weekday that make it a recurrence (*every Sunday*), no date. Not *a*: news
#: writes *at a Saturday rally*, *in a Friday interview* for one day
RECURRENCE_BEFORE = frozenset(("every", "each"))
#: a named date, as news writes it
NAMED_DATES = {"9/11": "2001-09-11"}

# --- money ---------------------------------------------------------------------------------

#: symbols before a figure; longest first so ``US$`` wins over ``$``
CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD",
    "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "$": "USD",
    "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY",
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CHF": "CHF", "CAD": "CAD",
    "AUD": "AUD", "CNY": "CNY", "RUB": "RUB", "Rs": "INR", "Rs.": "INR",
    # ISO codes written before the figure (*SEK 5 billion*, *INR 500 crore*); not those that are
    # also words or common acronyms in capitals (ALL, CUP, TOP, PEN, GEL, MOP, BOB)
    **{code: code for code in (
        "SEK NOK DKK ISK PLN CZK HUF RON BGN UAH KZT TRY ILS SAR AED QAR KWD BHD OMR JOD EGP MAD "
        "ZAR NGN KES GHS ETB TZS UGX INR PKR LKR BDT NPR IDR MYR SGD THB VND PHP KRW TWD HKD NZD "
        "MXN BRL ARS CLP COP UYU").split()},
    "SFr": "CHF", "SFr.": "CHF", "Sfr": "CHF", "Sfr.": "CHF", "Fr.": "CHF",
}
#: currency words after a figure; the value is the code or, for ``francs`` and the like,
#: None: the country is read from the words before (``Swiss francs``) or from the document
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "dlrs": "USD", "dlr": "USD", "usd": "USD",
    "pounds sterling": "GBP", "sterling": "GBP", "stg": "GBP", "pounds": "GBP", "pound": "GBP",
    "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "roubles": "RUB", "rubles": "RUB",
    "rouble": "RUB", "ruble": "RUB", "rupees": "INR", "rupee": "INR", "rand": "ZAR",
    "marks": "DEM", "mark": "DEM", "deutsche marks": "DEM", "deutschemarks": "DEM",
    "guilders": "NLG", "guilder": "NLG", "lire": "ITL", "lira": "ITL", "pesetas": "ESP",
    "peseta": "ESP", "escudos": "PTE", "schillings": "ATS", "drachmas": "GRD",
    "ecus": "XEU", "ecu": "XEU", "riyals": "SAR", "riyal": "SAR", "shekels": "ILS",
    "baht": "THB", "ringgit": "MYR", "rupiah": "IDR", "zlotys": "PLN", "zloty": "PLN",
    "forints": "HUF", "forint": "HUF", "naira": "NGN", "dinars": "KWD", "dinar": "KWD",
    "francs": None, "franc": None, "crowns": None, "crown": None, "kronor": "SEK",
    "krona": "SEK", "kroner": None, "krone": None, "pesos": None, "peso": None,
    "bucks": "USD", "buck": "USD",
    "cts": "USD.cents", "cents": "USD.cents", "cent": "USD.cents", "pence": "GBP.pence", "p": "GBP.pence",
    # wire abbreviations and the rest of the 1980s wire's currencies
    "sfr": "CHF", "sfrs": "CHF", "ffr": "FRF", "ffrs": "FRF", "bfr": "BEF", "bfrs": "BEF",
    "dkr": "DKK", "nkr": "NOK", "skr": "SEK", "sdrs": "XDR", "sdr": "XDR", "punts": "IEP",
    "punt": "IEP", "shillings": "KES", "shilling": "KES", "won": "KRW", "markka": "FIM",
    "markkaa": "FIM", "kwacha": "ZMK", "cedis": "GHC", "australs": "ARA", "cruzados": "BRC",
}
#: country words before a currency word; the key is (adjective, currency word root)
CURRENCY_COUNTRIES = {
    ("canadian", "dollar"): "CAD", ("australian", "dollar"): "AUD", ("n.z.", "dollar"): "NZD",
    ("new zealand", "dollar"): "NZD", ("hong kong", "dollar"): "HKD", ("h.k.", "dollar"): "HKD",
    ("hk", "dollar"): "HKD", ("singapore", "dollar"): "SGD", ("taiwan", "dollar"): "TWD",
    ("u.s.", "dollar"): "USD", ("us", "dollar"): "USD", ("american", "dollar"): "USD",
    ("swiss", "franc"): "CHF", ("french", "franc"): "FRF", ("belgian", "franc"): "BEF",
    ("luxembourg", "franc"): "LUF", ("cfa", "franc"): "XOF",
    ("swedish", "crown"): "SEK", ("danish", "crown"): "DKK", ("norwegian", "crown"): "NOK",
    ("danish", "krone"): "DKK", ("norwegian", "krone"): "NOK", ("czech", "crown"): "CZK",
    ("mexican", "peso"): "MXN", ("argentine", "peso"): "ARS", ("philippine", "peso"): "PHP",
    ("chilean", "peso"): "CLP", ("colombian", "peso"): "COP",
    ("irish", "pound"): "IEP", ("egyptian", "pound"): "EGP", ("lebanese", "pound"): "LBP",
    ("finnish", "mark"): "FIM", ("west german", "mark"): "DEM", ("german", "mark"): "DEM",
    ("saudi", "riyal"): "SAR", ("iraqi", "dinar"): "IQD", ("indian", "rupee"): "INR",
    ("pakistani", "rupee"): "PKR", ("sri lankan", "rupee"): "LKR", ("dutch", "guilder"): "NLG",
    ("italian", "lira"): "ITL", ("italian", "lire"): "ITL", ("turkish", "lira"): "TRY",
    ("spanish", "peseta"): "ESP", ("portuguese", "escudo"): "PTE", ("austrian", "schilling"): "ATS",
    ("greek", "drachma"): "GRD", ("japanese", "yen"): "JPY", ("chinese", "yuan"): "CNY",
    ("south african", "rand"): "ZAR", ("kuwaiti", "dinar"): "KWD", ("jordanian", "dinar"): "JOD",
    ("bahraini", "dinar"): "BHD", ("israeli", "shekel"): "ILS", ("polish", "zloty"): "PLN",
    ("hungarian", "forint"): "HUF", ("nigerian", "naira"): "NGN", ("kenyan", "shilling"): "KES",
    ("ugandan", "shilling"): "UGX", ("tanzanian", "shilling"): "TZS", ("korean", "won"): "KRW",
    ("south korean", "won"): "KRW", ("jamaican", "dollar"): "JMD", ("zimbabwe", "dollar"): "ZWD",
    ("new taiwan", "dollar"): "TWD", ("malaysian", "dollar"): "MYR", ("icelandic", "krona"): "ISK",
    ("swedish", "krona"): "SEK", ("danish", "kroner"): "DKK", ("norwegian", "kroner"): "NOK",
    ("brazilian", "cruzado"): "BRC", ("venezuelan", "bolivar"): "VEB", ("peruvian", "sol"): "PEN",
}
#: where a currency word names no country, the country mentioned in the document decides;
#: the first code is the fallback
CURRENCY_BY_COUNTRY = {
    "franc": (("FRF", ("french", "france", "paris")),
              ("CHF", ("swiss", "switzerland", "zurich", "geneva", "basel", "berne", "bern")),
              ("BEF", ("belgian", "belgium", "brussels"))),
    "crown": (("SEK", ("swedish", "sweden", "stockholm")),
              ("DKK", ("danish", "denmark", "copenhagen")),
              ("NOK", ("norwegian", "norway", "oslo"))),
    "krone": (("DKK", ("danish", "denmark", "copenhagen")),
              ("NOK", ("norwegian", "norway", "oslo"))),
    "peso": (("MXN", ("mexican", "mexico")), ("ARS", ("argentine", "argentina")),
             ("PHP", ("philippine", "philippines", "manila")), ("CLP", ("chile", "chilean"))),
}

# --- percentages and units -----------------------------------------------------------------

PERCENT_WORDS = ("percentage points", "percentage point", "per cent", "percent", "pct", "%")
#: ``points`` is a percentage in polls and rates, but index points near these words
#: (not *average* or *share* alone: a poll average and a vote share are measured in points too)
MARKET_WORDS = frozenset("index dow nikkei ftse dax hang seng s&p nasdaq stock stocks "
                         "shares bond bonds futures price prices yield".split())
#: measured units, as written; longest first when matched
QUANTITY_UNITS = (
    "barrels a day", "barrels per day", "barrels of oil per day", "barrels", "barrel", "bpd",
    "b/d", "cubic feet a day", "cubic feet per day", "cubic feet", "cubic metres",
    "cubic meters", "tonnes", "tonne", "metric tons", "short tons", "long tons", "tons", "ton",
    "troy ounces", "troy ounce", "ounces", "ounce", "oz", "bushels", "bushel", "bales", "bale",
    "kilograms", "kilogram", "kg", "kilos", "grams", "gram", "lbs", "lb", "kilometres",
    "kilometers", "kilometre", "kilometer", "km", "miles", "mile", "metres", "meters", "metre",
    "meter", "feet", "foot", "inches", "inch", "yards", "yard", "square miles", "square kilometres",
    "square kilometers", "square feet", "square metres", "square meters", "acres", "acre",
    "hectares", "hectare", "litres", "liters", "litre", "liter", "gallons", "gallon",
    "megawatts", "megawatt", "mw", "gigawatts", "gw", "kilowatts", "kw", "kilowatt hours",
    "kwh", "degrees", "mph", "km/h", "basis points", "basis point", "points", "point",
)
#: units of time: a figure with one of these is a duration
TIME_UNITS = {
    "second": "seconds", "minute": "minutes", "hour": "hours", "day": "days", "week": "weeks",
    "fortnight": "fortnights", "month": "months", "year": "years", "decade": "decades",
    "century": "centuries", "centuries": "centuries",
    # a span of time in news (*for two generations*), as a decade is
    "generation": "generations",
}

# --- hedges --------------------------------------------------------------------------------

#: words just before a figure that make it approximate; from the news-dev gold and the
#: ``estimated`` cues of spec/CLAIMS.md
HEDGES_BEFORE = (
    "about", "around", "roughly", "approximately", "approx.", "nearly", "almost", "some",
    "more than", "over", "up to", "at least", "as much as", "as many as", "as high as",
    "not more than", "no more than", "less than", "fewer than", "under", "close to",
    "upwards of", "in excess of", "an estimated", "estimated", "just over", "just under",
    "well over", "well above", "above", "below", "well below", "an approximate", "approximate", "circa", "c.",
    "some estimates", "perhaps", "possibly", "maybe", "reportedly",
)
#: words somewhere earlier in the sentence that make the figures after them approximate;
#: forecasts are not (the gold leaves *the Fund forecasts they will grow 2.5 pct* exact)
HEDGES_EARLIER = ("estimate", "estimates", "estimated", "estimating")

#: words that make two figures joined by a dash a vote tally (*passed 214-198*, *ruled 5-4*,
#: *a 61-38 vote*), each side a count of votes (see :mod:`.tallies`)
VOTE_WORDS = frozenset("""
vote votes voted voting passed approved rejected defeated adopted ratified ruled confirmed
upheld overturned ballot tally margin split
""".split())

# --- what is not a facet -------------------------------------------------------------------

#: capitalised words that may stand before a figure without making it part of a name
FUNCTION_WORDS = frozenset("""
a an the in on at of to for from by with since until till after before during through within
about around some nearly almost over under only just roughly approximately more less fewer
than up least between and or but as is was are were be been this that these those its his her
their our my your all another last next total estimated exactly another each every per
while when if yet so also still then there here what which who whom whose where why how
another another among against toward towards into onto upon via says said say note added
""".split())
#: words after a figure that make it an address (``10 Downing Street``)
STREET_WORDS = frozenset("street st avenue ave road rd boulevard blvd lane drive".split())
#: nouns that a number word before a hyphen counts (*a six-page letter*, *a nine-member
#: panel*), where other compounds in words describe (*a two-step plan*, *a four-star general*)
COMPOUND_COUNTS = frozenset("page member judge seat nation country person bedroom vote term".split())
#: idioms with a number word that count nothing
IDIOMS = ("own two feet", "two cents", "second to none", "at sixes and sevens", "on all fours",
          "two-way", "one-way", "of two minds", "in two minds", "tale of two",
          "lesser of two evils", "only one way")
#: words after a number word that show it counts nothing here (``the two on``, ``all three
#: were``): prepositions, verbs, conjunctions
NOT_COUNTED = frozenset("""
of on in at to for from by with as than and or but nor so yet if that which who whom whose
where when while is was are were be been being am has have had do does did will would shall
should can could may might must said says say told tell according per each apiece a an the
this these those it its they them their he she his her we us our you i me my less
apart together alone away back up down off out over under again also only just even still
ago earlier later before after since times time percent pct point points
among across amid along why because not enough
""".split())
#: modifiers dropped from the front of a counted noun phrase (``two other recent cases``)
COUNT_MODIFIERS = frozenset("other more recent slain additional further extra separate "
                            "different total remaining such combined earlier later prior previous".split())
