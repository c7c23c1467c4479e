import GlossAnalysis
import GlossContent

/// A registry entity an imported article mentions.
public struct EntityMention: Sendable, Hashable {
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
    public var found: [EntityMention] = []
    public var candidates: [EntityCandidate] = []
    /// Tags that name a registry entity: (tag, entity slug).
    public var taggedEntities: [(tag: String, slug: String)] = []
}

/// Finds registry entities with the site's own matcher, and candidate names by shape:
/// capitalised multi-word names that appear at least twice, or any capitalised tag, that no
/// registry name covers. Editors confirm them; `--add-entities` writes stubs.
struct EntityScanner: Sendable {
    let registry: EntityRegistry?

    static let leadingNoise: Set<String> = [
        "The", "A", "An", "This", "That", "These", "Those", "However", "But", "And", "Or", "In", "On", "At", "For", "Meanwhile",
        "According", "Last", "Next", "Some", "His", "Her", "Their", "Its", "Our", "We", "He", "She", "They", "It", "I", "If", "As",
        "When", "While", "After", "Before", "Prior", "Based", "Also", "Under", "With", "From", "To", "By", "Despite", "Since",
        "During", "Although", "Both", "Each", "Many", "Most", "Several", "Other", "Such", "Mr", "Mrs", "Ms", "Dr", "Yet", "So",
        "Still", "Then", "There", "Here", "What", "Who", "Why", "How", "Where", "Which", "Earlier", "Later", "Today", "Yesterday",
        "Former", "Over", "Of", "Not", "No", "All", "More", "Only", "Even", "Now", "Once", "Like", "Until", "Among", "Against",
    ]
    static let calendarWords: Set<String> = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    static let connectors: Set<String> = ["of", "de", "la", "van", "von", "der", "al", "bin", "del", "du", "for", "and"]
    /// Job titles: "Japanese Prime Minister" is a role, not an entity to register.
    static let roles: Set<String> = ["Minister", "President", "Secretary", "Representative", "Chancellor", "Ambassador", "Envoy", "Spokesman",
                                     "Spokeswoman", "Spokesperson", "Director", "Chairman", "Chairwoman", "Governor", "Senator", "Officials",
                                     "Official", "Leader", "Premier", "General", "Commissioner", "Mayor", "Chief", "Executive", "Officer"]

    func scan(title: String, text: String, tags: [String]) -> EntityFindings {
        var findings = EntityFindings()
        let full = title + "\n" + text
        let matches = registry.map { registry in registry.matcher.matches(in: full).filter { !registry.isAmbiguous($0) } } ?? []
        if let registry {
            var counts: [Int: Int] = [:]
            for match in matches { counts[match.entity, default: 0] += 1 }
            findings.found = counts.map { EntityMention(name: registry.entities[$0.key].name, slug: registry.entities[$0.key].slug, count: $0.value) }
                .sorted { ($1.count, $0.name) < ($0.count, $1.name) }
        }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for name in candidateNames(full, excluding: matches.map(\.range)) {
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        var candidates = order.filter { counts[$0]! >= 2 }.map { EntityCandidate(name: $0, count: counts[$0]!, fromTags: false) }
        for tag in tags {
            if let registry, let match = registry.matcher.matches(in: tag).first, match.range == 0..<tag.utf8.count, !registry.isAmbiguous(match) {
                findings.taggedEntities.append((tag, registry.entities[match.entity].slug))
            } else if tag.startsUppercase, !candidates.contains(where: { $0.name == tag }) {
                candidates.append(EntityCandidate(name: tag, count: counts[tag] ?? 0, fromTags: true))
            } else if let index = candidates.firstIndex(where: { $0.name == tag }) {
                candidates[index].fromTags = true
            }
        }
        findings.candidates = candidates.sorted { ($1.count, $0.name) < ($0.count, $1.name) }
        return findings
    }

    /// Every run of capitalised words (with "of", "de"… inside), split where a registry name
    /// sits and at punctuation, trimmed of sentence-initial words; runs of two to six words.
    /// Works on UTF-8 bytes: this runs over every paragraph of a batch.
    func candidateNames(_ text: String, excluding covered: [Range<Int>]) -> [String] {
        let bytes = Array(text.utf8)
        var names: [String] = []
        var run: [String] = []
        func closeRun() {
            defer { run = [] }
            var words = run[...]
            while let first = words.first, Self.leadingNoise.contains(first) || Self.calendarWords.contains(first) || Self.connectors.contains(first) { words = words.dropFirst() }
            while let last = words.last, Self.connectors.contains(last) || Self.calendarWords.contains(last) { words = words.dropLast() }
            if (2...6).contains(words.count), let last = words.last, !Self.roles.contains(last) { names.append(words.joined(separator: " ")) }
        }
        let sortedCovered = covered.sorted { $0.lowerBound < $1.lowerBound }
        var coveredIndex = 0
        var index = 0
        while index < bytes.count {
            guard !Self.isSeparator(bytes[index]) else { index += 1; continue }
            var start = index
            while index < bytes.count, !Self.isSeparator(bytes[index]) { index += 1 }
            var end = index
            while coveredIndex < sortedCovered.count, sortedCovered[coveredIndex].upperBound <= start { coveredIndex += 1 }
            if coveredIndex < sortedCovered.count, sortedCovered[coveredIndex].lowerBound < end { closeRun(); continue }
            let opened = Self.punctuationLength(bytes, at: start) > 0
            while start < end, case let length = Self.punctuationLength(bytes, at: start), length > 0 { start += length }
            var trailing = false
            while end > start, case let length = Self.punctuationLength(bytes, endingAt: end), length > 0 { end -= length; trailing = true }
            if end - start > 2, bytes[end - 1] == 0x73, bytes[end - 2] == 0x27 { end -= 2; trailing = true }  // 's
            if end - start > 4, bytes[end - 1] == 0x73, bytes[end - 2] == 0x99, bytes[end - 3] == 0x80, bytes[end - 4] == 0xE2 { end -= 4; trailing = true }  // ’s
            if opened { closeRun() }
            guard start < end else { closeRun(); continue }
            let first = bytes[start]
            let capitalised = (0x41...0x5A).contains(first) || (first >= 0x80 && String(decoding: bytes[start..<end], as: UTF8.self).startsUppercase)
            if capitalised {
                run.append(String(decoding: bytes[start..<end], as: UTF8.self))
                if trailing { closeRun() }
            } else if end - start <= 3, !run.isEmpty, !trailing, case let word = String(decoding: bytes[start..<end], as: UTF8.self), Self.connectors.contains(word) {
                run.append(word)
            } else {
                closeRun()
            }
        }
        closeRun()
        return names
    }

    static func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// Length of the punctuation character at `index` (ASCII, or curly quotes, dashes and guillemets); 0 for a letter or digit.
    static func punctuationLength(_ bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) ? 0 : 1 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, (0x90...0xA6).contains(bytes[index + 2]) { return 3 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xAB || bytes[index + 1] == 0xBB { return 2 }
        return 0
    }

    static func punctuationLength(_ bytes: [UInt8], endingAt end: Int) -> Int {
        if bytes[end - 1] < 0x80 { return punctuationLength(bytes, at: end - 1) }
        if end >= 3, punctuationLength(bytes, at: end - 3) == 3 { return 3 }
        if end >= 2, punctuationLength(bytes, at: end - 2) == 2 { return 2 }
        return 0
    }
}
