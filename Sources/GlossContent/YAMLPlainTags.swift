import Yams

/// Settles the tag of every plain scalar that can only be text, so that decoding front matter never
/// runs Yams' regular-expression resolver for it. Why: Yams' decoder finds a field by building the
/// key `Node("title")` with an unresolved tag and comparing it with the document's keys, which
/// resolves both through up to seven `NSRegularExpression`s; at 10,000 articles and 50,000 notes
/// that was about 5% of a build's CPU (`perf record gloss build`). Mappings get a resolver with no
/// rules, so the decoder's keys are text at once and match the keys settled here; every scalar
/// that one of Yams' rules could match (digits, `true`, `null`, `~`, `.inf`, …) keeps its
/// unresolved tag and the default resolver, so what is decoded does not change.
///
/// Front matter is composed with the resolver that has no rules, and the default one is put back
/// here on the scalars that need it: Yams hashes every mapping key while composing, to find
/// duplicates, and with the default resolver each key ran the regular expressions (3% of a
/// 10,000-article build). Keys are only ever read as text, so they are text from the start.
enum YAMLPlainTags {
    static func settle(_ node: Node) -> Node {
        switch node {
        case .scalar(var scalar):
            guard scalar.tag.rawValue == Tag.Name.implicit.rawValue else { return node }
            scalar.tag = canOnlyBeText(scalar.string) ? scalar.tag.copy(with: .str) : scalar.tag.copy(resolver: .default)
            return .scalar(scalar)
        case .mapping(var mapping):
            mapping.tag = mapping.tag.copy(resolver: .basic)
            for index in mapping.indices {
                let pair = mapping[index]
                mapping[index] = (settle(pair.key), settle(pair.value))
            }
            return .mapping(mapping)
        case .sequence(var sequence):
            for index in sequence.indices { sequence[index] = settle(sequence[index]) }
            return .sequence(sequence)
        case .alias:
            return node
        }
    }

    /// True when none of Yams' default rules (bool, int, float, merge, null, timestamp, value) can
    /// match: only `bool` and `null` match anything that starts with a letter, and only these
    /// words. A line break is left to the rules (their `$` matches before a final one).
    static func canOnlyBeText(_ string: String) -> Bool {
        guard let first = string.unicodeScalars.first, first.properties.isAlphabetic,
              !string.unicodeScalars.contains(where: { $0.properties.isWhitespace && $0 != " " }) else { return false }
        return !ruleWords.contains(string)
    }

    static let ruleWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    ]
}
