import Foundation
import GlossAnalysis
import GlossContent

/// `make bench-accuracy`: precision and recall of quote attribution and entity links on the
/// labelled news set in `Tests/accuracy`, for its tuning and held-out parts separately.
public enum AccuracyBenchmark {
    /// Figures for one part of the set.
    public struct Figures: Sendable {
        /// Quotations Gloss credited to someone, and how many of those to the right entity.
        public var attributed = 0, attributedCorrectly = 0
        /// Labelled quotations with a registry speaker, and how many Gloss credited to that speaker.
        public var creditable = 0, credited = 0
        /// Occurrences Gloss linked, linked to the right entity, and labelled as mentions.
        public var linked = 0, linkedCorrectly = 0, mentions = 0
        /// Occurrences labelled as part of a longer name or an ordinary word, and how many were linked.
        public var nearMisses = 0, nearMissesLinked = 0
        /// Error class → count, and one example line per error (for `--details`).
        public var errors: [String: Int] = [:]
        public var examples: [String] = []

        public var quotePrecision: Double { ratio(attributedCorrectly, attributed) }
        public var quoteRecall: Double { ratio(credited, creditable) }
        public var linkPrecision: Double { ratio(linkedCorrectly, linked) }
        public var linkRecall: Double { ratio(linkedCorrectly, mentions) }

        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

        mutating func error(_ kind: String, _ example: String) {
            errors[kind, default: 0] += 1
            examples.append("\(kind): \(example)")
        }
    }

    /// Analyses the site under `directory/site` and scores it against `directory/labels`.
    /// - Returns: figures by part: the folder under `content/articles/` (`tuning`, `heldout`, …).
    public static func run(directory: String) throws -> [String: Figures] {
        let labels = try AccuracyLabels(directory: directory)
        let site = try analyse(directory)
        let slugs = site.registry.entities.map(\.slug)
        var byArticle: [String: AnalysedArticle] = [:]
        for article in site.articles { byArticle[article.article.slug] = article }

        var figures: [String: Figures] = [:]
        let quoteLabels = Dictionary(grouping: labels.quotes, by: \.article)
        let mentionLabels = Dictionary(grouping: labels.mentions, by: \.article)
        for (slug, article) in byArticle.sorted(by: { $0.key < $1.key }) {
            let part = article.article.path.split(separator: "/").dropLast().last.map(String.init) ?? "articles"
            var scores = figures[part] ?? Figures()
            scoreQuotes(article, labels: quoteLabels[slug] ?? [], slugs: slugs, into: &scores)
            scoreLinks(article, labels: mentionLabels[slug] ?? [], slugs: slugs, into: &scores)
            figures[part] = scores
        }
        return figures
    }

    /// Every quotation Gloss found in the article whose slug begins with `prefix`, with its speaker:
    /// for reading an error in context (`GlossBench accuracy DIR --article SLUG`).
    public static func quotes(directory: String, article prefix: String) throws -> [String] {
        let site = try analyse(directory)
        let slugs = site.registry.entities.map(\.slug)
        return site.articles.filter { $0.article.slug.hasPrefix(prefix) }.flatMap { article in
            article.quotes.map { "¶\($0.paragraph) \($0.speaker.map { slugs[$0.index] } ?? "—"): “\($0.text.prefix(70))”" }
        }
    }

    static func analyse(_ directory: String) throws -> AnalysedSite {
        let (content, diagnostics) = SiteLoader.load(from: directory + "/site")
        guard let content else {
            throw NSError(domain: "AccuracyBenchmark", code: 1,
                          userInfo: [NSLocalizedDescriptionKey: diagnostics.map(\.description).joined(separator: "\n")])
        }
        return SiteAnalyser.analyse(content)
    }

    /// Pairs each quotation Gloss found with the label of the quotation that begins the same way in
    /// the same paragraph; an unpaired quotation with a speaker counts against precision. A quotation
    /// that runs over paragraphs is one quotation to Gloss (its parts joined) and one label per
    /// opening mark: the labels of its later parts are found, and credited, with it.
    static func scoreQuotes(_ article: AnalysedArticle, labels: [AccuracyLabels.QuoteLabel], slugs: [String],
                            into figures: inout Figures) {
        var unused = Array(labels.indices)
        var creditedLabels: Set<Int> = []
        var foundLabels: Set<Int> = []
        for quote in article.quotes {
            let text = AccuracyLabels.folded(quote.text)
            let match = unused.firstIndex { index in
                let label = labels[index]
                let begins = AccuracyLabels.folded(label.begins)
                return label.paragraph == quote.paragraph && !begins.isEmpty
                    && (text.hasPrefix(begins) || begins.hasPrefix(text))
            }
            let labelIndex = match.map { unused[$0] }
            let label = labelIndex.map { labels[$0] }
            if let match, let labelIndex { foundLabels.insert(labelIndex); unused.remove(at: match) }
            let speaker = quote.speaker.map { slugs[$0.index] }
            let laterParts = label == nil ? [] : unused.filter { index in
                let begins = AccuracyLabels.folded(labels[index].begins)
                return labels[index].paragraph > quote.paragraph && begins.count >= 12 && text.dropFirst().contains(begins)
            }
            unused.removeAll { laterParts.contains($0) }
            foundLabels.formUnion(laterParts)
            creditedLabels.formUnion(laterParts.filter { labels[$0].speaker == speaker })
            let place = "\(article.article.slug) ¶\(quote.paragraph) “\(text.prefix(50))”"
            guard let speaker else {
                if let label, label.speaker != "none", label.speaker != "-" {
                    figures.error("quote found, no speaker", "\(place) — \(label.speaker)")
                }
                continue
            }
            figures.attributed += 1
            guard let label else {
                figures.error("speaker on a span that is not a labelled quotation", "\(place) → \(speaker)")
                continue
            }
            if label.speaker == speaker {
                figures.attributedCorrectly += 1
                if let labelIndex { creditedLabels.insert(labelIndex) }
            } else if label.speaker == "none" || label.speaker == "-" {
                figures.error("speaker for a quotation with none in the registry", "\(place) → \(speaker), labelled \(label.speaker)")
            } else {
                figures.error("wrong speaker", "\(place) → \(speaker), labelled \(label.speaker)")
            }
        }
        for (index, label) in labels.enumerated() where label.speaker != "none" && label.speaker != "-" {
            figures.creditable += 1
            if creditedLabels.contains(index) { figures.credited += 1 }
            if !foundLabels.contains(index) {
                figures.error("quotation not found", "\(article.article.slug) ¶\(label.paragraph) “\(label.begins)” — \(label.speaker)")
            }
        }
    }

    static func scoreLinks(_ article: AnalysedArticle, labels: [AccuracyLabels.MentionLabel], slugs: [String], into figures: inout Figures) {
        let rendered = RenderedLinks(html: RenderedLinks.html(article.body, slugs: slugs))
        for label in labels where label.entity != "ambiguous" {
            guard label.paragraph - 1 < rendered.paragraphs.count else { continue }
            let linked = RenderedLinks.link(in: rendered.paragraphs[label.paragraph - 1], surface: label.surface,
                                            occurrence: label.occurrence)
            let isMention = !label.entity.hasPrefix("none")
            let place = "\(article.article.slug) ¶\(label.paragraph) \"\(label.surface)\" #\(label.occurrence)"
            if isMention { figures.mentions += 1 }
            if label.entity == "none:name" || label.entity == "none:word" {
                figures.nearMisses += 1
                if linked != nil { figures.nearMissesLinked += 1 }
            }
            guard let linked else {
                if isMention { figures.error("mention not linked", "\(place) — \(label.entity)") }
                continue
            }
            figures.linked += 1
            if linked == label.entity {
                figures.linkedCorrectly += 1
            } else {
                figures.error(isMention ? "link to the wrong entity" : "link on \(label.entity)", "\(place) → \(linked)")
            }
        }
    }
}
