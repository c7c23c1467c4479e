"""The people, places and prose of generate_site.py's corpus: an entity registry with Zipf
popularity, sentence patterns filled for one article at a time, and passages for notes to quote."""
import bisect, random, re, unicodedata

from corpus_words import (ADJECTIVES, AGREEMENT_KINDS, FIRST, LEADS, MONTHS, NOUNS, ORG_KINDS, PAST, PLACE_HEADS,
                          PLACE_TAILS, PLURALS, QUOTES, RARE_SYLLABLES, ROLES, SAID, SENTENCES, SURNAME_HEADS,
                          SURNAME_MIDS, SURNAME_TAILS, VERBS, WEEKDAYS)

SLOT = re.compile(r"\{([A-Za-z0-9']+)\}")
MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*`]")


class Registry:
    """The entities, by kind, each kind in a Zipf popularity order; people optionally in desks."""

    def __init__(self, count, rng, skew, desks=0):
        people = max(2, round(count * 0.70))
        places = max(2, round(count * 0.10))
        orgs = max(2, round(count * 0.15))
        agreements = max(2, count - people - places - orgs)
        people = count - places - orgs - agreements
        self.surfaces = set(FIRST)  # every name and alias: an alias must never be claimed twice
        self.slugs = set()
        self.places = [self.add(name, None, "place", "A place in the generated digest") for name in place_names(rng, places)]
        self.people = [self.person(rng) for _ in range(people)]
        self.orgs = [self.institution(rng, ORG_KINDS, "organization") for _ in range(orgs)]
        self.agreements = [self.institution(rng, AGREEMENT_KINDS, "agreement") for _ in range(agreements)]
        self.all = self.places + self.people + self.orgs + self.agreements
        self.weights = {}
        for group in (self.people, self.places, self.orgs, self.agreements):
            rng.shuffle(group)
            self.weights[id(group)] = cumulative([1 / (rank + 1) ** skew for rank in range(len(group))])
        # Person i works at desk i % desks, whose home is a place; popularity within a desk is Zipf too.
        self.desks = [self.people[desk::desks] for desk in range(min(desks, len(self.people)))]
        self.desk_weights = [cumulative([1 / (rank + 1) ** skew for rank in range(len(members))]) for members in self.desks]

    def add(self, name, alias, kind, summary):
        self.surfaces.add(name)
        self.slugs.add(slug(name))
        if alias:
            self.surfaces.add(alias)
        return {"slug": slug(name), "name": name, "alias": alias, "kind": kind, "summary": summary}

    def person(self, rng):
        for attempt in range(200):
            surname = rng.choice(SURNAME_HEADS) + rng.choice(SURNAME_MIDS) + rng.choice(SURNAME_TAILS)
            initial = "" if attempt < 100 else f"{chr(65 + rng.randrange(26))}. "
            name = f"{rng.choice(FIRST)} {initial}{surname}"
            if name not in self.surfaces and slug(name) not in self.slugs:
                alias = surname if surname not in self.surfaces else None
                return self.add(name, alias, "person", f"{rng.choice(ROLES)} of {rng.choice(self.places)['name']}")
        raise SystemExit("generate_site.py: ran out of person names; use fewer --entities")

    def institution(self, rng, kinds, kind):
        for _ in range(500):
            place, what = rng.choice(self.places)["name"], rng.choice(kinds)
            name = f"{place} {what}"
            if name in self.surfaces or slug(name) in self.slugs:
                continue
            acronym = "".join(word[0] for word in name.split() if word[0].isupper())
            alias = acronym if len(acronym) >= 3 and acronym not in self.surfaces else None
            return self.add(name, alias, kind, f"{what} of {place}")
        raise SystemExit(f"generate_site.py: ran out of {kind} names; use fewer --entities")

    def cast(self, rng, mentions):
        """The entities one article mentions: popular ones often, each at most once."""
        shares = [(self.people, 0.45), (self.places, 0.2), (self.orgs, 0.25), (self.agreements, 0.1)]
        cast = {kind: draw(rng, group, self.weights[id(group)], max(2 if kind != "agreements" else 1, round(mentions * share)))
                for kind, (group, share) in zip(("people", "places", "orgs", "agreements"), shares)}
        if self.desks:
            self.gather_desk(rng, cast)
        return cast

    def gather_desk(self, rng, cast):
        """The lead's colleagues replace most other people (70%), and half the time the story is
        set in the desk's home place."""
        people, lead = cast["people"], cast["people"][0]
        desk = self.people.index(lead) % len(self.desks)
        members, weights = self.desks[desk], self.desk_weights[desk]
        for position in range(1, len(people)):
            if rng.random() < 0.7:
                colleague = members[bisect.bisect(weights, rng.random() * weights[-1])]
                if colleague not in people:
                    people[position] = colleague
        home = self.places[desk % len(self.places)]
        if rng.random() < 0.5 and cast["places"][0] is not home:
            cast["places"] = [home] + [place for place in cast["places"] if place is not home][:len(cast["places"]) - 1]


class Prose:
    """Fills sentence patterns for one article: the first mention of an entity is its full name,
    later ones its alias."""

    def __init__(self, rng, cast, tags, lexicon, date):
        self.rng, self.cast, self.tags, self.lexicon, self.date = rng, cast, tags, lexicon, date
        self.mentioned, self.in_sentence = set(), set()

    def mention(self, entity, possessive=False):
        first = entity["slug"] not in self.mentioned
        self.mentioned.add(entity["slug"])
        if first and entity["kind"] == "person" and self.rng.random() < 0.3:
            text = f"{entity['summary'].split(' of ')[0]} {entity['name']}"
        else:
            text = entity["alias"] if entity["alias"] and not first else entity["name"]
        return text + ("'s" if possessive else "")

    def pick(self, kind):
        """A cast member, the article's leads most often, never one already named in this sentence."""
        group = self.cast[kind]
        for _ in range(4):
            entity = group[min(len(group) - 1, int(self.rng.random() ** 2 * len(group)))]
            if entity["slug"] not in self.in_sentence:
                break
        self.in_sentence.add(entity["slug"])
        return entity

    def slot(self, match):
        key, rng = match.group(1), self.rng
        if key in ("P", "P's"):
            return self.mention(self.pick("people"), key == "P's")
        if key in ("PL", "PL2"):
            places = self.cast["places"]
            return places[0 if key == "PL" else 1]["name"]
        if key == "O":
            return self.mention(self.pick("orgs"))
        if key == "AG":
            return self.mention(self.pick("agreements"))
        if key == "TOPIC":
            return rng.choice(self.tags)
        if key == "n":
            return rng.choice(NOUNS)
        if key == "ns":
            noun = rng.choice(NOUNS)
            return PLURALS.get(noun, noun + "s")
        if key == "adj":
            return rng.choice(ADJECTIVES)
        if key == "v":
            return rng.choice(VERBS)
        if key == "ved":
            return PAST[rng.choice(VERBS)]
        if key == "rare":
            words, weights = self.lexicon
            return words[bisect.bisect(weights, rng.random() * weights[-1])]
        if key == "num":
            return str(rng.choice([2, 3, 5, 12, 40, 150, 300, 1200]) * (1 + rng.randrange(9)))
        if key == "pct":
            return f"{rng.randrange(1, 30)}.{rng.randrange(10)}"
        if key == "year":
            return str(self.date.year - rng.randrange(12))
        if key == "month":
            return rng.choice(MONTHS)
        if key == "weekday":
            return rng.choice(WEEKDAYS)
        if key == "said":
            return rng.choice(SAID)
        raise KeyError(key)

    def fill(self, pattern):
        self.in_sentence = set()
        text = SLOT.sub(self.slot, pattern)
        return text[0].upper() + text[1:]

    def paragraphs(self, target_words):
        """[[(sentence, plain text or None when it cannot be quoted)]] of about target_words."""
        out, count = [], 0
        while count < target_words - 22:   # stop near the target: a paragraph is about 45 words
            paragraph = [] if out else [self.fill(self.rng.choice(LEADS))]
            if out and self.rng.random() < 0.2:
                paragraph.append(self.fill(self.rng.choice(QUOTES)))
            for _ in range(2 + self.rng.randrange(3)):
                paragraph.append(self.fill(self.rng.choice(SENTENCES)))
            count += sum(len(text.split()) for text in paragraph)
            out.append([(text, None if re.search(r"[\"'*`\[-]", text) else text) for text in paragraph])
        return out


def note_quotes(rng, paragraphs, count):
    """Up to `count` passages of 6–12 words, each found exactly once in the article's text."""
    plain = " ".join(MARKUP.sub(r"\1", text) for paragraph in paragraphs for text, _ in paragraph).lower()
    candidates = [quotable for paragraph in paragraphs for _, quotable in paragraph if quotable]
    quotes = []
    for _ in range(count * 20):
        if len(quotes) == count or not candidates:
            break
        tokens = rng.choice(candidates).rstrip(".").split()
        length = min(len(tokens), 6 + rng.randrange(7))
        start = rng.randrange(len(tokens) - length + 1)
        quote = " ".join(tokens[start:start + length]).rstrip(",:;")
        if quote not in quotes and plain.count(quote.lower()) == 1:
            quotes.append(quote)
    return quotes


def place_names(rng, count):
    names = [head + tail for head in PLACE_HEADS for tail in dict.fromkeys(PLACE_TAILS)]
    rng.shuffle(names)
    prefixes = ["", "New ", "Port ", "North ", "South ", "Upper ", "Lower ", "East ", "West "]
    out = [prefix + name for prefix in prefixes for name in names][:count]
    if len(out) < count:
        raise SystemExit("generate_site.py: ran out of place names; use fewer --entities")
    return out


def rare_words(rng, count=20_000):
    """Invented lower-case words with a Zipf frequency: the long tail of a news vocabulary."""
    words = set()
    while len(words) < count:
        words.add("".join(rng.choice(RARE_SYLLABLES) for _ in range(2 + rng.randrange(3))))
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered, cumulative([1 / (rank + 1) ** 1.1 for rank in range(count)])


def cumulative(weights):
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


def draw(rng, items, weights, count):
    """`count` distinct items, each drawn by weight."""
    chosen, seen = [], set()
    count = min(count, len(items))
    while len(chosen) < count:
        index = bisect.bisect(weights, rng.random() * weights[-1])
        if index < len(items) and index not in seen:
            seen.add(index)
            chosen.append(items[index])
    return chosen


def slug(text):
    out, dash = [], False
    for ch in unicodedata.normalize("NFKD", text.lower()):
        if unicodedata.combining(ch):
            continue
        if ch.isascii() and ch.isalnum():
            if dash and out:
                out.append("-")
            out.append(ch)
            dash = False
        else:
            dash = True
    return "".join(out)
