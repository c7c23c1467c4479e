import GlossContent

/// Who held which role when, as the registry says (`roles:`) or else as the site's own articles
/// do: `Prime Minister Tony Blair` in some of them answers `"…," the prime minister said` in another
/// that names Mr Blair only by name. Roles change hands (a reshuffle, an election), so a learned
/// role is answered on an article's day only when most of the articles of the months around it
/// that name anyone in it name the same person. Either way the holder must be someone the article
/// named before the quotation. Otherwise: no speaker.
public struct RoleHolders: Sendable {
    /// Days either side of an article's date whose articles say who held a role.
    static let window = 120
    /// Articles in the window that must name the holder in the role…
    static let minimumArticles = 2
    /// …and their share of those that name anyone in it.
    static let minimumShare = 0.8

    struct Vote: Hashable, Comparable {
        var day: Int
        var entity: Int
        static func < (a: Vote, b: Vote) -> Bool { (a.day, a.entity) < (b.day, b.entity) }
    }

    /// A role the registry gives an entity, in days (nil: open-ended).
    struct Tenure {
        var from: Int?
        var to: Int?
        var entity: Int
        func holds(on day: Int) -> Bool { (from ?? .min) <= day && day <= (to ?? .max) }
    }

    /// By role phrase (see `RoleTitle.keys`): one vote per article and person, by day.
    let votes: [String: [Vote]]
    /// By role phrase: the registry's holders.
    let declared: [String: [Tenure]]

    public init<Articles: Sequence>(_ articles: Articles, registry entities: Table<EntityID, Entity>) where Articles.Element == AnalysedArticle {
        var declared: [String: [Tenure]] = [:]
        for (id, entity) in entities.identified {
            for role in entity.roles {
                let tenure = Tenure(from: role.from?.days, to: role.to?.days, entity: id.index)
                for key in RoleTitle(phrase: role.phrase, entity: id).keys { declared[key, default: []].append(tenure) }
            }
        }
        self.declared = declared
        var votes: [String: Set<Vote>] = [:]
        for article in articles {
            let day = article.article.date.days
            for title in article.roleTitles {
                for key in title.keys { votes[key, default: []].insert(Vote(day: day, entity: title.entity.index)) }
            }
        }
        self.votes = votes.mapValues { $0.sorted() }
    }

    /// The one person the registry says held `phrase` on `day`; else the one the articles within
    /// `window` days name in it, if they agree, and the registry does not say they held it
    /// only at other times.
    func holder(of written: String, on day: Int) -> EntityID? {
        let phrase = RoleTitle.canonical(written)
        let tenures = declared[phrase] ?? []
        let holding = Set(tenures.filter { $0.holds(on: day) }.map(\.entity))
        if let only = holding.first { return holding.count == 1 ? EntityID(only) : nil }
        guard let learned = learnedHolder(of: phrase, on: day), !tenures.contains(where: { $0.entity == learned.index }) else { return nil }
        return learned
    }

    func learnedHolder(of phrase: String, on day: Int) -> EntityID? {
        guard let list = votes[phrase] else { return nil }
        let start = list.partitionPoint { $0.day < day - Self.window }
        var counts: [Int: Int] = [:]
        for vote in list[start...] {
            guard vote.day <= day + Self.window else { break }
            counts[vote.entity, default: 0] += 1
        }
        let total = counts.values.reduce(0, +)
        guard let (leader, count) = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }),
              count >= Self.minimumArticles, Double(count) >= Self.minimumShare * Double(total) else { return nil }
        return EntityID(leader)
    }

    /// `article` with each quote the text credits only to a role credited to its holder, when
    /// the article named them; the same object when no quote changes.
    public func credit(_ article: AnalysedArticle) -> AnalysedArticle {
        guard article.quotes.contains(where: { $0.speaker == nil && $0.role != nil }) else { return article }
        let day = article.article.date.days
        var changed = false
        let quotes = article.quotes.map { quote in
            guard quote.speaker == nil, let role = quote.role, let holder = holder(of: role.phrase, on: day),
                  role.candidates.contains(holder) else { return quote }
            changed = true
            var credited = quote
            credited.speaker = holder
            return credited
        }
        return changed ? article.withQuotes(quotes) : article
    }
}
