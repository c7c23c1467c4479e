import GlossAnalysis

/// The inputs of the pages made from a few articles (see `PageInputs`). Each starts with the
/// settings' revision (registry, settings, options), lists every article its page shows, by
/// revision, and every value it reads that neither covers. Template changes empty the render
/// cache.
extension SiteRenderer {
    func inputs(_ numbers: [Int], _ values: [String] = []) -> PageInputs {
        PageInputs(numbers: [site.settingsRevision] + numbers, values: values)
    }

    func revision(_ article: Int) -> Int {
        site.revisions.indices.contains(article) ? site.revisions[article] : -1
    }

    /// Its article, the neighbours it links to, its related articles with their counts, and its digest.
    func articleInputs(_ article: Int) -> PageInputs {
        var inputs = self.inputs([revision(article), revision(article - 1), revision(article + 1)])
        for related in index.related[article] { inputs.numbers += [revision(related.article), related.shared] }
        let digest = site.articleDigest[article]
        if site.digests.indices.contains(digest) { inputs.values += [site.digests[digest].slug, site.digests[digest].title] }
        return inputs
    }

    /// Every article that mentions the entity, quotes it or has a note mentioning it: its
    /// mentions, company, quotes, notes and timeline all come from those articles.
    func entityInputs(_ entity: Int) -> PageInputs {
        var inputs = self.inputs([])
        inputs.numbers += index.mentions[entity].map { revision($0.article) }
        inputs.numbers.append(-2)
        for note in index.notes[entity] { inputs.numbers += [revision(note.article), note.note] }
        inputs.numbers.append(-2)
        for quote in index.quotes[entity] { inputs.numbers += [revision(quote.article), quote.quote] }
        return inputs
    }

    func tagInputs(_ tag: Int) -> PageInputs {
        inputs(index.tags[tag].articles.map(revision), [index.tags[tag].slug, index.tags[tag].name])
    }

    /// The edition (its articles, title and introduction) and the editions it links to.
    func digestInputs(_ digest: Int) -> PageInputs {
        guard site.digests.indices.contains(digest) else { return inputs([], ["no digest"]) }
        let edition = site.digests[digest]
        var inputs = self.inputs(edition.articles.map(revision),
                                 [edition.slug, edition.title, edition.isEditorial ? "editorial" : "",
                                  edition.introHTML ?? "", edition.introHTMLAtRoot ?? ""])
        for neighbour in [digest - 1, digest + 1] where site.digests.indices.contains(neighbour) {
            inputs.values += [site.digests[neighbour].slug, site.digests[neighbour].title]
        }
        return inputs
    }
}
