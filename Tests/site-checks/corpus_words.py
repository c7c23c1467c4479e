"""Word lists and sentence patterns for generate_site.py: the raw material of its news prose.

All invented (no text from any real corpus). Slots in a pattern are filled by the generator:
  {P} {P's} a person of the article's cast (full name first, then the surname alias)
  {O} an organisation, {PL} {PL2} places, {AG} an agreement, {TOPIC} one of the article's tags
  {n} {ns} noun / plural noun, {adj}, {ved} past verb, {v} verb, {rare} a rare (Zipf) word,
  {num} {pct} {year} {month} {weekday}
Patterns starting with '"' are direct quotations with an attribution Gloss recognises.
"""

FIRST = ["Ana", "Kenji", "Maria", "Olu", "Priya", "Lars", "Chen", "Fatima", "Diego", "Yuki", "Amara", "Ivan",
         "Sofia", "Tomás", "Leila", "Noor", "Mateo", "Ingrid", "Kwame", "Hana", "Rafael", "Aisha", "Pavel",
         "Elena", "Jonas", "Mei", "Samir", "Greta", "Tunde", "Camila", "Arjun", "Zofia", "Emeka", "Lucía",
         "Henrik", "Farah", "Milan", "Rosa", "Kofi", "Irina", "Andrés", "Nadia", "Oskar", "Ayumi", "Bruno",
         "Dalia", "Stefan", "Wanjiru", "Marco", "Selin"]
SURNAME_HEADS = ["Ok", "Tan", "Sil", "Had", "Nguy", "Kow", "Mül", "Ros", "Sat", "Mens", "Dub", "Nov", "Ort",
                 "Lind", "Ka", "Bar", "Vel", "Mor", "Dral", "Fen", "Gar", "Hol", "Ivan", "Jar", "Kel", "Lor",
                 "Mar", "Nor", "Pel", "Quar", "Rad", "Sor", "Tor", "Ul", "Var", "Wes", "Yar", "Zel"]
SURNAME_MIDS = ["", "a", "e", "i", "o", "u", "an", "er", "ol", "ev", "in"]
SURNAME_TAILS = ["afor", "aka", "va", "dad", "en", "ski", "ler", "si", "to", "ah", "ois", "ak", "ega", "qvist",
                 "ur", "ov", "ez", "sen", "ani", "berg", "ic", "elli", "oglu", "ard", "uchi", "enko", "ino"]
PLACE_HEADS = ["Nor", "Vest", "Kar", "Ost", "Lum", "Tar", "Bel", "Sor", "Del", "Ar", "Cal", "Dun", "Esk", "Fal",
               "Gal", "Hel", "Il", "Jor", "Kel", "Lor", "Mar", "Nev", "Or", "Pol", "Qua", "Rav", "Sil", "Tel"]
PLACE_TAILS = ["land", "eria", "avia", "mark", "ia", "sis", "mont", "avia", "ovia", "istan", "ora", "uria", "heim",
               "port", "gard", "ana", "ador", "ica", "ene", "ombe"]
ORG_KINDS = ["Port Authority", "Central Bank", "Energy Agency", "Trade Office", "Grain Board", "Statistics Office",
             "Workers Union", "Council of Ministers", "Development Fund", "Shipping Federation", "Chamber of Commerce",
             "Competition Commission", "Customs Service", "Farmers Association", "Audit Court", "Rail Company"]
AGREEMENT_KINDS = ["Trade Agreement", "Accord", "Protocol", "Harbour Pact", "Grain Compact", "Energy Charter",
                   "Customs Union", "Fisheries Treaty"]
ROLES = ["Trade Minister", "Finance Minister", "Prime Minister", "President", "Governor", "Ambassador",
         "chief negotiator", "spokesperson", "Senator", "Mayor"]

TOPICS = ["trade", "energy", "shipping", "tariffs", "diplomacy", "agriculture", "finance", "security", "elections",
          "health", "climate", "labour", "technology", "fisheries", "transport", "housing", "education", "defence",
          "migration", "tourism", "mining", "banking", "media", "justice", "water", "food", "industry", "taxation",
          "infrastructure", "pensions", "telecoms", "aviation", "railways", "ports", "customs", "sanctions",
          "budget", "inflation", "currency", "investment"]

NOUNS = ["agreement", "budget", "ceasefire", "coalition", "committee", "contract", "convoy", "crisis", "deadline",
         "deal", "debate", "decision", "delegation", "deposit", "dispute", "economy", "election", "embargo",
         "estimate", "exemption", "export", "facility", "forecast", "framework", "fund", "harvest", "hearing",
         "import", "index", "inquiry", "investment", "law", "levy", "loan", "market", "measure", "meeting",
         "memorandum", "minister", "mission", "motion", "office", "outlook", "pipeline", "plan", "policy",
         "port", "price", "programme", "project", "proposal", "quota", "rate", "reform", "region", "report",
         "reserve", "review", "ruling", "schedule", "sector", "settlement", "shipment", "strike", "subsidy",
         "summit", "supply", "surplus", "target", "tariff", "tax", "terminal", "treaty", "union", "vote",
         "warehouse", "wage", "yield", "cargo", "corridor", "charter", "consortium", "bond", "audit", "border"]
PLURALS = {"economy": "economies", "inquiry": "inquiries", "subsidy": "subsidies", "supply": "supplies",
           "surplus": "surpluses", "tax": "taxes", "crisis": "crises", "index": "indices", "levy": "levies",
           "treaty": "treaties", "facility": "facilities", "yield": "yields"}
ADJECTIVES = ["annual", "bilateral", "binding", "broad", "careful", "central", "cautious", "coastal", "costly",
              "critical", "domestic", "early", "economic", "emergency", "external", "federal", "final", "fiscal",
              "foreign", "formal", "fragile", "full", "further", "gradual", "heavy", "historic", "independent",
              "interim", "joint", "key", "large", "legal", "local", "long", "major", "modest", "national", "new",
              "official", "open", "partial", "political", "possible", "preliminary", "private", "provisional",
              "public", "quarterly", "rapid", "recent", "regional", "revised", "rural", "seasonal", "senior",
              "sharp", "short", "significant", "slow", "special", "stable", "steady", "strategic", "strong",
              "temporary", "tough", "unexpected", "urban", "wider"]
VERBS = ["approve", "block", "challenge", "confirm", "cut", "delay", "extend", "finalise", "freeze", "raise",
         "reject", "renew", "review", "revise", "sign", "suspend", "support", "expand", "reduce", "restore",
         "protect", "publish", "fund", "negotiate", "defend", "announce", "adopt", "question", "lift", "ease"]
PAST = {"cut": "cut", "freeze": "froze", "sign": "signed", "finalise": "finalised", "approve": "approved",
        "raise": "raised", "revise": "revised", "renew": "renewed", "review": "reviewed", "reduce": "reduced",
        "restore": "restored", "announce": "announced", "adopt": "adopted", "ease": "eased", "challenge": "challenged",
        "confirm": "confirmed", "suspend": "suspended", "expand": "expanded", "protect": "protected",
        "publish": "published", "fund": "funded", "negotiate": "negotiated", "defend": "defended",
        "question": "questioned", "lift": "lifted", "block": "blocked", "delay": "delayed", "extend": "extended",
        "reject": "rejected", "support": "supported"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SAID = ["said", "told reporters", "added", "warned", "said on Tuesday", "said in a statement"]
RARE_SYLLABLES = ["ba", "ce", "di", "fo", "gu", "ha", "ki", "lo", "mu", "ne", "pi", "ro", "su", "ta", "vi", "wo",
                  "xe", "ya", "zu", "bre", "cla", "dro", "fli", "gra", "plo", "stu", "tri", "vel", "mor", "sen"]

LEADS = [
    "{P} met {P} in {PL} on {weekday} to discuss {TOPIC}, as the {O} prepared its response.",
    "The {O} on {weekday} {ved} a {adj} {n} on {TOPIC}, {P} said in {PL}.",
    "{PL} and {PL2} moved closer to a {adj} {n} on {TOPIC} after talks led by {P}.",
]
SENTENCES = [
    "{P} said on {weekday} that the {O} would {v} its {n} on {TOPIC} before the end of {month}.",
    "The {adj} {n} in {PL} has {ved} the {n} of {ns}, according to figures from the {O}.",
    "Officials in {PL} {ved} the {rare} {n}, which the {O} had {ved} in {year}.",
    "{P's} office declined to comment on the {adj} {n}.",
    "The {PL}-{PL2} {n} is expected to {v} {ns} worth {num} million by {year}.",
    "Under the {AG}, {PL} agreed to {v} {ns} and {ns} by {year}.",
    "Analysts at the {O} noted that {ns} had {ved} by {pct} percent since {month}.",
    "The {rare} {n} was first {ved} in {PL} in {year}, when {ns} were still {adj}.",
    "Critics of the {AG} argue that {adj} {ns} will {v} the {rare} {ns} of {PL}.",
    "In {PL}, {num} workers gathered outside the {O} on {weekday} to {v} the {n}.",
    "Talks between {P} and {P} on {TOPIC} are set to resume in {month}.",
    "Markets in {PL} {ved} the announcement, and the {n} rose {pct} percent by the close.",
    "{P} has long argued for {adj} {ns}, a position that {P's} allies in the {O} share.",
    "The {O} {ved} a {adj} {n} on {TOPIC} last {month}, its first since {year}.",
    "A {adj} {n} from the {O} put the cost of the {rare} {n} at {num} million.",
    "Lawmakers in {PL} will {v} the {n} next week, two people familiar with the {n} said.",
    "{P} met the {O} delegation in {PL} on {weekday} and {ved} the {adj} {n}.",
    "The {AG} has shaped {TOPIC} policy in {PL} and {PL2} for more than a decade.",
    "It was not clear whether the {O} would {v} the {rare} {n} before the {n} expires.",
    "Shipping data showed {num} {ns} leaving {PL} in {month}, up from {num} a year earlier.",
    "The {rare} dispute over {TOPIC} has strained ties between {PL} and {PL2}.",
    "Residents of {PL} said the {adj} {ns} had {ved} prices for {rare} goods.",
    "According to the {O}, the {n} could {v} {TOPIC} spending in {PL} by {pct} percent.",
    "Asked about the {n}, {P} said the {O} had {ved} every {adj} {n}.",
    "Both sides expect the {AG} to be {ved} before {month} {year}.",
    "{P} is due to travel to {PL} in {month} for {adj} talks on {TOPIC}.",
    "Several {ns} in {PL} have already {ved} their {rare} {ns}.",
    "The {O} said {TOPIC} {ns} would stay {adj} for the rest of the year.",
    "Officials said the *{adj}* {n} would be {ved} within weeks.",
    "The figures are set out in the {O} [{n} report](https://example.org/{TOPIC}/{year}).",
    "Files tagged `{rare}-{year}` in the {O} archive describe the {n} in detail.",
]
QUOTES = [
    "\"We have made real progress on {TOPIC} and the {n} is within reach,\" {P} {said}.",
    "\"The {adj} {n} will {v} {ns} across {PL},\" said {P}.",
    "{P} said: \"There is more work to do before the {O} meets again.\"",
    "According to {P}, \"the numbers do not yet add up for {PL}.\"",
    "\"Nobody in {PL} wants a {adj} {n},\" {P} {said}.",
]
NOTES = [
    "The {O} published its own account of the {n} on {weekday}.",
    "{P} made a similar point about {TOPIC} in {year}.",
    "Earlier reports put the figure at {num} million.",
    "The {AG} was signed in {year} and renewed twice since.",
    "This passage was corrected after the {O} {ved} its {n}.",
]
TITLES = [
    "{P} and {P} discuss {TOPIC} in {PL}",
    "{O} to {v} {adj} {n} as {TOPIC} talks stall",
    "{PL} {ved} {TOPIC} {n} after {P} visit",
    "What the {AG} means for {TOPIC} in {PL}",
    "{P} warns of {adj} {n} in {PL}",
]
