import GlossContent

/// Which of the site's files are published: every file of `static/`, and each file beside
/// content that some page shows or links to. A file beside content that nothing uses is
/// reported once, and not published (a photographer's unused originals stay private).
enum SiteFileUse {
    static func published(articles: Table<ArticleID, AnalysedArticle>, descriptions: [AnalysedBody],
                          digests: Table<DigestID, DigestEdition>, media: SiteMedia) -> (files: [MediaFile], problems: [Diagnostic]) {
        let bodies = descriptions + digests.compactMap(\.intro)
        var problems = bodies.flatMap(\.problems)
        let used = articles.reduce(into: Set<String>()) { $0.formUnion($1.media.usedFiles) }
            .union(bodies.flatMap(\.media).usedFiles)
        let built = Set(articles.map { Route.article($0.article.slug) })
        var published: [MediaFile] = []
        for file in media.all {
            if file.file.origin == .static || used.contains(file.file.path) {
                published.append(file)
            } else if file.file.page.map({ built.contains($0) || !$0.url.hasPrefix("articles/") }) ?? true {
                // Files in the folder of a draft (or broken) article wait for it quietly.
                problems.append(.warning(file.file.path, "not used by any page (no image or link names it); it is not published"))
            }
        }
        return (published, problems)
    }
}
