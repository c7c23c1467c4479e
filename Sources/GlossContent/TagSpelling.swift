/// One spelling per tag. A tag is its text compared without case (Swift compares strings by
/// canonical equivalence, so Unicode normalisation never splits a tag either): "Café", "CAFÉ"
/// and "Cafe\u{301}" are one tag, spelt everywhere as its most used spelling (ties: the first
/// in code-point order). Each tag has one page, `tags/<slug>/`; two different tags whose slugs
/// coincide ("C++" and "C") are an error naming both, since one page cannot be both.
enum TagSpelling {
    /// The longest page name a tag may have (a folder name; file systems allow 255 bytes).
    static let maxSlugBytes = 200

    static func unify(_ articles: inout [Article], diagnostics: inout [Diagnostic]) {
        var uses: [String: [String: Int]] = [:]          // tag → spelling → articles using it
        var firstUse: [String: String] = [:]              // spelling → first file using it
        // A site has few spellings and many uses of each: each is folded once.
        var keys: [String: String] = [:]
        func key(_ spelling: String) -> String {
            if let known = keys[spelling] { return known }
            let folded = Self.key(spelling)
            keys[spelling] = folded
            return folded
        }
        for index in articles.indices.sorted(by: { articles[$0].path < articles[$1].path }) {
            for spelling in articles[index].tags {
                uses[key(spelling), default: [:]][spelling, default: 0] += 1
                if firstUse[spelling] == nil { firstUse[spelling] = articles[index].path }
            }
        }
        let spelling = uses.mapValues { counts in
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : precedes($0.key, $1.key) }.first?.key ?? ""
        }
        reportSharedPages(spelling, firstUse: firstUse, diagnostics: &diagnostics)
        for index in articles.indices {
            var seen: Set<String> = []
            let tags = articles[index].tags.compactMap { tag -> String? in
                let tagKey = key(tag)
                guard seen.insert(tagKey).inserted else { return nil }
                return spelling[tagKey] ?? tag
            }
            // Written only when changed: a write copies the whole list the load cache shares.
            if tags != articles[index].tags { articles[index].tags = tags }
        }
    }

    /// Code-point order: unlike `<` on strings, it tells canonically equivalent spellings apart.
    static func precedes(_ a: String, _ b: String) -> Bool { a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) }

    /// What makes two spellings one tag.
    static func key(_ tag: String) -> String { tag.trimmingWhitespace().lowercased() }

    /// Tags that are different but would be written to the same page.
    static func reportSharedPages(_ spelling: [String: String], firstUse: [String: String], diagnostics: inout [Diagnostic]) {
        let bySlug = Dictionary(grouping: spelling.values, by: { Slug.make(from: $0) })
        for (slug, tags) in bySlug where tags.count > 1 {
            let sorted = tags.sorted(by: precedes)
            for tag in sorted.dropFirst() {
                diagnostics.append(.error(firstUse[tag] ?? "content/articles", "tag `\(tag)` and tag `\(sorted[0])` (\(firstUse[sorted[0]] ?? "")) would share the page tags/\(slug)/; spell them alike, or make them differ in a letter or digit"))
            }
        }
    }
}
