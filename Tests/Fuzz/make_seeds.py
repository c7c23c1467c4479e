#!/usr/bin/env python3
"""Writes the committed seed corpus of each fuzz target (Tests/Fuzz/corpus/<target>/).

Sources: this repository's sample site (content/, gloss.yml), the torture site
(Tests/site-checks/torture), the import test fixtures (Tests/GlossImportTests/Fixtures), and the
small inputs written out below, all made for Gloss's tests (same licence as the repository).
Re-run after changing them; inputs that libFuzzer found are added beside with their hash as name.
"""
import hashlib, pathlib, re

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = pathlib.Path(__file__).resolve().parent / "corpus"


def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ("seed-" + hashlib.sha1(data).hexdigest()[:16])).write_bytes(data)


def body(text):
    match = re.match(r"---\n.*?\n---\n?(.*)", text, re.S)
    return match.group(1) if match else text


content_files = sorted((ROOT / "content").rglob("*.md")) + sorted((ROOT / "Tests/site-checks/torture/content").rglob("*.md"))
for path in [ROOT / "gloss.yml", ROOT / "Tests/site-checks/torture/gloss.yml"] + content_files:
    put("frontmatter", path.read_bytes())
for text in [
    "---\r\ntitle: CRLF\r\ndate: 2018-09-23\r\n---\r\nBody\r\n",
    "\ufeff---\ntitle: BOM\ndate: 2018-09-23T18:30:00Z\ntags: [a, b]\n---\n",
    "---\ntitle: never closed\n",
    "---\nname: X\naliases: [A, {alias: b, match_case: false}]\nlinks:\n  - title: T\n    url: https://example.org/\n...\n",
    "---\nquote: \"q\"\nprefix: p\nsuffix: s\noccurrence: 2\nkind: fact-check\narticle: x\n---\nNote.\n",
    "---\na: &a [1, *a]\ntitle: !!binary aGk=\ndate: 2018-02-30\n---\n",
    "title: T\nmarkdown:\n  unsafe: true\nentities:\n  link: all\ndigest:\n  period: month\nbase_url: https://example.org/\n",
]:
    put("frontmatter", text)

for path in content_files:
    put("markdown", body(path.read_text(encoding="utf-8")))
for text in [
    "Shinzo Abe met Trump at Trump Tower. \"We agreed,\" Abe said. PM Abe's aides and the US-Korea korus fta.\n\n- list\n  > quote **bold Trump**\n",
    "# Heading Abe\n\n<script>alert(1)</script> [x](javascript:alert(1)) ![i](data:x) <https://example.org/>\n\n```\nTrump in code\n```\n",
    "> > > deep Abe\n\n1. one\n   * two [Trump](https://example.org/) \\\n   three\n\n| a | b |\n|---|---|\n| Abe | U.N. |\n",
    # Attribution frames and surnames that are ordinary words: the edges of the quote and link rules.
    "Mr Abe read: \"We will win.\" Mr Abe read out a letter from Trump: \"No.\" Abe read a statement from Trump:\n\n\"Traffic ground\" — as Abe put it — at. It was, as Trump put it, \"a disgrace to all\". \"Yes\", as\nThe plan was, in Abe's words, \"a betrayal of every family\". In the words of \"x\" Trump.\n\nThe office issued a statement from the prime minister: \"We are ready.\" The statement from: \"Hi there friend.\"\nPart of the judge's statement reads \"the average woman could\". Mr Abe wore a T-shirt saying \"we never give up\".\nTrump and Abe issued a joint statement: \"Together we stand today.\" Jane, 45, from Leeds, said: \"We are here now.\"\nMr Abe dismissed Trump's claim that \"the deal is dead forever\". Abe said Trump had told him: \"Buy more.\"\nMr Abe was quoted by Reuters as saying \"the talks went very well\". Abe, who wrote \"A Life in Politics\" in 2001, said so.\nSteve Jobs spoke. Jobs were lost. The Abe said so. Abe's College hosted. Abe rice is healthy.\n",
]:
    put("markdown", text)

for path in content_files[:6]:
    put("search", body(path.read_text(encoding="utf-8")))
for text in ["Lïghthizer's ﬁne Ωmega ΣΊΣΥΦΟΣ Trump's O'Neil", "日本の安倍晋三首相 とトランプ大統領 한국어", "ǅemal Ǆ ẞ İstanbul ﬀ ᾈ \u0345 \u0307"]:
    put("search", text)

for path in sorted((ROOT / "Tests/GlossImportTests/Fixtures").rglob("*.txt")):
    put("import-text", path.read_bytes())

put("import-html", """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Abe and Trump agree to talks | Example News</title>
<meta property="og:title" content="Abe and Trump agree to talks">
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2018-09-26T10:00:00Z">
<script>var x = "<p>not text</p>";</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Abe and Trump agree to talks</h1><p class="byline">By Jane Doe</p>
<p>Japanese Prime Minister <b>Shinzo Abe</b> and US President <a href="https://example.org/trump">Donald Trump</a> agreed on Wednesday&nbsp;to start talks.</p>
<blockquote><p>&ldquo;We had a very constructive discussion,&rdquo; Abe said.</p></blockquote>
<ul><li>Cars</li><li>Farm goods &amp; tariffs</li></ul><h2>What next</h2><p>Officials meet in <em>October</em>.<br>More soon.</p>
<figure><img src="a.jpg" alt="Abe"><figcaption>Image caption</figcaption></figure></article>
<footer>Share this article<p>&copy; Example News</p></footer></body></html>
""")
put("import-html", "<p>Unclosed <b>bold <i>italic</p><table><tr><td>cell<td>cell</table><!-- comment --><p>&#x41;&#65;&amp&unknown;</p>")

feeds = (ROOT / "Tests/GlossImportTests/FeedReaderTests.swift").read_text(encoding="utf-8")
for block in re.findall(r'static let \w+ = """\n(.*?)\n    """', feeds, re.S):
    put("import-feed", "\n".join(line[4:] if line.startswith("    ") else line for line in block.split("\n")))

put("import-csv", 'title,text,date,url,source,author,tags\n'
    '"Abe and Trump meet","Shinzo Abe met Donald Trump.\n\nA second paragraph, with ""quotes"".",2018-09-23,https://example.org/a,Example Wire,Jane Doe,"[""trade"", ""japan""]"\n'
    'Second,Plain text,23 September 2018,,,,trade;japan\n')
put("import-csv", "text;title\nsemicolon separated;T\n")
put("import-jsonl", '{"title": "Abe and Trump meet", "text": "Shinzo Abe met Donald Trump.\\n\\nMore.", "date": "2018-09-23", "tags": ["trade"], "url": "https://example.org/a"}\n'
    '{"title": "Second", "text": "<p>HTML <em>text</em></p>", "source": "Wire", "author": "Jane Doe"}\n'
    '{"bad json\n')
