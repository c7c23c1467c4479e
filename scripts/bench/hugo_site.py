#!/usr/bin/env python3
"""Writes the Hugo site equivalent to a Gloss site, for `make bench`'s comparison with Hugo.

Usage: hugo_site.py GLOSS_SITE GLOSS_OUTPUT HUGO_DIR

The same articles (Markdown bodies unchanged; drafts left out, as `gloss build` does), tagged
with the same tags and with the entities Gloss found in them (read from GLOSS_OUTPUT's
data/entities.json, so any Gloss site works, whoever generated it), their notes rendered at the
end of the article, and a minimal theme of the same page kinds: article pages (with newer/older
links), a page per tag and per entity listing its articles with
title, source, date, summary and entity links (from front matter: Hugo's GetTerms per list
item costs more than the whole rest of the build), the tag and entity indexes and the archive,
paginated as Gloss paginates them (50 articles a page on tag and entity pages, 400 lines a page on
indexes, with Hugo's numbered page links), a home page of the newest articles, a 404 page, and one RSS feed and a sitemap (Gloss writes one feed and a
sitemap). Hugo has no cross-linking, notes anchoring, quotes, digests or search: those are
Gloss's extra work. Nor related articles: Hugo's `.Related` grows with the square of the site here
(10,000 articles: minutes), which would flatter Gloss.
"""
import json, pathlib, shutil, sys

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CONFIG = """baseURL = "{base_url}"
title = {title}
languageCode = "en"
theme = "bench"
enableRobotsTXT = true
rssLimit = 50
disableKinds = []
[taxonomies]
  tag = "tags"
  entity = "entities"
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]
"""

LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ .Site.Title }}</title>
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}"></head>
<body><header><a href="{{ site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav><a href="{{ "articles/" | relURL }}">Articles</a> <a href="{{ "entities/" | relURL }}">Entities</a> <a href="{{ "tags/" | relURL }}">Tags</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>{{ .Site.Title }}</p></footer></body></html>
""",
    "partials/article-item.html": """<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ with .Params.source }}{{ . }} · {{ end }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
<p>{{ .Summary }}</p>
<p>{{ range .Params.entity_links }}<a href="{{ printf "entities/%s/" .slug | relURL }}">{{ .name }}</a> {{ end }}</p></li>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ with .Params.source }}{{ . }} · {{ end }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ .Content }}
{{ with .Params.notes }}<section><h2>Notes</h2><ol>{{ range . }}<li><blockquote>{{ .quote }}</blockquote><p>{{ .kind }}</p>{{ .text | markdownify }}</li>{{ end }}</ol></section>{{ end }}
<p>Tags: {{ range .Params.tags }}<a href="{{ printf "tags/%s/" (urlize .) | relURL }}">{{ . }}</a> {{ end }}</p>
<p>Entities: {{ range .Params.entity_links }}<a href="{{ printf "entities/%s/" .slug | relURL }}">{{ .name }}</a> {{ end }}</p>
<nav>{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>{{ end }}
""",
    "_default/term.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ol>{{ range (.Paginate .Pages 50).Pages }}{{ partial "article-item.html" . }}{{ end }}</ol>
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range (.Paginate .Pages.ByTitle 400).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ len .Pages }}</li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ol>{{ range (.Paginate .Pages 400).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ol>
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<ol>{{ range first 20 .Site.RegularPages.ByDate.Reverse }}{{ partial "article-item.html" . }}{{ end }}</ol>{{ end }}
""",
    "404.html": """{{ define "main" }}<h1>Not found</h1><p><a href="{{ site.Home.RelPermalink }}">Home</a></p>{{ end }}
""",
}


def read(path):
    """(front matter dict, body) of a content file."""
    text = path.read_text(encoding="utf-8")
    end = text.find("\n---", 3) if text.startswith("---") else -1
    if end < 0:
        return {}, text
    body = text[end + 4:].split("\n", 1)
    return yaml.load(text[3:end], Loader=LOADER) or {}, body[1] if len(body) > 1 else ""


def main():
    site, output, hugo = (pathlib.Path(arg) for arg in sys.argv[1:4])
    config = yaml.load((site / "gloss.yml").read_text(encoding="utf-8"), Loader=LOADER) or {}
    mentions = {}   # article slug → [{slug, name}] of the entities Gloss found in it
    for entity in json.loads((output / "data" / "entities.json").read_text(encoding="utf-8")):
        for mention in entity.get("mentions", []):
            mentions.setdefault(mention["article"], []).append({"slug": entity["slug"], "name": entity["name"]})
    notes = {}
    for path in sorted((site / "content" / "annotations").rglob("*.md")):
        fields, body = read(path)
        article = fields.get("article") or path.parent.name
        notes.setdefault(article, []).append({"quote": str(fields.get("quote", "")), "kind": fields.get("kind", "note"), "text": body})
    if hugo.exists():
        shutil.rmtree(hugo)
    articles = hugo / "content" / "articles"
    articles.mkdir(parents=True)
    count = 0
    for path in sorted((site / "content" / "articles").rglob("*.md")):
        fields, body = read(path)
        if fields.get("draft"):
            continue
        slug = path.stem
        front = {"title": str(fields.get("title", slug)), "date": str(fields.get("date")), "source": fields.get("source"),
                 "tags": [str(tag) for tag in fields.get("tags") or []],
                 "entities": sorted(entity["slug"] for entity in mentions.get(slug, [])),
                 "entity_links": sorted(mentions.get(slug, []), key=lambda entity: entity["slug"]),
                 "notes": notes.get(slug, [])}
        if fields.get("summary"):
            front["summary"] = str(fields["summary"])
        (articles / f"{slug}.md").write_text(json.dumps(front, ensure_ascii=False) + "\n" + body, encoding="utf-8")
        count += 1
    (articles / "_index.md").write_text('{"title": "Articles"}\n', encoding="utf-8")
    for path in sorted((site / "content" / "entities").rglob("*.md")):
        fields, body = read(path)
        folder = hugo / "content" / "entities" / path.stem
        folder.mkdir(parents=True)
        front = {"title": str(fields.get("name", path.stem)), "summary": str(fields.get("summary", ""))}
        (folder / "_index.md").write_text(json.dumps(front, ensure_ascii=False) + "\n" + body, encoding="utf-8")
    (hugo / "hugo.toml").write_text(CONFIG.format(base_url=config.get("base_url") or "https://example.org/",
                                                  title=json.dumps(str(config.get("title", "Digest")))), encoding="utf-8")
    theme = hugo / "themes" / "bench"
    for name, text in LAYOUTS.items():
        (theme / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (theme / "layouts" / name).write_text(text, encoding="utf-8")
    css = theme / "static" / "css"
    css.mkdir(parents=True)
    shutil.copy(pathlib.Path(__file__).resolve().parents[2] / "Templates" / "assets" / "gloss.css", css / "site.css")
    print(f"hugo site: {count} articles, {sum(len(v) for v in notes.values())} notes in {hugo}")


if __name__ == "__main__":
    main()
