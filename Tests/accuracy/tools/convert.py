#!/usr/bin/env python3
"""Convert Wikinews scrape rows (vanatteveldt/wikinews commit 3472541, CC BY 2.5) into
Gloss Markdown articles the way Tests/accuracy's existing articles were made.

Rules (checked against all 134 existing articles with --verify):
- the text is split into blocks on blank lines; inside a block, lines are stripped and
  joined with one space; empty blocks are dropped;
- the dateline block ("Thursday, May 16, 2019") is dropped;
- image captions (blocks containing "Image:") are dropped;
- pull-quote attributions whose quotation the scrape lost (blocks starting with an em dash
  "—") are dropped; attributions under a quotation the scrape kept (" – USCG dispatcher")
  stay;
- Markdown-special characters are escaped: * _ ` < anywhere, # - + > at the start of a
  paragraph;
- front matter: title (double-quoted), date, source: Wikinews, url (en.wikinews.org/wiki/...).
- file name: the title lowercased, apostrophes dropped, every other run of characters
  outside [a-z0-9] turned into one "-", cut to 60 characters (a trailing "-" dropped).

Usage (the scrape's CSV files in /tmp, see load_rows()):
  convert.py --verify DIR...        compare with existing converted articles
  convert.py --out DIR KEY...       write the articles whose url key (after /wiki/) is given
"""
import csv, glob, os, re, sys

csv.field_size_limit(10**9)
SRC = ['/tmp/wn2019.csv', '/tmp/wn2020.csv']
DATELINE = re.compile(r'^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), '
                      r'[A-Z][a-z]+ \d{1,2}, \d{4}$')


def load_rows():
    rows = {}
    for path in SRC:
        if not os.path.exists(path):
            sys.exit(f'{path} missing: git --git-dir=/work/.mirror/vanatteveldt+wikinews/repo '
                     f'show HEAD:data/wikinews_{path[-8:-4]}.csv > {path}')
        for r in csv.DictReader(open(path, encoding='utf-8')):
            rows[r['url'].split('/wiki/', 1)[1]] = r
    return rows


def escape(p):
    p = re.sub(r'([*_`<])', r'\\\1', p)
    p = re.sub(r'^([#\-+>])', r'\\\1', p)
    return p


def paragraphs(text):
    out = []
    for block in re.split(r'\n[ \t\xa0]*\n', text):
        lines = [l.strip() for l in block.split('\n')]
        p = ' '.join(l for l in lines if l)
        if not p:
            continue
        if DATELINE.match(p):
            continue
        if 'Image:' in p:
            continue
        if p.startswith('—'):
            continue
        out.append(escape(p))
    return out


def slug(title):
    s = title.lower().replace("'", '').replace('’', '')
    s = re.sub(r'[^a-z0-9]+', '-', s).strip('-')
    return s[:60].rstrip("-")


def render(r):
    key = r['url'].split('/wiki/', 1)[1]
    title = r['title'].replace('\\', '\\\\').replace('"', '\\"')
    fm = (f'---\ntitle: "{title}"\ndate: {r["date"]}\nsource: Wikinews\n'
          f'url: https://en.wikinews.org/wiki/{key}\n---\n')
    return fm + '\n\n'.join(paragraphs(r['text'])) + '\n'


def verify(dirs):
    rows = load_rows()
    bad = 0
    n = 0
    for d in dirs:
        for f in sorted(glob.glob(os.path.join(d, '*.md'))):
            t = open(f, encoding='utf-8').read()
            key = re.search(r'^url: (.*)$', t, re.M).group(1).split('/wiki/', 1)[1]
            r = rows[key]
            n += 1
            mine = render(r)
            name = slug(r['title']) + '.md'
            if mine != t or name != os.path.basename(f):
                bad += 1
                print('DIFF', f, name if name != os.path.basename(f) else '')
                a = t.split('\n\n'); b = mine.split('\n\n')
                for i in range(max(len(a), len(b))):
                    x = a[i] if i < len(a) else None
                    y = b[i] if i < len(b) else None
                    if x != y:
                        print('   have', repr(x)[:200]); print('   mine', repr(y)[:200])
                        break
    print(f'{n} articles, {bad} differ')


# How the held-out part was chosen: every article of the scrape not already in the set whose
# title and body are not an interview or a question-and-answer transcript, with at least two
# pairs of double quotation marks (n_double_quotes(text) >= 4), less the two below.
EXCLUDE_TITLE = re.compile(r'interview|tells? Wikinews|talks? to|with Wikinews|Wikinews discusses', re.I)
# Articles whose body is (partly) a first-person question-and-answer transcript.
EXCLUDE_QA = {'US_study_finds_correlation_between_youth_suicide,_household_gun_ownership'}
# The campaign-trail series: May-August 2020 are used; September and October are too long.
EXCLUDE_LONG = {'On_the_campaign_trail_in_the_USA,_September_2020',
                'On_the_campaign_trail_in_the_USA,_October_2020'}


def n_double_quotes(text):
    return text.count('"') + text.count('“') + text.count('”') + text.count('„')


if __name__ == '__main__':
    if sys.argv[1] == '--verify':
        verify(sys.argv[2:])
    elif sys.argv[1] == '--out':
        out = sys.argv[2]
        rows = load_rows()
        os.makedirs(out, exist_ok=True)
        for key in sys.argv[3:]:
            r = rows[key]
            with open(os.path.join(out, slug(r['title']) + '.md'), 'w', encoding='utf-8') as fh:
                fh.write(render(r))
