import GlossContent

/// `gloss check`'s help for editors keeping the registry: names the articles keep using that
/// no entity covers yet, aliases that never match, where ambiguous aliases occur, and which
/// quotations went to a role's holder.
public struct EditorReport: Sendable {
    public struct Candidate: Sendable, Hashable {
        public var name: String
        public var articles: Int
    }

    public struct UnusedAlias: Sendable, Hashable {
        public var entity: String
        public var path: String
        public var alias: String
    }

    /// A quotation the text credits to a role (`the prime minister said`), given to its holder.
    public struct RoleCredit: Sendable, Hashable {
        public var path: String
        /// 1-based among the article's paragraphs.
        public var paragraph: Int
        public var role: String
        public var entity: String
    }

    /// Capitalised names in two or more articles that match no entity, most frequent first.
    public var candidates: [Candidate]
    public var unusedAliases: [UnusedAlias]
    public var ambiguous: [AmbiguousOccurrence]
    /// Aliases found inside longer names and not linked (`Smith` in `Jane Smith`).
    public var nearMisses: [NearMissOccurrence]
    /// Surnames of people an article never introduces, not linked (`Washington` where Denzel Washington is registered).
    public var unintroduced: [UnintroducedSurname]
    /// For an editor to confirm, or to settle with an entity's `roles:`.
    public var roleCredits: [RoleCredit]

    public init(_ site: AnalysedSite, minimumArticles: Int = 2) {
        var articlesPerName: [String: Int] = [:]
        for article in site.articles {
            for name in Set(CandidateNames.find(in: article.text, singleWords: true)) where !article.matchedSurfaces.contains(name) {
                articlesPerName[name, default: 0] += 1
            }
        }
        let known = Set(site.registry.entities.flatMap { $0.surfaceForms.map(\.text) } + site.registry.entities.flatMap(\.ambiguousAliases))
        candidates = articlesPerName.filter { $0.value >= minimumArticles && !known.contains($0.key) }
            .map { Candidate(name: $0.key, articles: $0.value) }
            .sorted { ($1.articles, $0.name) < ($0.articles, $1.name) }
        let used = site.articles.reduce(into: Set<String>()) { $0.formUnion($1.matchedSurfaces) }
        unusedAliases = site.registry.entities.flatMap { entity in
            entity.aliases.filter { !$0.caseInsensitive && !used.contains($0.text) }
                .map { UnusedAlias(entity: entity.slug, path: entity.path, alias: $0.text) }
        }
        ambiguous = site.articles.flatMap(\.ambiguous)
        nearMisses = site.articles.flatMap(\.nearMisses)
        unintroduced = site.articles.flatMap(\.unintroduced)
        roleCredits = site.articles.flatMap { article in
            article.quotes.compactMap { quote in
                guard let role = quote.role, let speaker = quote.speaker else { return nil }
                return RoleCredit(path: article.article.path, paragraph: quote.paragraph, role: role.phrase,
                                  entity: site.registry.entities[speaker].slug)
            }
        }
    }
}
