/// A person, organisation, place, agreement… that articles mention: `content/entities/**/<slug>.md`.
public struct Entity: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Decodable {
        case person, organization, place, agreement, event, topic, other
    }

    /// A surface form to match. Case-sensitive unless the editor opts out for this alias.
    public struct Alias: Sendable, Hashable, Decodable {
        public var text: String
        public var caseInsensitive: Bool

        public init(text: String, caseInsensitive: Bool = false) {
            self.text = text
            self.caseInsensitive = caseInsensitive
        }

        enum CodingKeys: String, CodingKey { case alias, match_case }

        /// Either `- KORUS` or `- {alias: korus, match_case: false}`.
        public init(from decoder: Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self.init(text: text)
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let text = try container.decode(String.self, forKey: .alias)
            self.init(text: text, caseInsensitive: !(try container.decodeIfPresent(Bool.self, forKey: .match_case) ?? true))
        }
    }

    public struct Link: Sendable, Hashable, Decodable {
        public var title: String
        public var url: String
    }

    /// A role the editor says a person held, and when (`- prime minister`, `- {role: home
    /// secretary, from: 2001-06-08, to: 2004-12-15}`): "the home secretary said" in an article of
    /// that time that names them is theirs, whatever the other articles say.
    public struct Role: Sendable, Hashable, Decodable {
        /// As written, single-spaced: "LDP leader".
        public var name: String
        public var from: ContentDate?
        public var to: ContentDate?
        /// As matched: "ldp leader".
        public var phrase: String { name.lowercased() }

        public init(name: String, from: ContentDate? = nil, to: ContentDate? = nil) {
            self.name = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            self.from = from
            self.to = to
        }

        enum CodingKeys: String, CodingKey { case role, from, to }

        public init(from decoder: Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                guard !text.trimmingWhitespace().isEmpty else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "`roles`: a role must not be empty"))
                }
                self.init(name: text)
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(name: try container.decodeNonEmpty(forKey: .role), from: try container.decodeDateIfPresent(forKey: .from),
                      to: try container.decodeDateIfPresent(forKey: .to))
            if let from, let to, to < from {
                throw DecodingError.dataCorruptedError(forKey: .to, in: container,
                    debugDescription: "`roles`: `to` (\(to.isoDate)) is before `from` (\(from.isoDate))")
            }
        }
    }

    public var slug: String
    public var path: String
    public var name: String
    public var kind: Kind
    public var aliases: [Alias]
    /// Surface forms shared with another entity: never linked, reported by `gloss check`.
    public var ambiguousAliases: [String]
    public var summary: String?
    public var links: [Link]
    /// `he`, `she` or `they`: how the text refers back to this person, so "she said" is never a man's.
    public var pronoun: String? = nil
    /// `roles:`, which the analyse stage trusts over what it learns from articles (`RoleHolders`).
    public var roles: [Role] = []
    public var body: String
    public var bodyLine: Int
    /// Line of the `aliases` field, for alias diagnostics.
    public var aliasesLine: Int

    /// Names and aliases are matched in every article: no real one is longer.
    public static let maxNameBytes = 256

    /// The name and every alias, the name first.
    public var surfaceForms: [Alias] { [Alias(text: name)] + aliases }
}

struct EntityFields: FrontMatterFields {
    var name: String
    var kind: Entity.Kind
    var aliases: [Entity.Alias]
    var ambiguous_aliases: [String]
    var summary: String?
    var links: [Entity.Link]
    var pronoun: String?
    var roles: [Entity.Role]

    static let fieldNames = ["name", "kind", "aliases", "ambiguous_aliases", "summary", "links", "pronoun", "roles"]
    enum CodingKeys: String, CodingKey { case name, kind, aliases, ambiguous_aliases, summary, links, pronoun, roles }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeNonEmpty(forKey: .name)
        if let kindText = try container.decodeIfPresent(String.self, forKey: .kind) {
            guard let kind = Entity.Kind(rawValue: kindText) else {
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                    debugDescription: "`kind`: unknown kind \"\(kindText)\"; use one of \(Entity.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.kind = kind
        } else {
            kind = .other
        }
        aliases = try container.decodeIfPresent([Entity.Alias].self, forKey: .aliases) ?? []
        ambiguous_aliases = try container.decodeIfPresent([String].self, forKey: .ambiguous_aliases) ?? []
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        links = try container.decodeIfPresent([Entity.Link].self, forKey: .links) ?? []
        pronoun = try container.decodeIfPresent(String.self, forKey: .pronoun)
        roles = try container.decodeIfPresent([Entity.Role].self, forKey: .roles) ?? []
        if let pronoun, !["he", "she", "they"].contains(pronoun) {
            throw DecodingError.dataCorruptedError(forKey: .pronoun, in: container,
                debugDescription: "`pronoun`: \"\(pronoun)\" is not one of he, she, they")
        }
        for (key, text) in [(CodingKeys.name, name)] + aliases.map { (.aliases, $0.text) } + ambiguous_aliases.map { (.ambiguous_aliases, $0) }
        where text.utf8.count > Entity.maxNameBytes {
            throw DecodingError.dataCorruptedError(forKey: key, in: container,
                debugDescription: "`\(key.stringValue)`: \"\(LinkPolicy.printable(String(text.prefix(40))))…\" is too long for a name (\(text.utf8.count) bytes; at most \(Entity.maxNameBytes))")
        }
    }
}

/// How readers see a kind: "Organisation", "Organisations".
extension Entity.Kind {
    public var label: String {
        switch self {
        case .person: "Person"
        case .organization: "Organisation"
        case .place: "Place"
        case .agreement: "Agreement"
        case .event: "Event"
        case .topic: "Topic"
        case .other: "Other"
        }
    }

    public var pluralLabel: String { self == .other ? "Other" : label + "s" }
}
