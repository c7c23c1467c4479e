import GlossContent

/// Every entity's surface forms compiled into one matcher, after checking that no alias is
/// claimed twice. Built once per build and shared read-only by every analysis task.
public struct EntityRegistry: Sendable {
    public let entities: Table<EntityID, Entity>
    public let matcher: EntityMatcher
    /// Surface forms that entities declared ambiguous: matched so they can be reported, never linked.
    let ambiguousEntity: Int

    public init(entities: [Entity], diagnostics: inout [Diagnostic]) {
        self.entities = Table(entities)
        self.ambiguousEntity = entities.count
        var owner: [String: Int] = [:]
        var patterns: [EntityPattern] = []
        let ambiguous = Set(entities.flatMap(\.ambiguousAliases))
        for (index, entity) in entities.enumerated() {
            for alias in entity.surfaceForms {
                let text = alias.text.trimmingWhitespace()
                guard !text.isEmpty, !ambiguous.contains(text) else { continue }
                if let other = owner[text] {
                    if other != index {
                        diagnostics.append(.error(entity.path, line: entity.aliasesLine,
                            "alias \"\(text)\" is claimed by both `\(entities[other].slug)` (\(entities[other].path)) and `\(entity.slug)` (\(entity.path)); remove it from one, or list it under `ambiguous_aliases` so it is never linked"))
                    }
                    continue
                }
                owner[text] = index
                patterns.append(EntityPattern(entity: index, text: text, caseInsensitive: alias.caseInsensitive))
            }
        }
        for text in ambiguous.sorted() {
            patterns.append(EntityPattern(entity: entities.count, text: text))
        }
        self.matcher = EntityMatcher(patterns: patterns)
    }

    /// True for a match on an ambiguous alias: counted nowhere, linked nowhere, listed by `gloss check`.
    public func isAmbiguous(_ match: EntityMatch) -> Bool { match.entity == ambiguousEntity }
}
