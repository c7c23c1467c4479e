#!/usr/bin/env python3
"""Check the accuracy-set labels against the text.

Lists every whole-word, case-sensitive occurrence of every registry name, alias and
ambiguous alias (read from the front matter of all entity files) in every article of the
parts tuning, tuning-2, heldout, heldout-2, tuning-3, tuning-4, tuning-5 and tuning-6, and compares them with the mention labels:

  (a) occurrences with no label row, (b) label rows that match no occurrence,
  (c) for quotes: per article, the number of opening quotation marks against the number of
      quotes.tsv rows, and the paragraph of each.

Counting rules (README): paragraphs are the blocks of the body separated by a blank line,
counted from 1. A row is written for the longest name at a place (a name inside a longer
matched name gets no row of its own), but the occurrence column counts every whole-word
occurrence of the surface string in the paragraph, those inside longer names included.
Opening quotation marks: “ and „ always; a straight " is opening when it is the 1st, 3rd,
5th... straight double quote of its paragraph.

Usage: check_labels.py [--parts tuning,tuning-2,heldout] [--list]
  --list          print every occurrence with its label (for reading)
  --draft PART    print a draft mentions.tsv for PART (label = owner / ambiguous), used only
                  as a list of places to label by hand
"""
import argparse, glob, json, os, re, sys
from collections import defaultdict

MAIN = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENTITY_DIRS = [f'{MAIN}/site/content/entities']
PART_DIRS = {part: f'{MAIN}/site/content/articles/{part}' for part in ('tuning', 'tuning-2', 'heldout', 'heldout-2', 'tuning-3', 'tuning-4', 'tuning-5', 'tuning-6')}
MENTION_FILES = [f'{MAIN}/labels/mentions.tsv']
QUOTE_FILES = [f'{MAIN}/labels/quotes.tsv']


def front_matter(path):
    t = open(path, encoding='utf-8').read()
    m = re.match(r'---\n(.*?)\n---\n', t, re.S)
    fm = {}
    for line in m.group(1).split('\n'):
        k, _, v = line.partition(':')
        v = v.strip()
        if v.startswith('[') or v.startswith('"'):
            v = json.loads(v)
        fm[k.strip()] = v
    return fm, t[m.end():]


def load_registry(dirs):
    """slug -> fm; later dirs override earlier ones (a modified existing file)."""
    reg = {}
    for d in dirs:
        for f in sorted(glob.glob(os.path.join(d, '*.md'))):
            reg[os.path.basename(f)[:-3]] = front_matter(f)[0]
    return reg


def surfaces(reg):
    """surface -> set of (slug, kind) where kind is name/alias/ambiguous."""
    s = defaultdict(set)
    for slug, fm in reg.items():
        s[fm['name']].add((slug, 'name'))
        for a in fm.get('aliases', []) or []:
            s[a].add((slug, 'alias'))
        for a in fm.get('ambiguous_aliases', []) or []:
            s[a].add((slug, 'ambiguous'))
    return s


def word_re(name):
    return re.compile(r'(?<![\w])' + re.escape(name) + r'(?![\w])')


def variants(name):
    """Gloss also matches an alias with its apostrophe typeset (D'Souza / D’Souza)."""
    if "'" in name:
        return [name, name.replace("'", "’")]
    if "’" in name:
        return [name, name.replace("’", "'")]
    return [name]


def articles(parts):
    for part in parts:
        for f in sorted(glob.glob(os.path.join(PART_DIRS[part], '*.md'))):
            fm, body = front_matter(f)
            paras = body.rstrip('\n').split('\n\n')
            yield part, os.path.basename(f)[:-3], paras


def occurrences(paras, names_res):
    """Yield (para, surface, occ, start, end) for longest matches."""
    for i, p in enumerate(paras, 1):
        hits = []
        for name, rx in names_res:
            for k, m in enumerate(rx.finditer(p), 1):
                hits.append((m.start(), m.end(), name, k))
        # longest first; drop hits inside (or overlapping) an already kept longer hit
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        kept = []
        for h in hits:
            if any(not (h[1] <= k[0] or h[0] >= k[1]) for k in kept):
                continue
            kept.append(h)
        for h in sorted(kept):
            yield i, h[2], h[3], h[0], h[1]


def opening_quotes(paras):
    for i, p in enumerate(paras, 1):
        n = 0
        for m in re.finditer(r'["“„]', p):
            c = m.group()
            if c == '"':
                n += 1
                if n % 2 == 0:
                    continue
            yield i, m.start(), p[m.end():m.end() + 40]


def read_tsv(files):
    rows = []
    for f in files:
        if not os.path.exists(f):
            continue
        for line in open(f, encoding='utf-8'):
            if line.startswith('#') or not line.strip():
                continue
            rows.append((f, line.rstrip('\n').split('\t')))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--parts', default=','.join(PART_DIRS))
    ap.add_argument('--list', action='store_true')
    ap.add_argument('--draft')
    a = ap.parse_args()
    parts = a.parts.split(',')
    reg = load_registry(ENTITY_DIRS)
    surf = surfaces(reg)
    names_res = [(v, word_re(v)) for n in surf for v in variants(n)]
    for n in list(surf):
        for v in variants(n)[1:]:
            surf.setdefault(v, surf[n])

    labels = {}
    dup = []
    for f, r in read_tsv(MENTION_FILES):
        if r[0] not in parts:
            continue
        key = (r[0], r[1], int(r[2]), r[3], int(r[4]))
        if key in labels:
            dup.append(key)
        labels[key] = r[5]
    for d in dup:
        print('DUPLICATE ROW', d)

    found = set()
    missing = []
    texts = {}
    for part, art, paras in articles(parts):
        texts[(part, art)] = paras
        for i, name, k, s, e in occurrences(paras, names_res):
            key = (part, art, i, name, k)
            found.add(key)
            owners = surf[name]
            if a.draft and part == a.draft:
                lab = 'ambiguous' if any(o[1] == 'ambiguous' for o in owners) else \
                    '|'.join(sorted(o[0] for o in owners))
                ctx = paras[i - 1][max(0, s - 50):e + 50].replace('\t', ' ')
                print('\t'.join([part, art, str(i), name, str(k), lab, ctx]))
                continue
            if a.list:
                print(part, art, i, name, k, labels.get(key, '??'), '|', paras[i - 1][max(0, s - 60):e + 60])
            if key not in labels:
                missing.append(key)
    if a.draft:
        return
    extra = [k for k in labels if k not in found and (k[0], k[1]) in texts]
    unknown_art = sorted({(k[0], k[1]) for k in labels if (k[0], k[1]) not in texts})
    bad_label = [(k, v) for k, v in labels.items()
                 if v not in reg and v not in ('none:name', 'none:word', 'none:other', 'ambiguous')]
    print(f'(a) occurrences without a label row: {len(missing)}')
    for k in missing:
        print('   ', '\t'.join(map(str, k)))
    print(f'(b) label rows matching no occurrence: {len(extra)}')
    for k in extra:
        print('   ', '\t'.join(map(str, k)), labels[k])
    if unknown_art:
        print('label rows for unknown articles:', unknown_art)
    if bad_label:
        print('labels naming no entity:', bad_label)
    # ambiguous consistency
    for k, v in labels.items():
        if k[3] in surf:
            amb = any(o[1] == 'ambiguous' for o in surf[k[3]])
            if amb and v not in ('ambiguous',) and not v.startswith('none:'):
                print('   NOTE ambiguous alias labelled with an entity:', k, v)
            if not amb and v == 'ambiguous':
                print('   NOTE ambiguous label on a plain alias:', k)

    # quotes
    qrows = defaultdict(list)
    for f, r in read_tsv(QUOTE_FILES):
        if r[0] in parts:
            qrows[(r[0], r[1])].append(r)
    qbad = 0
    for (part, art), paras in texts.items():
        marks = list(opening_quotes(paras))
        rows = qrows.get((part, art), [])
        mp = [m[0] for m in marks]
        rp = [int(r[2]) for r in rows]
        if mp != rp:
            qbad += 1
            print(f'QUOTES {part} {art}: {len(marks)} opening marks, {len(rows)} rows')
            print('    marks:', mp)
            print('    rows: ', rp)
        else:
            for m, r in zip(marks, rows):
                if r[3] not in reg and r[3] not in ('none', '-'):
                    print('QUOTE SPEAKER NOT IN REGISTRY', part, art, r)
                got = ' '.join(m[2].split())
                if not got.startswith(' '.join(r[4].split())[:8]):
                    print('QUOTE TEXT MISMATCH?', part, art, m[0], repr(m[2][:40]), '<>', repr(r[4][:40]))
    for k in qrows:
        if k not in texts:
            print('quote rows for unknown article', k)
    print(f'quote articles with a different count or paragraphs: {qbad}')


if __name__ == '__main__':
    main()
