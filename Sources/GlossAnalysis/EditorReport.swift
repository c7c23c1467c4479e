import GlossContent

/// `gloss check`'s help for editors keeping the registry: names the articles keep using that
/// no entity covers yet, aliases that never match, and where ambiguous aliases occur.
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

    /// Capitalised names in two or more articles that match no entity, most frequent first.
    public var candidates: [Candidate]
    public var unusedAliases: [UnusedAlias]
    public var ambiguous: [AmbiguousOccurrence]

    public init(_ site: AnalysedSite, minimumArticles: Int = 2) {
        var articlesPerName: [String: Int] = [:]
        for article in site.articles {
            for name in Set(CapitalisedNames.find(in: article.text)) where !article.matchedSurfaces.contains(name) {
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
    }
}

/// Runs of capitalised words ("Jesper Koll", "White House"): candidate names. A single
/// capitalised word counts only inside a sentence, where capitals are not grammar.
enum CapitalisedNames {
    static let connectors: Set<String> = ["of", "de", "van", "von", "der", "al", "bin", "la", "le", "du", "da"]
    static let ignored: Set<String> = ["The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I",
                                       "But", "And", "Or", "In", "On", "At", "For", "As", "If", "When", "While", "However",
                                       "Meanwhile", "According", "Last", "Next", "Some", "Most", "Prior", "After", "Before",
                                       "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                                       "January", "February", "March", "April", "May", "June", "July", "August",
                                       "September", "October", "November", "December", "READ", "MORE"]

    static func find(in text: String) -> [String] {
        var names: [String] = []
        var run: [String] = []
        var runStartsSentence = false
        var sentenceStart = true
        func flush() {
            while let last = run.last, connectors.contains(last) { run.removeLast() }
            if run.count >= 2 || (run.count == 1 && !runStartsSentence && !ignored.contains(run[0])) {
                names.append(run.joined(separator: " "))
            }
            run = []
        }
        func visit(_ raw: Substring) {
            let endsSentence = raw.reversed().drop { "\"'”’)]".contains($0) }.first.map { ".!?:".contains($0) } ?? false
            let word = String(raw.drop { !$0.isLetter }.reversed().drop { !$0.isLetter && !$0.isNumber }.reversed())
                .replacingPossessive()
            let capitalised = word.first?.isUppercase == true && word.count > 1
            if capitalised && !(run.isEmpty && ignored.contains(word)) {
                if run.isEmpty { runStartsSentence = sentenceStart }
                run.append(word)
            } else if !run.isEmpty && connectors.contains(word) {
                run.append(word)
            } else {
                flush()
            }
            // Punctuation inside a run ("Abe, Trump") ends it.
            if raw.last.map({ !$0.isLetter && !$0.isNumber }) == true { flush() }
            sentenceStart = endsSentence || raw.first.map { "\"“(".contains($0) } == true
        }
        for raw in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            // In "US-Japan talks" each part of the compound is a name of its own.
            let parts = raw.split(separator: "-")
            for (index, part) in parts.enumerated() {
                visit(part)
                if index < parts.count - 1 { flush() }
            }
        }
        flush()
        return names
    }
}

extension String {
    func replacingPossessive() -> String {
        for suffix in ["'s", "’s"] where hasSuffix(suffix) { return String(dropLast(2)) }
        return self
    }
}
