import GlossContent

/// Every entity's surface forms compiled into one matcher, after checking that no alias is
/// claimed twice. Built once per build and shared read-only by every analysis task.
public struct EntityRegistry: Sendable {
    public let entities: Table<EntityID, Entity>
    public let matcher: EntityMatcher
    /// By entity index: what `MentionFilter` and quote attribution need to know (kind, gender).
    public let profiles: [EntityProfile]
    /// Surface forms that entities declared ambiguous: matched so they can be reported, and, when
    /// two or more entities share one, linked where an article names just one of them (`MentionFilter`).
    let ambiguousEntity: Int
    /// By ambiguous form as written (each apostrophe variant): the entities that share it.
    let ambiguousHolders: [String: [Int]]
    /// By organisation index: other organisations' aliases inside its names ("Supreme Court" inside
    /// "Supreme Court of the United Kingdom"). Once it is mentioned, those aliases alone no longer say which.
    let nestedAliases: [[String]]

    public init(entities: [Entity], diagnostics: inout [Diagnostic]) {
        self.entities = Table(entities)
        self.ambiguousEntity = entities.count
        self.profiles = entities.map(EntityProfile.init)
        var owner: [String: Int] = [:]
        var patterns: [EntityPattern] = []
        let ambiguous = Set(entities.flatMap(\.ambiguousAliases))
        // Who shares each ambiguous form: the entities declaring it, and any that list it as an alias too.
        var sharing: [String: [Int]] = [:]
        func share(_ text: String, _ index: Int) {
            if sharing[text]?.last != index { sharing[text, default: []].append(index) }
        }
        for (index, entity) in entities.enumerated() {
            for text in entity.ambiguousAliases { share(text, index) }
            for alias in entity.surfaceForms {
                let text = alias.text.trimmingWhitespace()
                guard !text.isEmpty else { continue }
                if ambiguous.contains(text) { share(text, index); continue }
                if let other = owner[text] {
                    if other != index {
                        diagnostics.append(.error(entity.path, line: entity.aliasesLine,
                            "alias \"\(text)\" is claimed by both `\(entities[other].slug)` (\(entities[other].path)) and `\(entity.slug)` (\(entity.path)); remove it from one, or list it under `ambiguous_aliases` so it is linked only where an article names just one of them in full"))
                    }
                    continue
                }
                owner[text] = index
                for variant in Self.apostropheVariants(text) {
                    patterns.append(EntityPattern(entity: index, text: variant, caseInsensitive: alias.caseInsensitive))
                }
            }
        }
        nestedAliases = entities.indices.map { index in
            guard entities[index].kind == .organization else { return [] }
            return Self.nestedAliases(in: entities[index].surfaceForms.map(\.text), owner: owner) { other in
                other != index && entities[other].kind == .organization
            }
        }
        var holders: [String: [Int]] = [:]
        for text in ambiguous.sorted() {
            for variant in Self.apostropheVariants(text) {
                patterns.append(EntityPattern(entity: entities.count, text: variant))
                holders[variant] = sharing[text]
            }
        }
        ambiguousHolders = holders
        self.matcher = EntityMatcher(patterns: patterns)
    }

    /// True for a match on an ambiguous alias: a mention only where `MentionFilter` can tell whose it is.
    public func isAmbiguous(_ match: EntityMatch) -> Bool { match.entity == ambiguousEntity }

    /// Every mention of an entity in one plain-text article, by the same rule as its links.
    public func mentions(in text: String) -> [EntityMatch] {
        var filter = MentionFilter(registry: self, introductions: true)
        let matches = matcher.matches(in: text), utf8 = Array(text.utf8)
        filter.survey(matches, in: utf8)
        return filter.judge(matches, in: utf8).mentions
    }

    /// The aliases that are runs of whole words inside `names`, shorter than the name, owned by an entity `accepted`.
    static func nestedAliases(in names: [String], owner: [String: Int], accepted: (Int) -> Bool) -> [String] {
        var found: [String] = []
        for name in names {
            let words = name.split(separator: " ")
            guard words.count > 1 else { continue }
            for start in words.indices {
                for end in (start + 1)...words.count where end - start < words.count {
                    let run = words[start..<end].joined(separator: " ")
                    if let other = owner[run], accepted(other), !found.contains(run) { found.append(run) }
                }
            }
        }
        return found
    }

    /// An alias with an apostrophe also matches it typeset: smart punctuation turns `D'Souza`
    /// into `D’Souza`, and an editor may have typed either.
    static func apostropheVariants(_ text: String) -> [String] {
        if text.contains("'") { return [text, String(text.map { $0 == "'" ? "\u{2019}" : $0 })] }
        if text.contains("\u{2019}") { return [text, String(text.map { $0 == "\u{2019}" ? "'" : $0 })] }
        return [text]
    }
}
