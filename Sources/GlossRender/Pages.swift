import GlossAnalysis
import GlossContent

/// One builder per page kind, each returning the template's context.
extension SiteRenderer {
    /// The home page is the latest edition of the digest.
    func homePage() -> DigestPage {
        var page = digestPage(0, path: "index.html")
        page.page.title = info.title
        return page
    }

    func digestPage(_ index: Int, path: String? = nil) -> DigestPage {
        guard site.digests.indices.contains(index) else {
            return DigestPage(site: info, page: chrome(path ?? "index.html", title: info.title, kind: "home"), hasDigest: false, title: info.title,
                              isEditorial: false, introHTML: nil, articleCountLabel: "", articles: [], newer: nil, older: nil, archiveURL: "digests/")
        }
        let edition = site.digests[index]
        let path = path ?? "digests/\(edition.slug)/index.html"
        let isHome = path == "index.html"
        let page = chrome(path, title: edition.title, kind: isHome ? "home" : "digest",
                          crumbs: isHome ? [] : [Crumb(title: "Digests", url: "../"), Crumb(title: edition.title)])
        let link = { (i: Int) -> PageLink? in
            site.digests.indices.contains(i) ? PageLink(title: site.digests[i].title, url: "\(page.root)digests/\(site.digests[i].slug)/") : nil
        }
        return DigestPage(site: info, page: page, hasDigest: true, title: edition.title, isEditorial: edition.isEditorial,
                          introHTML: isHome ? edition.introHTMLAtRoot : edition.introHTML,
                          articleCountLabel: counted(edition.articles.count, "article"),
                          articles: edition.articles.map { articleItem($0, root: page.root) },
                          newer: link(index - 1), older: link(index + 1), archiveURL: "\(page.root)digests/")
    }

    func archivePage() -> ArchivePage {
        let page = chrome("digests/index.html", title: "All digests", kind: "archive", crumbs: [Crumb(title: "Digests")])
        return ArchivePage(site: info, page: page, digests: site.digests.map {
            ArchiveItem(title: $0.title, url: "\($0.slug)/", articleCountLabel: counted($0.articles.count, "article"))
        })
    }

    func graphPage() -> GraphPage {
        let page = chrome("graph/index.html", title: "Entity graph", kind: "graph", crumbs: [Crumb(title: "Entity graph")])
        let graph = EntityGraph(site: site, index: index)
        let entities = site.registry.entities
        let url = { (e: Int) in "\(page.root)entities/\(entities[e].slug)/" }
        return GraphPage(site: info, page: page, svg: graph.svg(root: page.root), caption: graph.caption,
                         edges: graph.edges.prefix(20).map {
                             GraphEdgeItem(from: entities[$0.a].name, fromURL: url($0.a), to: entities[$0.b].name, toURL: url($0.b),
                                           countLabel: counted($0.count, "article"))
                         })
    }

    func articlePage(_ index: Int) -> ArticlePage {
        let analysed = site.articles[index]
        let article = analysed.article
        let page = chrome("articles/\(article.slug)/index.html", title: article.title, kind: "article",
                          description: analysed.summary, crumbs: [Crumb(title: article.title)], ogType: "article")
        return ArticlePage(
            site: info, page: page, title: article.title, date: article.date.display, isoDate: article.date.isoDate,
            author: article.author, source: article.source, url: article.url,
            tags: article.tags.map { TagRef(name: $0, url: "\(page.root)tags/\(self.index.tagSlugs[$0] ?? Slug.make(from: $0))/", count: 0) },
            body: analysed.html,
            notes: analysed.notes.map { noteItem($0, article: index, root: page.root) },
            entities: items.articleEntities[index],
            digest: site.articleDigest[index] < 0 ? nil : site.digests[site.articleDigest[index]].link(root: page.root),
            newer: index > 0 ? items.articleLinks[index - 1] : nil,
            older: index + 1 < site.articles.count ? items.articleLinks[index + 1] : nil,
            related: self.index.related[index].map {
                RelatedItem(title: items.articleLinks[$0.article].title, url: items.articleLinks[$0.article].url,
                            sharedLabel: counted($0.shared, "shared entity", "shared entities"))
            })
    }

    func entityPage(_ entityIndex: Int) -> EntityPage {
        let entity = site.registry.entities[entityIndex]
        let page = chrome("entities/\(entity.slug)/index.html", title: entity.name, kind: "entity",
                          description: entity.summary ?? "\(entity.name) in \(info.title)",
                          crumbs: [Crumb(title: "Entities", url: "../"), Crumb(title: entity.name)], ogType: "profile")
        let root = page.root
        let mentions = index.mentions[entityIndex].map { mention -> MentionItem in
            let card = items.articles[mention.article]
            return MentionItem(title: card.title, url: card.url, date: card.date,
                               isoDate: card.isoDate, countLabel: counted(mention.count, "mention"), snippet: mention.snippet)
        }
        let quotes = index.quotes[entityIndex].map { ref -> QuoteItem in
            let analysed = site.articles[ref.article]
            let quote = analysed.quotes[ref.quote]
            return QuoteItem(text: quote.text, speaker: entity.slug, url: "\(root)articles/\(analysed.article.slug)/#\(quote.anchor)",
                             articleTitle: analysed.article.title, date: analysed.article.date.display)
        }
        let company = index.appearsWith[entityIndex].prefix(12).map {
            EntityRef(name: site.registry.entities[$0.entity].name, url: items.entityURLs[$0.entity], count: $0.count)
        }
        let timeline = TimelineChart(points: index.mentions[entityIndex].map {
            (site.articles[$0.article].article.date, $0.count)
        }, label: "Mentions of \(entity.name) over time").svg()
        return EntityPage(
            site: info, page: page, name: entity.name, kindLabel: entity.kind.label, summary: entity.summary,
            aliases: entity.aliases.map(\.text), descriptionHTML: site.entityDescriptions[entityIndex],
            links: entity.links.map { LinkItem(title: $0.title, url: $0.url) }, timelineSVG: timeline,
            articleCountLabel: counted(mentions.count, "article"), mentions: mentions, quotes: quotes,
            appearsWith: Array(company),
            notes: index.notes[entityIndex].map { noteItem(site.articles[$0.article].notes[$0.note], article: $0.article, root: root) })
    }

    func entitiesPage() -> EntitiesPage {
        let page = chrome("entities/index.html", title: "Entities", kind: "entities", crumbs: [Crumb(title: "Entities")])
        let kinds = Entity.Kind.allCases.compactMap { kind -> KindGroup? in
            let members = site.registry.entities.indices.filter { site.registry.entities[$0].kind == kind }
                .sorted { site.registry.entities[$0].name < site.registry.entities[$1].name }
            guard !members.isEmpty else { return nil }
            return KindGroup(kind: kind.rawValue, label: kind.pluralLabel, entities: members.map { i in
                let entity = site.registry.entities[i]
                return EntityIndexItem(name: entity.name, url: "\(entity.slug)/",
                                       mentionLabel: counted(index.mentionCount(of: i), "mention"), summary: entity.summary)
            })
        }
        return EntitiesPage(site: info, page: page, kinds: kinds)
    }

    func tagPage(_ tagIndex: Int) -> TagPage {
        let tag = index.tags[tagIndex]
        let page = chrome("tags/\(tag.slug)/index.html", title: "Tagged “\(tag.name)”", kind: "tag",
                          crumbs: [Crumb(title: "Tags", url: "../"), Crumb(title: tag.name)])
        return TagPage(site: info, page: page, name: tag.name, articleCountLabel: counted(tag.articles.count, "article"),
                       articles: tag.articles.map { articleItem($0, root: page.root) })
    }

    func tagsPage() -> TagsPage {
        let page = chrome("tags/index.html", title: "Tags", kind: "tags", crumbs: [Crumb(title: "Tags")])
        return TagsPage(site: info, page: page, tags: index.tags.map { TagRef(name: $0.name, url: "\($0.slug)/", count: $0.articles.count) })
    }

    func annotationsPage() -> AnnotationsPage {
        let page = chrome("annotations/index.html", title: "Notes", kind: "annotations", crumbs: [Crumb(title: "Notes")])
        let all = site.articles.indices.flatMap { article in site.articles[article].notes.map { noteItem($0, article: article, root: page.root) } }
        let byArticle = site.articles.indices.compactMap { article -> ArticleNotes? in
            let notes = site.articles[article].notes
            guard !notes.isEmpty else { return nil }
            let slug = site.articles[article].article.slug
            return ArticleNotes(title: site.articles[article].article.title, url: "\(page.root)articles/\(slug)/",
                                notes: notes.map { noteItem($0, article: article, root: page.root) })
        }
        let byKind = Annotation.Kind.allCases.compactMap { kind -> KindNotes? in
            let notes = all.filter { $0.kind == kind.rawValue }
            return notes.isEmpty ? nil : KindNotes(kind: kind.rawValue, label: kind.label, count: notes.count, notes: notes)
        }
        return AnnotationsPage(site: info, page: page, byArticle: byArticle, byKind: byKind,
                               hasOrphans: site.articles.contains { !$0.orphans.isEmpty })
    }

    func unanchoredPage() -> UnanchoredPage {
        let page = chrome("annotations/unanchored/index.html", title: "Unanchored notes", kind: "unanchored",
                          crumbs: [Crumb(title: "Notes", url: "../"), Crumb(title: "Unanchored notes")])
        let orphans = site.articles.flatMap { analysed in
            analysed.orphans.map { orphan in
                let a = orphan.annotation
                return OrphanItem(id: a.id, kind: a.kind.rawValue, kindLabel: a.kind.label, path: a.path, quote: a.quote,
                                  closest: orphan.closest, bodyHTML: orphan.bodyHTML,
                                  url: "\(page.root)articles/\(analysed.article.slug)/", articleTitle: analysed.article.title)
            }
        }
        return UnanchoredPage(site: info, page: page, orphans: orphans)
    }

    func notFoundPage() -> NotFoundPage {
        var page = chrome("404.html", title: "Page not found", kind: "not-found")
        // A 404 page is served at any depth, so relative links cannot work: use base_url when known.
        if let base = site.content.config.baseURL { page.root = base }
        page.canonical = nil
        return NotFoundPage(site: info, page: page)
    }
}

extension DigestEdition {
    func link(root: String) -> PageLink { PageLink(title: title, url: "\(root)digests/\(slug)/") }
}
