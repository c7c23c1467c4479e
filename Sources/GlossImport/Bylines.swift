import GlossHTML

/// Authors from a page's own markup when its metadata names none: `rel="author"`,
/// `itemprop="author"`, or an element whose class says byline; and the clean-up every author
/// name gets ("By JANE DOE | Reuters" → "Jane Doe").
enum Bylines {
    static let prefixes = ["by ", "written by ", "words by ", "author: ", "authors: ", "reporter: ", "por ", "par ", "von ", "di ", "door ", "av "]
    static let cuts = [" | ", " \u{2022} ", " \u{B7} ", ", ", " - ", " \u{2014} ", " \u{2013} ", " for ", " (", " updated", " published", " on ", "\n"]

    static func find(in document: HTMLDocument, facts: PageFacts) -> [String] {
        var names: [String] = []
        for id in document.nodes.indices where document[id].kind == .element && !facts.excluded[id] {
            let node = document[id]
            let rel = document.attribute("rel", of: id)?.lowercased() ?? ""
            let itemprop = document.attribute("itemprop", of: id)?.lowercased() ?? ""
            if rel.split(separator: " ").contains("author") || itemprop.split(separator: " ").contains("author") {
                let nameNode = document.descendants(of: id).first { document.attribute("itemprop", of: $0)?.lowercased() == "name" }
                let text = nameNode.flatMap { document.attribute("content", of: $0) } ?? nameNode.map { facts.text($0) } ?? facts.text(id)
                if let name = name(from: text) { names.append(name) }
            } else if names.isEmpty, node.name != "body", facts.classes[id].containsBytes("byline"), facts.chars[id] <= 120 {
                // Buttons and labels before the name ("Print National Desk By National Desk"): the name follows "By".
                var text = facts.text(id)[...]
                if let by = text.range(of: " By ", options: .backwards) { text = text[by.upperBound...] }
                if let name = name(from: String(text)) { names.append(name) }
            }
        }
        return names
    }

    /// A person's name from a byline's text, or nil when what is left does not look like one.
    static func name(from text: String) -> String? {
        var name = TextNormaliser.normalise(text)
        let lower = name.lowercased()
        if let prefix = prefixes.first(where: { lower.hasPrefix($0) }) { name = String(name.dropFirst(prefix.count)) }
        for cut in cuts {
            guard let range = name.range(of: cut, options: .caseInsensitive) else { continue }
            // A bracket inside the name ("Richard (R.J.) Eskow") is part of it; one after it ("Jane Doe (Reuters)") is not.
            if cut == " (", let close = name[range.upperBound...].firstIndex(of: ")"), name[name.index(after: close)...].hasPrefix(" "),
               name[name.index(after: close)...].dropFirst().first?.isUppercase == true { continue }
            name = String(name[..<range.lowerBound])
        }
        name = name.trimmingTrailingPunctuation()
        if name == name.uppercased(), name != name.lowercased() {
            name = name.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
        }
        let words = name.spaceSeparatedWords
        guard (1...6).contains(words.count), !name.contains(where: \.isNumber), !name.lowercased().hasPrefix("http"),
              !name.contains("@"), String(words[0]).startsUppercase else { return nil }
        return name
    }

    /// Distinct names, without the site's own name when a person is named too.
    static func clean(_ names: [String], siteName: String?) -> [String] {
        var seen: Set<String> = [], result: [String] = []
        for raw in names {
            guard let name = name(from: raw) ?? (raw.spaceSeparatedWords.count <= 6 ? TextNormaliser.normalise(raw) : nil), !name.isEmpty else { continue }
            if seen.insert(name.lowercased()).inserted { result.append(name) }
        }
        if result.count > 1, let siteName { result.removeAll { $0.lowercased() == siteName.lowercased() } }
        return result
    }
}
