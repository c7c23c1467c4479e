#!/usr/bin/env python3
"""Quote attribution measured on PolNeAR (github.com/networkdynamics/PolNeAR: 2016 US political
news with every attribution annotated by hand; its training compartment only, read for error
patterns; its dev and test compartments are left unread). The corpus is not committed: it carries
no licence to redistribute its articles. Fetch it, then:

  polnear_attribution.py make DATA SITE          DATA = the checkout's data/ folder; writes a Gloss site
  gloss build --source SITE --output OUT --no-cache
  polnear_attribution.py score DATA SITE OUT [DETAILS.tsv]

Scoring: each quotation Gloss finds is placed in its paragraph by its text and matched with the
attribution whose content holds its opening mark. The label is the registry person the source
names (the name ends the source span, or starts it before an appositive), "none" for any other
source, and unknown (not scored) for a pronoun, a role ("the Florida senator") or a source naming
several. Precision: credited quotations whose label is a person or "none"; recall: quotations
labelled with a registry person. The registry below holds 60 people of the 2016 campaign, with
their surnames and honorifics as aliases.
"""
import collections, json, os, re, sys

PEOPLE = """
Hillary Clinton|she|Clinton;Mrs. Clinton;Mrs Clinton;Secretary Clinton;Hillary Rodham Clinton
Donald Trump|he|Trump;Mr. Trump;Mr Trump;Donald J. Trump
Bernie Sanders|he|Sanders;Mr. Sanders;Mr Sanders
Barack Obama|he|Obama;Mr. Obama;Mr Obama;President Obama
Ted Cruz|he|Cruz;Mr. Cruz;Mr Cruz
Marco Rubio|he|Rubio;Mr. Rubio;Mr Rubio
John Kasich|he|Kasich;Mr. Kasich;Mr Kasich
Jeb Bush|he|Mr. Bush;Mr Bush
Bill Clinton|he|Mr. Clinton;Mr Clinton;President Bill Clinton
Ben Carson|he|Carson;Mr. Carson;Mr Carson;Dr. Carson
Mitt Romney|he|Romney;Mr. Romney;Mr Romney
Chris Christie|he|Christie;Mr. Christie;Mr Christie
Carly Fiorina|she|Fiorina;Mrs. Fiorina;Ms. Fiorina;Ms Fiorina
Rand Paul|he|
Mike Huckabee|he|Huckabee;Mr. Huckabee;Mr Huckabee
Corey Lewandowski|he|Lewandowski;Mr. Lewandowski;Mr Lewandowski
Paul Ryan|he|Ryan;Mr. Ryan;Mr Ryan
Joe Biden|he|Biden;Mr. Biden;Mr Biden
Elizabeth Warren|she|Warren;Ms. Warren;Ms Warren
Mike Pence|he|Pence;Mr. Pence;Mr Pence
Paul Manafort|he|Manafort;Mr. Manafort;Mr Manafort
Jeff Weaver|he|Weaver;Mr. Weaver;Mr Weaver
James Comey|he|Comey;Mr. Comey;Mr Comey
Megyn Kelly|she|
Lindsey Graham|he|Graham;Mr. Graham;Mr Graham
David Axelrod|he|Axelrod;Mr. Axelrod;Mr Axelrod
Josh Earnest|he|Mr. Earnest;Mr Earnest
Mitch McConnell|he|McConnell;Mr. McConnell;Mr McConnell
Scott Walker|he|Mr. Walker;Mr Walker
Kelly Ayotte|she|Ayotte;Ms. Ayotte;Ms Ayotte
Huma Abedin|she|Abedin;Ms. Abedin;Ms Abedin
Newt Gingrich|he|Gingrich;Mr. Gingrich;Mr Gingrich
Debbie Wasserman Schultz|she|Wasserman Schultz;Ms. Wasserman Schultz;Ms Wasserman Schultz
Tim Kaine|he|Kaine;Mr. Kaine;Mr Kaine
Brian Fallon|he|Fallon;Mr. Fallon;Mr Fallon
Harry Reid|he|Reid;Mr. Reid;Mr Reid
Tad Devine|he|Devine;Mr. Devine;Mr Devine
Kellyanne Conway|she|Conway;Ms. Conway;Ms Conway
Robby Mook|he|Mook;Mr. Mook;Mr Mook
John Podesta|he|Podesta;Mr. Podesta;Mr Podesta
Jill Stein|she|Stein;Ms. Stein;Ms Stein
Gary Johnson|he|
Reince Priebus|he|Priebus;Mr. Priebus;Mr Priebus
Jennifer Palmieri|she|Palmieri;Ms. Palmieri;Ms Palmieri
Rudy Giuliani|he|Giuliani;Mr. Giuliani;Mr Giuliani
Nancy Pelosi|she|Pelosi;Ms. Pelosi;Ms Pelosi
Sarah Palin|she|Palin;Ms. Palin;Mrs. Palin
Hope Hicks|she|Hicks;Ms. Hicks;Ms Hicks
Katrina Pierson|she|Pierson;Ms. Pierson;Ms Pierson
John McCain|he|McCain;Mr. McCain;Mr McCain
Loretta Lynch|she|Lynch;Ms. Lynch;Ms Lynch
Chuck Grassley|he|Grassley;Mr. Grassley;Mr Grassley
Roger Stone|he|Mr. Stone;Mr Stone
Glenn Beck|he|Beck;Mr. Beck;Mr Beck
Ivanka Trump|she|Ivanka
Melania Trump|she|Melania
Chelsea Clinton|she|Chelsea
Jason Miller|he|
Mark Cuban|he|Cuban
Nate Silver|he|
"""
TITLES = {"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "President", "Senator", "Secretary", "Speaker", "Governor",
          "Mayor", "Vice", "Former", "Candidate", "Nominee", "Leader", "Chairman", "Director", "Democrat", "Republican", "GOP"}
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her"}


def articles(data):
    """(name, text, attributions) for each train article, one annotator's file each."""
    folder = os.path.join(data, "train")
    anns = collections.defaultdict(list)
    for f in sorted(os.listdir(os.path.join(folder, "attributions"))):
        anns[f.rsplit("_", 1)[0]].append(f)
    for name in sorted(anns):
        text = open(os.path.join(folder, "text", name + ".txt"), encoding="utf-8").read()
        spans, rels = {}, []
        for line in open(os.path.join(folder, "attributions", anns[name][0]), encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or not re.match(r"^[TE]\d+$", parts[0]):
                continue
            if parts[0].startswith("T"):
                kind, *offs = parts[1].split(" ")
                ranges = [tuple(map(int, r.split(" "))) for r in " ".join(offs).split(";")]
                spans[parts[0]] = (kind, ranges, parts[2] if len(parts) > 2 else "")
            elif parts[0].startswith("E"):
                roles = dict(p.split(":", 1) for p in parts[1].split(" ") if ":" in p)
                rels.append(roles)
        attributions = []
        for roles in rels:
            content = spans.get(roles.get("Content"))
            source = spans.get(roles.get("Source"))
            if content:
                attributions.append((content[1], source[2] if source else ""))
        yield name, text, attributions


def paragraphs(text):
    """Paragraphs as (start, end) offsets: blocks between blank lines."""
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        block = m.group(0)
        if block.strip():
            out.append((m.start(), m.end()))
    return out


def escape(p):
    p = re.sub(r"([*_`<\[\]\\])", r"\\\1", p)
    p = re.sub(r"^([#\-+>=|])", r"\\\1", p)
    p = re.sub(r"^(\d+)([.)])", r"\1\\\2", p)
    return p


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def make(data, site):
    os.makedirs(os.path.join(site, "content", "articles"), exist_ok=True)
    os.makedirs(os.path.join(site, "content", "entities"), exist_ok=True)
    open(os.path.join(site, "gloss.yml"), "w").write("title: PolNeAR train\nentities:\n  link: all\n")
    meta = {}
    for line in open(os.path.join(data, "metadata.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        meta[f[1]] = f
    for name, text, _ in articles(data):
        m = meta.get(name)
        title = (m[7] if m else name).replace('"', "'").replace("\\", "")
        date = name.split("_")[1]
        body = "\n\n".join(escape(" ".join(l.strip() for l in text[a:b].split("\n") if l.strip())) for a, b in paragraphs(text))
        open(os.path.join(site, "content", "articles", slug(name[:80]) + ".md"), "w", encoding="utf-8").write(
            f'---\ntitle: "{title}"\ndate: {date}\n---\n\n{body}\n')
    for line in PEOPLE.strip().split("\n"):
        name, pronoun, aliases = line.split("|")
        ys = ", ".join(f'"{a}"' for a in aliases.split(";") if a)
        open(os.path.join(site, "content", "entities", slug(name) + ".md"), "w").write(
            f'---\nname: "{name}"\nkind: person\naliases: [{ys}]\npronoun: {pronoun}\n---\n')


def registry(site):
    """alias → slug, for names that are one entity's."""
    out = {}
    folder = os.path.join(site, "content", "entities")
    for f in os.listdir(folder):
        t = open(os.path.join(folder, f)).read()
        s = f[:-3]
        name = re.search(r'name: "(.*)"', t).group(1)
        out[name] = s
        for a in re.findall(r'"([^"]+)"', t.split("aliases:")[1].split("\n")[0]):
            out[a] = s
    return out


ROLE = re.compile(r"^(the|this|that|who|which)\b|^(the )?(former |outgoing |presumptive |likely |democratic |republican |gop )*(president|senator|governor|candidate|nominee|billionaire|businessman|mogul|front-?runner|secretary|congressman|speaker|vice president|real estate|(\w+ )?(senator|governor|lawmaker|congressman|nominee|candidate))", re.I)


def label(source, names):
    """The entity a source span names, "none" for a source that is not a registry person, or None
    (unknown: a pronoun or a role ("the Florida senator"), whose referent the annotation does not give)."""
    s = source.strip().replace("’", "'")
    if not s or s.lower() in PRONOUNS:
        return None
    found = {}
    for alias, slug in names.items():
        for m in re.finditer(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", s):
            found.setdefault(slug, []).append(m)
    if len(found) == 1:
        one, ms = next(iter(found.items()))
        end = max(m.end() for m in ms)
        start = min(m.start() for m in ms)
        # "Trump's campaign", "a spokesman for Hillary Clinton": the person's staff is not the person.
        if re.match(r"'s\b", s[end:]) or re.search(r"\b(aide|spokes\w*|adviser|staff|allies|supporters|team|camp|office)s? (for|of|to)\b", s[:start]):
            return "none"
        # Another person of that surname ("Eric Trump"): a capitalised word before it that is no
        # title, middle initial or part of the alias.
        before = re.findall(r"([A-Z][\w.'’-]*) $", s[:start])
        if before and before[0].rstrip(".") not in TITLES and not re.fullmatch(r"[A-Z]\.?", before[0]):
            return "none"
        # The source must be the person, not someone described by them ("a Sanders delegate"):
        # the name ends the span, or starts it before an appositive.
        core = s.rstrip(" ,.")
        if end >= len(core) or (start == 0 and s[end:end + 1] in (",", " (")):
            return one
        return None
    if found:
        return None
    return None if ROLE.match(s) else "none"


def flat(text):
    """Text compared by its words: white space as one space, curly apostrophes and marks straight,
    one character for one (Gloss prints `’` for `'`, as typesetters do)."""
    return re.sub(r"\s+", " ", text).translate(str.maketrans("‘’“”", "''\"\""))


def score(data, site, out, details=None):
    names = registry(site)
    quotes = json.load(open(os.path.join(out, "data", "quotes.json")))
    by_para = collections.defaultdict(list)
    for q in quotes:
        by_para[(q["article"], q["paragraph"])].append(q)
    tp = fp = fn = unknown_credit = unlabelled_credit = 0
    errors = collections.Counter()
    rows = []
    for name, text, attributions in articles(data):
        art = slug(name[:80])
        paras = paragraphs(text)
        for i, (a, b) in enumerate(paras, 1):
            ptext = text[a:b]
            gloss = by_para.get((art, i), [])
            # Each opening quotation mark of the paragraph with its labelled source.
            marks = [a + m.start() for m in re.finditer(r"[“\"]", ptext)]
            opens = []
            straight = 0
            for pos in marks:
                if text[pos] == '"':
                    straight += 1
                    if straight % 2 == 0:
                        continue
                opens.append(pos)
            labelled = []
            for pos in opens:
                src = None
                for ranges, source in attributions:
                    if any(r0 <= pos < r1 for r0, r1 in ranges):
                        src = source
                        break
                labelled.append((pos, src))
            # Gloss's quotes in this paragraph, placed by their text.
            for q in gloss:
                key = flat(q["text"].strip())[:25]
                flatp = flat(ptext)
                at = flatp.find(key)
                lab = None
                if at >= 0:
                    best = None
                    for pos, src in labelled:
                        off = len(flat(text[a:pos]))
                        if off <= at and (best is None or off > best[0]):
                            best = (off, src)
                    lab = best[1] if best else None
                    truth = label(lab, names) if lab is not None else "-"
                else:
                    truth = "?"
                q["_truth"] = truth
                if q["speaker"]:
                    if truth in ("-", "?"):
                        unlabelled_credit += 1
                        rows.append(("credit, unlabelled", art, i, q["speaker"], lab, q["text"][:60]))
                    elif truth is None:
                        unknown_credit += 1
                    elif truth == q["speaker"]:
                        tp += 1
                    else:
                        fp += 1
                        rows.append(("wrong" if truth != "none" else "speaker for none", art, i, q["speaker"], lab, q["text"][:60]))
            for pos, src in labelled:
                if src is None:
                    continue
                truth = label(src, names)
                if truth in (None, "none"):
                    continue
                off = len(flat(text[a:pos]))
                credited = [q for q in gloss if q["speaker"] == truth and flat(ptext).find(flat(q["text"].strip())[:25]) in range(off, off + 3)]
                if not credited:
                    fn += 1
                    found = [q for q in gloss if flat(ptext).find(flat(q["text"].strip())[:25]) in range(off, off + 3)]
                    kind = "no speaker" if found and not found[0]["speaker"] else ("wrong speaker" if found else "quotation not found")
                    errors[kind] += 1
                    rows.append(("miss: " + kind, art, i, truth, src, ptext[pos - a:pos - a + 60]))
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    print(f"credited to a labelled registry speaker or none: precision {p:.3f} ({tp}/{tp + fp}); recall {r:.3f} ({tp}/{tp + fn})")
    print(f"credited where the source is a pronoun (not scored): {unknown_credit}; credited where no attribution is labelled: {unlabelled_credit}")
    print("misses:", dict(errors))
    if details:
        with open(details, "w") as f:
            for row in rows:
                f.write("\t".join(str(x) for x in row) + "\n")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "make":
        make(sys.argv[2], sys.argv[3])
    elif cmd == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] if len(sys.argv) > 5 else None)
