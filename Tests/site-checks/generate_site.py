#!/usr/bin/env python3
"""Writes a deterministic Gloss site of N articles, for validation tests and benchmarks.

Usage: generate_site.py DIR [--articles N] [--entities M] [--base-url URL] [--skew S]
Articles mention entities by name and alias (possessives, hyphenated compounds), carry quotes
with attributions, tags, and some annotations, so every page kind is exercised.

By default every entity is equally likely in every article. With --skew S (say 1.0) the site
looks more like real news: entities are picked with Zipf weights 1/rank^S, people work in one of
a few "desks" and mostly appear with people of their desk and the desk's home place, and some
articles name a third person. That gives the entity graph a few famous names, communities and
a long tail, which is what its layout and label placement must cope with.
"""
import argparse, pathlib, random, shutil

FIRST = ["Ana", "Kenji", "Maria", "Olu", "Priya", "Lars", "Chen", "Fatima", "Diego", "Yuki", "Amara", "Ivan", "Sofia", "Tomás", "Leila"]
LAST = ["Okafor", "Tanaka", "Silva", "Haddad", "Nguyen", "Kowalski", "Müller", "Rossi", "Sato", "Mensah", "Dubois", "Novak", "Ortega", "Lindqvist", "Kaur"]
PLACES = ["Norland", "Vesteria", "Karavia", "Ostmark", "Lumeria", "Tarsis", "Belgravia Isles", "New Arcadia", "Soravia", "Delmont"]
ORGS = ["Council of Ministers", "Federal Trade Office", "Harbour Authority", "Central Bank", "Energy Agency", "Port Workers Union", "Grain Board", "Statistics Office"]
AGREEMENTS = ["NORVEST", "Tarsis Accord", "Harbour Pact", "Grain Compact", "Delmont Protocol"]
VERBS = ["said", "told reporters", "added", "warned"]
TOPICS = ["trade", "energy", "shipping", "tariffs", "diplomacy", "agriculture", "finance", "security"]
FILLER = ("talks continued into the evening as delegations weighed the costs of a new tariff schedule "
          "and officials promised a statement by the end of the week on investment and security").split()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--entities", type=int, default=60)
    ap.add_argument("--base-url", default="https://example.org/generated/")
    ap.add_argument("--skew", type=float, default=0.0, help="Zipf exponent of entity popularity (0: uniform)")
    args = ap.parse_args()
    rng = random.Random(20180923)
    root = pathlib.Path(args.dir)
    if root.exists():
        shutil.rmtree(root)
    (root / "content" / "articles").mkdir(parents=True)
    (root / "content" / "entities").mkdir(parents=True)
    (root / "gloss.yml").write_text(
        f'title: "Generated Digest"\ndescription: "A generated digest for tests."\nbase_url: "{args.base_url}"\n' if args.base_url
        else 'title: "Generated Digest"\n', encoding="utf-8")

    entities = []  # (slug, name, alias, kind)
    seen = set()
    for place in PLACES:
        entities.append((slug(place), place, None, "place"))
    for org in ORGS:
        entities.append((slug(org), org, None, "organization"))
    for agreement in AGREEMENTS:
        entities.append((slug(agreement), agreement, None, "agreement"))
    while len(entities) < args.entities:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        # Past the 225 plain first/last pairs, middle initials keep names unique.
        initial = "" if len(seen) < 150 else f"{chr(65 + rng.randrange(26))}. "
        name = f"{first} {initial}{last}"
        if name in seen:
            continue
        seen.add(name)
        # The surname is an alias only while no other person has it: aliases must be unique.
        alias = None if any(e[1].endswith(" " + last) for e in entities) else last
        entities.append((slug(name), name, alias, "person"))
    for s, name, alias, kind in entities:
        aliases = f"aliases: [\"{alias}\"]\n" if alias else ""
        (root / "content" / "entities" / f"{s}.md").write_text(
            f"---\nname: \"{name}\"\nkind: {kind}\n{aliases}summary: \"A {kind} in the generated digest\"\n---\n"
            f"{name} is a {kind} that appears in the generated articles.\n", encoding="utf-8")
    people = [e for e in entities if e[3] == "person"]
    others = [e for e in entities if e[3] != "person"]
    skewed = Skewed(rng, people, others, args.skew) if args.skew > 0 else None

    for i in range(args.articles):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        year = 2018 + i // (28 * 12)
        date = f"{year}-{month:02d}-{day:02d}"
        if skewed:
            a, b, p1, p2, third = skewed.cast()
        else:
            a, b = rng.sample(people, 2)
            p1, p2 = rng.sample(others, 2)
            third = None
        tags = rng.sample(TOPICS, 2)
        title = f"{a[1]} and {b[1]} discuss {tags[0]} in {p1[1]}"
        body = []
        body.append(f"{a[1]} met {b[1]} in {p1[1]} on {date} to discuss {tags[0]} and {tags[1]}, "
                    f"as the {p2[1]} prepared its response.")
        body.append(f"\"We made real progress on {tags[0]} today,\" {a[2] or a[1]} {rng.choice(VERBS)}. "
                    f"\"There is more work to do before the {p2[1]} meets again.\"")
        body.append(f"{b[2] or b[1]}'s team said the {p1[1]}-{p2[1]} talks would resume next month. "
                    + " ".join(rng.choice(FILLER) for _ in range(40)) + ".")
        body.append(f"According to {b[1]}, \"the numbers do not yet add up for {p1[1]}.\"")
        if third:
            body.append(f"{third[1]} was also at the meeting in {p1[1]}.")
        body.append(f"Analysts in {p1[1]} noted the *{tags[1]}* figures and the `code-{i}` reference, "
                    f"while a [statement](https://example.org/{i}) from {p2[1]} was published.")
        (root / "content" / "articles" / f"article-{i:05d}.md").write_text(
            f"---\ntitle: \"{title}\"\ndate: {date}\nsource: \"Generated Wire\"\nauthor: \"Desk {i % 7}\"\n"
            f"tags: [{', '.join(tags)}]\n---\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        if i % 5 == 0:
            note_dir = root / "content" / "annotations" / f"article-{i:05d}"
            note_dir.mkdir(parents=True, exist_ok=True)
            kind = ["note", "context", "fact-check", "correction", "analysis"][i % 5 if i % 25 else 0]
            (note_dir / "first.md").write_text(
                f"---\nquote: \"talks would resume next month\"\nkind: {kind}\nauthor: \"Desk editor\"\ndate: {date}\n---\n"
                f"The talks resumed as {b[1]} said they would.\n", encoding="utf-8")


class Skewed:
    """Zipf-weighted picks with communities: person i works at desk i % DESKS, whose home place
    is others[desk % len(others)]; the second person is from the same desk 70% of the time."""
    DESKS = 12

    def __init__(self, rng, people, others, exponent):
        self.rng, self.people, self.others = rng, people, others
        self.people_weights = cumulative([1 / (r + 1) ** exponent for r in range(len(people))])
        self.other_weights = cumulative([1 / (r + 1) ** exponent for r in range(len(others))])
        self.desks = [[p for i, p in enumerate(people) if i % self.DESKS == d] for d in range(self.DESKS)]
        self.desk_weights = [cumulative([1 / (r + 1) ** exponent for r in range(len(desk))]) for desk in self.desks]

    def pick(self, items, weights, avoid=()):
        while True:
            item = self.rng.choices(items, cum_weights=weights)[0]
            if item not in avoid:
                return item

    def colleague(self, desk, avoid):
        members = self.desks[desk]
        if len(members) <= len(avoid) or self.rng.random() >= 0.7:
            return self.pick(self.people, self.people_weights, avoid)
        return self.pick(members, self.desk_weights[desk], avoid)

    def cast(self):
        a = self.pick(self.people, self.people_weights)
        desk = self.people.index(a) % self.DESKS
        b = self.colleague(desk, (a,))
        home = self.others[desk % len(self.others)]
        p1 = home if self.rng.random() < 0.5 else self.pick(self.others, self.other_weights)
        p2 = self.pick(self.others, self.other_weights, (p1,))
        third = self.colleague(desk, (a, b)) if self.rng.random() < 0.4 else None
        return a, b, p1, p2, third


def cumulative(weights):
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def slug(text):
    out, dash = [], False
    for ch in text.lower().replace("ü", "u").replace("á", "a"):
        if ch.isascii() and ch.isalnum():
            if dash and out:
                out.append("-")
            out.append(ch)
            dash = False
        else:
            dash = True
    return "".join(out)


if __name__ == "__main__":
    main()
