#!/usr/bin/env python3
"""Writes a deterministic Gloss site of N articles, for validation tests and benchmarks.

Usage: generate_site.py DIR [--articles N] [--entities E] [--notes A] [--words W]
                            [--length-dist fixed|uniform|lognormal] [--spread S] [--mentions M]
                            [--entity-skew Z] [--desks D] [--tags T] [--tags-per-article K] [--per-day D]
                            [--seed S] [--base-url URL]

Articles are news prose of about W words (drawn from the length distribution), mentioning a cast
of about M registry entities by name, surname or acronym alias, possessive ("Okafor's") and
hyphenated compound ("Norland-Vesteria"); they carry attributed quotations, emphasis, code spans,
links and tags. Entities are people, places, organisations and agreements, each mentioned with
a Zipf popularity (skew Z), so a few appear everywhere and most rarely. With --desks D people work
in D desks and mostly appear with people of their desk and in the desk's home place: communities,
which the entity graph's layout must cope with. Each article gets up to A
notes, each quoting a passage that occurs exactly once in the article, so every note anchors.
The same arguments give the same bytes; article i does not depend on N (a smaller corpus is a
prefix of a larger one with the same other arguments). The words are invented (corpus_words.py); the
registry and the prose are made in corpus_model.py.
"""
import argparse, datetime, math, pathlib, random, shutil

from corpus_model import Prose, Registry, cumulative, draw, note_quotes, rare_words
from corpus_words import NOTES, TITLES, TOPICS

NOTE_KINDS = ["note", "context", "fact-check", "correction", "analysis"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--entities", type=int, default=60, help="registry size (at least 8)")
    ap.add_argument("--notes", type=int, default=5, help="notes per article, each quoting the article")
    ap.add_argument("--words", type=int, default=830, help="mean article length in words")
    ap.add_argument("--length-dist", choices=["fixed", "uniform", "lognormal"], default="lognormal")
    ap.add_argument("--spread", type=float, default=0.4, help="uniform: ±share of --words; lognormal: sigma")
    ap.add_argument("--mentions", type=int, default=8, help="distinct entities an article mentions")
    ap.add_argument("--entity-skew", type=float, default=0.8, help="Zipf exponent of entity popularity")
    ap.add_argument("--desks", type=int, default=0, help="communities of people (0: none)")
    ap.add_argument("--tags", type=int, default=40, help="distinct tags in the site")
    ap.add_argument("--tags-per-article", type=int, default=3)
    ap.add_argument("--per-day", type=int, default=12, help="articles per day (sets the digests' span)")
    ap.add_argument("--seed", type=int, default=20180923)
    ap.add_argument("--base-url", default="https://example.org/generated/")
    args = ap.parse_args()
    if args.entities < 8:
        ap.error("--entities must be at least 8 (two people, places, organisations and agreements)")
    root = pathlib.Path(args.dir)
    if root.exists():
        shutil.rmtree(root)
    (root / "content" / "entities").mkdir(parents=True)
    (root / "gloss.yml").write_text(
        'title: "Generated Digest"\ndescription: "A generated digest for tests and benchmarks."\n'
        + (f'base_url: "{args.base_url}"\n' if args.base_url else ""), encoding="utf-8")

    rng = random.Random(args.seed)
    registry = Registry(args.entities, rng, args.entity_skew, args.desks)
    for entity in registry.all:
        write_entity(root, entity)
    lexicon = rare_words(rng)
    tags = tag_names(args.tags)
    tag_weights = cumulative([1 / (rank + 1) ** 0.5 for rank in range(len(tags))])
    start = datetime.date(2018, 1, 1)
    width = max(5, len(str(args.articles - 1)))
    words = written = 0
    for i in range(args.articles):
        arng = random.Random(args.seed * 1_000_003 + i)
        date = start + datetime.timedelta(days=i // max(1, args.per_day))
        article_tags = sorted(draw(arng, tags, tag_weights, min(args.tags_per_article, len(tags))))
        cast = registry.cast(arng, args.mentions)
        prose = Prose(arng, cast, article_tags, lexicon, date)
        title = prose.fill(arng.choice(TITLES))
        prose.mentioned.clear()  # the body introduces everyone by full name again
        target = article_length(arng, args)
        paragraphs = prose.paragraphs(target)
        slug = f"article-{i:0{width}d}"
        folder = root / "content" / "articles" / str(date.year)
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(" ".join(text for text, _ in paragraph) for paragraph in paragraphs)
        words += len(body.split())
        (folder / f"{slug}.md").write_text(
            f"---\ntitle: \"{title}\"\ndate: {date.isoformat()}\nsource: \"Generated Wire\"\nauthor: \"Desk {i % 7}\"\n"
            f"tags: [{', '.join(article_tags)}]\n---\n{body}\n", encoding="utf-8")
        for n, quote in enumerate(note_quotes(arng, paragraphs, args.notes)):
            note_dir = root / "content" / "annotations" / slug
            note_dir.mkdir(parents=True, exist_ok=True)
            prose.mentioned.clear()
            text = " ".join(prose.fill(arng.choice(NOTES)) for _ in range(1 + arng.randrange(2)))
            (note_dir / f"note-{n + 1}.md").write_text(
                f"---\nquote: \"{quote}\"\nkind: {NOTE_KINDS[(i + n) % len(NOTE_KINDS)]}\nauthor: \"Desk editor\"\n"
                f"date: {date.isoformat()}\n---\n{text}\n", encoding="utf-8")
            written += 1
    print(f"{args.articles} articles ({words} words, {words // max(1, args.articles)} per article), "
          f"{len(registry.all)} entities, {written} notes, {len(tags)} tags in {root}")


def article_length(rng, args):
    if args.length_dist == "fixed":
        return args.words
    if args.length_dist == "uniform":
        return max(40, round(args.words * (1 + args.spread * (2 * rng.random() - 1))))
    sigma = args.spread
    return max(40, min(8 * args.words, round(args.words * math.exp(rng.gauss(0, sigma) - sigma * sigma / 2))))


def tag_names(count):
    extra = [f"{a}-{b}" for a in TOPICS for b in TOPICS if a != b]
    return (TOPICS + extra)[:count]


def write_entity(root, entity):
    alias = f"aliases: [\"{entity['alias']}\"]\n" if entity["alias"] else ""
    (root / "content" / "entities" / f"{entity['slug']}.md").write_text(
        f"---\nname: \"{entity['name']}\"\nkind: {entity['kind']}\n{alias}summary: \"{entity['summary']}\"\n---\n"
        f"{entity['name']} is a {entity['kind']} that appears in the generated articles: {entity['summary']}.\n",
        encoding="utf-8")


if __name__ == "__main__":
    main()
