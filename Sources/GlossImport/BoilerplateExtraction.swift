import Foundation

/// The parts of the rule table that pull a value out of a line: the related headline, the
/// author, the tags. Kept beside the table so a rule and its extraction never disagree.
extension BoilerplateRules {
    static let relatedPrefixes = [
        "read more", "read also", "also read", "see also", "related", "recommended", "also see", "more", "watch", "read",
        // The same in the languages of Europe's news sites: German, French, Spanish, Italian, Portuguese, Dutch, Polish.
        "mehr lesen", "lesen sie auch", "lesen sie mehr", "auch interessant", "mehr zum thema", "à lire aussi", "a lire aussi", "lire aussi",
        "voir aussi", "lea también", "lee también", "leer más", "te puede interesar", "ver también", "leggi anche", "leia também",
        "veja também", "lees ook", "lees meer", "zobacz również", "zobacz też", "czytaj też", "czytaj także",
        "auch lesen", "zum artikel", "lea más", "lea", "vea también", "puedes ver", "mira", "le puede interesar",
        // Norwegian, Danish, Swedish, Finnish; Zulu (South Africa's Caxton papers).
        "les også", "læs også", "läs också", "läs även", "lue myös", "funda olunye udaba lapha", "funda nalokhu",
    ]
    static let longestRelatedPrefix = relatedPrefixes.map(\.count).max() ?? 0

    /// "READ MORE: Only 30% of Japanese Back Abe's Third Term" → "Only 30% of Japanese Back Abe's Third Term".
    static func relatedItem(_ text: String) -> String? {
        // Every line is asked: only the start that a prefix can match is lowercased.
        let lower = String(text.prefix(longestRelatedPrefix)).lowercased()
        for prefix in relatedPrefixes where lower.hasPrefix(prefix) {
            var rest = Substring(text.unicodeScalars.dropFirst(prefix.unicodeScalars.count))
            let upperWithoutColon = text.hasPrefix(prefix.uppercased() + " ") && prefix.contains(" ")
            while rest.first == " " { rest = rest.dropFirst() }
            if let first = rest.first, [":", "\u{2014}", "\u{2013}", "-", "|", "\u{BB}", ">"].contains(first) {
                rest = rest.dropFirst()
            } else if !upperWithoutColon {
                continue
            }
            let item = TextNormaliser.normalise(String(rest))
            let words = item.spaceSeparatedWords.count
            guard (1...30).contains(words), item.startsUppercase || item.first == "\"" || item.first == "\u{201C}" else { continue }
            return item
        }
        return nil
    }

    /// "By Kristian Rouz", "By Jane Doe, Reuters", "Written by Jane Doe" → the name.
    static func bylineAuthor(_ line: LineShape) -> String? {
        guard (2...10).contains(line.wordCount), !line.text.hasSuffix(".") || line.wordCount <= 4 else { return nil }
        let prefixes = ["By ", "BY ", "Written by ", "Words by ", "Author: ", "Authors: ", "Reporter: "]
        guard let prefix = prefixes.first(where: { line.text.hasPrefix($0) }) else { return nil }
        var name = String(line.text.dropFirst(prefix.count))
        for stop in [" | ", ", ", " - ", " \u{2014} ", " \u{2013} ", " for ", " (", " in "] {
            if let range = name.rangeOfBytes(stop) { name = String(name[..<range.lowerBound]) }
        }
        var author = String(name).trimmingTrailingPunctuation()
        if author == author.uppercased(), author != author.lowercased() {
            author = author.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")  // FOSTER KLUG → Foster Klug
        }
        let words = author.spaceSeparatedWords
        guard (1...6).contains(words.count),
              words.allSatisfy({ String($0).startsUppercase || ["and", "de", "van", "von", "der", "da", "al", "bin", "del", "la", "le"].contains($0) }),
              !author.contains(where: \.isNumber) else { return nil }
        return author
    }

    /// A tag line: three or more short items separated by commas (or `;`, `|`, `·`, `•`), not a
    /// sentence: "talks, Donald Trump, Shinzo Abe, United States, Japan".
    static func tagItems(_ line: LineShape) -> [String]? {
        guard !line.endsSentence, line.wordCount <= 40 else { return nil }
        var text = Substring(line.text)
        for label in ["Tags:", "Topics:", "Tagged:", "Keywords:", "Filed under:"] where text.hasPrefix(label) {
            text = text.dropFirst(label.count)
        }
        guard let separator = [",", ";", "|", "\u{B7}", "\u{2022}"].first(where: { text.contains($0) }) else { return nil }
        let items = text.split(separator: Character(separator)).map { TextNormaliser.normalise(String($0)) }.filter { !$0.isEmpty }
        guard items.count >= 2 else { return nil }
        let itemWords = items.map { $0.spaceSeparatedWords.count }
        guard itemWords.allSatisfy({ $0 <= 4 }), items.allSatisfy({ $0.count <= 40 && !$0.endsSentence }),
              items.count >= 3 || itemWords.allSatisfy({ $0 <= 2 }) else { return nil }
        return items
    }

    /// "Kristian Rouz — Japanese Prime Minister Shinzo Abe says…" → ("Kristian Rouz", "Japanese Prime…").
    /// The name is two to four capitalised words in mixed case (so "TOKYO —" stays: it is a place),
    /// and what follows the dash starts a sentence.
    static func fusedByline(_ text: String) -> (author: String, rest: String)? {
        for dash in [" \u{2014} ", " \u{2013} ", " - ", "\u{2014}"] {
            guard let range = text.rangeOfBytes(dash) else { continue }
            let name = TextNormaliser.normalise(String(text[..<range.lowerBound]))
            let rest = TextNormaliser.normalise(String(text[range.upperBound...]))
            let words = name.spaceSeparatedWords
            guard (2...4).contains(words.count), name.count <= 40, rest.startsUppercase || rest.first == "\"" || rest.first == "\u{201C}",
                  rest.spaceSeparatedWords.count >= 8,
                  words.allSatisfy({ isNameWord($0) }), !words.contains("and"),
                  name != name.uppercased() else { continue }
            return (name, rest)
        }
        return nil
    }

    static let sectionWords: Set<String> = ["News", "World", "Business", "Politics", "Opinion", "Sport", "Sports", "Live", "Video", "Home",
                                            "Latest", "Asia", "Europe", "Africa", "Americas", "Middle", "East", "Pacific", "Markets", "Technology",
                                            "Science", "Health", "Culture", "Analysis", "Comment", "Editorial", "Report", "International", "Published",
                                            "Updated", "Topics", "Related", "More", "Share", "Image", "Photo", "Caption"]

    /// A line that is only a name, or "Name in Place": "Kiyoshi Takenaka", "Justin McCurry in Tokyo".
    static func authorLine(_ line: LineShape) -> String? {
        guard (2...7).contains(line.wordCount), !line.endsSentence else { return nil }
        var words = line.text.spaceSeparatedWords
        if let index = words.firstIndex(of: "in"), index >= 2, index < words.count - 1,
           words[(index + 1)...].allSatisfy({ String($0).startsUppercase }) {
            words = Array(words[..<index])
        }
        guard (2...4).contains(words.count), words.allSatisfy({ isNameWord($0) && !sectionWords.contains(String($0)) }),
              words.filter({ String($0).startsUppercase }).count >= 2 else { return nil }
        return words.joined(separator: " ")
    }

    /// Capitalised words that are not names: a show or campaign title ("Make Me A Star", "The Day Of
    /// The Jackal") is written in title case like a name, but carries words like these.
    static let titleWords: Set<String> = ["For", "Me", "The", "Of", "To", "A", "An", "In", "On", "At", "With", "And", "Or", "Is", "My",
                                          "Your", "Our", "We", "You", "I", "It", "Not", "No", "All", "From", "By", "How", "Why", "What",
                                          "This", "That", "Be", "Do", "Vote", "Live", "News", "Show", "Today", "Tonight", "Breaking"]

    /// "Rouz", "O'Neill", "Jean-Luc", "J." but not "the", "2018", "US" or "For".
    static func isNameWord(_ word: Substring) -> Bool {
        guard !titleWords.contains(String(word)) else { return false }
        guard let first = word.unicodeScalars.first, first.isUppercaseFast else {
            return ["de", "van", "von", "der", "da", "al", "bin", "del", "la", "le", "and"].contains(word)
        }
        let letters = word.unicodeScalars.filter { $0.isLetterFast }
        guard word.unicodeScalars.allSatisfy({ $0.isLetterFast || "'\u{2019}.-".unicodeScalars.contains($0) }) else { return false }
        return letters.count == 1 || letters.contains { $0.isLowercaseFast }
    }
}

extension String {
    func trimmingTrailingPunctuation() -> String {
        var text = Substring(self)
        while let last = text.last, ",;:|-\u{2014}".contains(last) || last == " " { text = text.dropLast() }
        return String(text)
    }
}
