import GlossAnalysis
import GlossContent

/// A registry entity an imported article mentions.
public struct FoundEntity: Sendable, Hashable {
    public var name: String
    public var slug: String
    public var count: Int
}

/// A name that looks like an entity but is not in the registry yet.
public struct EntityCandidate: Sendable, Hashable {
    public var name: String
    public var count: Int
    /// Named in the article's tags.
    public var fromTags: Bool
}

/// What the import found about entities in one article.
public struct EntityFindings: Sendable {
    public var found: [FoundEntity] = []
    public var candidates: [EntityCandidate] = []
    /// Tags that name a registry entity: (tag, entity slug).
    public var taggedEntities: [(tag: String, slug: String)] = []
}

/// Finds registry entities with the site's own matcher, and candidate names (`CandidateNames`)
/// that appear at least twice, or any capitalised tag, that no registry name covers. Editors
/// confirm them; `--add-entities` writes stubs.
struct EntityScanner: Sendable {
    let registry: EntityRegistry?

    func scan(title: String, text: String, tags: [String]) -> EntityFindings {
        var findings = EntityFindings()
        let full = title + "\n" + text
        let matches = registry.map { registry in registry.matcher.matches(in: full).filter { !registry.isAmbiguous($0) } } ?? []
        if let registry {
            var counts: [Int: Int] = [:]
            for match in matches { counts[match.entity, default: 0] += 1 }
            findings.found = counts.map { FoundEntity(name: registry.entities[EntityID($0.key)].name, slug: registry.entities[EntityID($0.key)].slug, count: $0.value) }
                .sorted { ($1.count, $0.name) < ($0.count, $1.name) }
        }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for name in CandidateNames.find(in: full, excluding: matches.map(\.range)) {
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        var candidates = order.filter { counts[$0]! >= 2 }.map { EntityCandidate(name: $0, count: counts[$0]!, fromTags: false) }
        for tag in tags {
            if let registry, let match = registry.matcher.matches(in: tag).first, match.range == 0..<tag.utf8.count, !registry.isAmbiguous(match) {
                findings.taggedEntities.append((tag, registry.entities[EntityID(match.entity)].slug))
            } else if tag.startsUppercase, !candidates.contains(where: { $0.name == tag }) {
                candidates.append(EntityCandidate(name: tag, count: counts[tag] ?? 0, fromTags: true))
            } else if let index = candidates.firstIndex(where: { $0.name == tag }) {
                candidates[index].fromTags = true
            }
        }
        findings.candidates = candidates.sorted { ($1.count, $0.name) < ($0.count, $1.name) }
        return findings
    }
}
