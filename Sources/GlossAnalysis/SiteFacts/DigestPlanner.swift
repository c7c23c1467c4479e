import GlossContent

/// One edition of the digest: an editor's file, or made automatically for a period.
public struct DigestEdition: Sendable, Hashable {
    public var slug: String
    public var title: String
    /// Start of the period (or the editor's date): orders editions.
    public var date: ContentDate
    /// In reading order.
    public var articles: [ArticleID]
    /// The editor's introduction, entities linked.
    public var intro: AnalysedBody?
    public var isEditorial: Bool
}

/// Groups articles into digests: by `digest.period` (day, week or month), with an editor's
/// digest file replacing the automatic edition of its period. An editor's file named like the
/// automatic edition of another period would share its page: that is an error naming both, and
/// the automatic edition is left out (its articles show no digest), so every edition's page is
/// its own.
enum DigestPlanner {
    static func plan(content: SiteContent, registry: EntityRegistry)
        -> (editions: Table<DigestID, DigestEdition>, articleEdition: [DigestID?], diagnostics: [Diagnostic]) {
        let period = content.config.digestPeriod
        let indexBySlug = Dictionary(content.articles.enumerated().map { ($1.slug, ArticleID($0)) }, uniquingKeysWith: { first, _ in first })
        var byPeriod: [String: [ArticleID]] = [:]
        for (index, article) in content.articles.enumerated() {
            byPeriod[Period.key(of: article.date, period), default: []].append(ArticleID(index))
        }
        var editions: [DigestEdition] = []
        var diagnostics: [Diagnostic] = []
        var covered = Set<String>()
        var editorial: [String: Digest] = [:]
        for digest in content.digests {
            let key = Period.key(of: digest.date, period)
            covered.insert(key)
            editorial[digest.slug] = digest
            // Articles arrive newest first, and so each period lists them.
            let articles = digest.articles.map { $0.compactMap { indexBySlug[$0] } } ?? byPeriod[key] ?? []
            let body = digest.body.trimmingWhitespace().isEmpty ? nil : digest.body
            editions.append(DigestEdition(
                slug: digest.slug, title: digest.title, date: digest.date, articles: articles,
                intro: body.map {
                    MarkdownFragment.analyse($0, registry: registry, config: content.config, media: content.media,
                                             home: .digest(digest.slug), file: digest.path, firstLine: digest.bodyLine).body
                },
                isEditorial: true))
        }
        for (key, articles) in byPeriod.sorted(by: { $0.key < $1.key }) where !covered.contains(key) {
            let start = Period.start(of: content.articles[articles[0].index].date, period)
            let title = Period.title(of: start, period)
            if let clash = editorial[key] {
                diagnostics.append(.error(clash.path, "this digest is named `\(key)` like the automatic digest of another period (\(title)), which would share its page digests/\(key)/; rename the file, or date it in that period to replace that digest"))
                continue
            }
            editions.append(DigestEdition(slug: key, title: title, date: start, articles: articles, intro: nil, isEditorial: false))
        }
        // Newest first; the home page shows the first.
        editions.sort { ($0.date, $0.slug) > ($1.date, $1.slug) }
        var articleEdition = [DigestID?](repeating: nil, count: content.articles.count)
        for (index, edition) in editions.enumerated().reversed() {
            for article in edition.articles where articleEdition[article.index] == nil || edition.isEditorial {
                articleEdition[article.index] = DigestID(index)
            }
        }
        return (Table(editions), articleEdition, diagnostics)
    }
}

/// Calendar periods in UTC: day, ISO week (Monday to Sunday), month. Digests and timelines
/// share them, so a timeline's weeks are the digest's weeks.
public enum Period {
    static func key(of date: ContentDate, _ period: SiteConfig.DigestPeriod) -> String {
        switch period {
        case .day: return date.isoDate
        case .month: return String(date.isoDate.prefix(7))
        case .week:
            let (year, week) = isoWeek(date.days)
            let digits = String(year)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-w\(week < 10 ? "0" : "")\(week)"
        }
    }

    public static func start(of date: ContentDate, _ period: SiteConfig.DigestPeriod) -> ContentDate {
        switch period {
        case .day: return ContentDate(days: date.days)
        case .month: return ContentDate(days: ContentDate.daysFromCivil(year: date.year, month: date.month, day: 1))
        case .week: return ContentDate(days: date.days - weekday(date.days))
        }
    }

    static func title(of start: ContentDate, _ period: SiteConfig.DigestPeriod) -> String {
        switch period {
        case .day: return start.display
        case .week: return "Week of \(start.display)"
        case .month: return "\(ContentDate.monthNames[start.month - 1]) \(start.year)"
        }
    }

    /// 0 = Monday; 1970-01-01 was a Thursday.
    static func weekday(_ days: Int) -> Int { ((days + 3) % 7 + 7) % 7 }

    /// ISO 8601 week-numbering year and week: the week belongs to the year of its Thursday.
    static func isoWeek(_ days: Int) -> (Int, Int) {
        let thursday = days - weekday(days) + 3
        let (year, _, _) = ContentDate.civilFromDays(thursday)
        let dayOfYear = thursday - ContentDate.daysFromCivil(year: year, month: 1, day: 1)
        return (year, dayOfYear / 7 + 1)
    }
}
