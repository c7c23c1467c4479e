#!/usr/bin/env python3
"""Writes a deterministic Gloss site of N articles, for validation tests and benchmarks.

Usage: generate_site.py DIR [--articles N] [--entities M] [--base-url URL]
Articles mention entities by name and alias (possessives, hyphenated compounds), carry quotes
with attributions, tags, and some annotations, so every page kind is exercised.
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

    for i in range(args.articles):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        year = 2018 + i // (28 * 12)
        date = f"{year}-{month:02d}-{day:02d}"
        a, b = rng.sample(people, 2)
        p1, p2 = rng.sample(others, 2)
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
