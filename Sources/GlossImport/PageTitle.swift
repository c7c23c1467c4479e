/// A page title as a headline: trimmed, and without the site's name that `<title>` and
/// `og:title` usually carry ("Obama admits … | BBC News", "The Guardian - Title").
enum PageTitle {
    static let separators = [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{B7} ", " \u{BB} ", " \u{AB} ", " / ", " \u{2022} ", " _ ", " * "]

    static func clean(_ raw: String, siteName: String?, headings: [String]) -> String {
        var title = TextNormaliser.singleLine(raw)
        // The page's own headline, when the title is that headline and, past a separator, something more.
        let lowerTitle = title.lowercased()
        if let heading = headings.first(where: { heading in
            let lower = heading.lowercased()
            guard lower.count >= 8, lower.count < lowerTitle.count else { return false }
            return (lowerTitle.hasPrefix(lower) && separators.contains { String(lowerTitle.dropFirst(lower.count)).hasPrefix($0) })
                || (lowerTitle.hasSuffix(lower) && separators.contains { String(lowerTitle.dropLast(lower.count)).hasSuffix($0) })
        }) {
            return heading
        }
        for _ in 0..<2 {
            guard let stripped = strippingSite(title, siteName: siteName) else { break }
            title = stripped
        }
        return title
    }

    /// The title without one site-name part at its end (or start), or nil when it has none.
    static func strippingSite(_ title: String, siteName: String?) -> String? {
        let site = siteName.map { LineShape.tokenize($0) } ?? []
        for separator in separators {
            if let range = title.range(of: separator, options: .backwards) {
                let head = String(title[..<range.lowerBound]), tail = String(title[range.upperBound...])
                if names(tail, site: site) || (site.isEmpty && looksLikeSiteName(tail) && LineShape.tokenize(head).count >= 3) { return head.trimmingSpaces() }
            }
            if let range = title.range(of: separator) {
                let head = String(title[..<range.lowerBound]), tail = String(title[range.upperBound...])
                if names(head, site: site), LineShape.tokenize(tail).count >= 2 { return tail.trimmingSpaces() }
            }
        }
        return nil
    }

    /// "BBC News" names the site "BBC News"; so do "BBC" and "bbc.co.uk".
    static func names(_ part: String, site: [String]) -> Bool {
        guard !site.isEmpty else { return false }
        let words = LineShape.tokenize(part)
        guard !words.isEmpty else { return false }
        let joined = words.joined(), siteJoined = site.joined()
        return words == site || joined == siteJoined || (words.count <= 4 && (siteJoined.hasPrefix(joined) || joined.hasPrefix(siteJoined)))
    }

    /// Without a known site name: one to four capitalised words, or a domain ("Reuters", "The Irish Times", "nytimes.com").
    static func looksLikeSiteName(_ part: String) -> Bool {
        let words = part.spaceSeparatedWords
        guard (1...4).contains(words.count) else { return false }
        if words.count == 1, part.contains("."), !part.hasSuffix(".") { return true }
        return words.allSatisfy { String($0).startsUppercase || ["the", "of", "de", "la", "le", "&"].contains($0) } && !part.endsSentence
    }
}
