import Foundation

/// A deterministic generated site for benchmarks: `articles` articles over the years, a few
/// hundred entities they mention by name, tags, and a note on every fiftieth article.
enum BenchmarkSite {
    static let syllables = ["ka", "lo", "mi", "ren", "sa", "to", "vi", "dan", "el", "mor",
                            "ni", "pa", "qui", "ros", "ta", "ul", "ve", "wen", "ya", "zo"]
    static let words = ["trade", "talks", "officials", "said", "markets", "week", "agreement", "tariffs", "minister",
                        "government", "council", "report", "growth", "investment", "security", "summit", "policy",
                        "budget", "exports", "regional", "the", "and", "with", "after", "before", "new", "plan",
                        "meeting", "delegation", "statement", "negotiations", "economy", "sanctions", "election"]

    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func entityName(_ index: Int) -> String {
        func word(_ a: Int, _ b: Int) -> String {
            let text = syllables[a % syllables.count] + syllables[b % syllables.count]
            return text.prefix(1).uppercased() + text.dropFirst()
        }
        let first = word(index, index / syllables.count)
        let last = word(index * 7 + 3, index * 13 + 5) + "ski"
        return index % 3 == 2 ? "\(last) Institute of \(first)" : "\(first) \(last)"
    }

    static func entitySlug(_ index: Int) -> String { "entity-\(String(format: "%04d", index))" }
    static func articleSlug(_ index: Int) -> String { "article-\(String(format: "%05d", index))" }
    static func articlePath(_ index: Int) -> String {
        "content/articles/\(2000 + index % 25)/\(articleSlug(index)).md"
    }

    /// Writes the site under `root` and returns the number of files written.
    @discardableResult
    static func write(to root: String, articles: Int, entities: Int = 300, tags: Int = 30, noteEvery: Int = 50) throws -> Int {
        let fm = FileManager.default
        var written = 0
        func put(_ path: String, _ text: String) throws {
            let url = URL(fileURLWithPath: root + "/" + path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            written += 1
        }
        try put("gloss.yml", "title: Benchmark Digest\nbase_url: https://example.org/bench/\n")
        for index in 0..<entities {
            let kind = index % 3 == 2 ? "organization" : "person"
            try put("content/entities/\(entitySlug(index)).md", """
                ---
                name: \(entityName(index))
                kind: \(kind)
                summary: Generated entity number \(index).
                ---
                \(entityName(index)) is a generated entity for benchmarks.

                """)
        }
        for index in 0..<articles {
            try put(articlePath(index), article(index, articles: articles, entities: entities, tags: tags, edit: nil))
            if index % noteEvery == 0 {
                try put("content/annotations/\(articleSlug(index))/context.md", """
                    ---
                    quote: "In dispatch number \(index)"
                    kind: context
                    ---
                    A generated note on dispatch \(index).

                    """)
            }
        }
        return written
    }

    /// The text of an article; `edit` adds a sentence (what the benchmark's saves change).
    static func article(_ index: Int, articles: Int, entities: Int, tags: Int, edit: Int?) -> String {
        var random = Generator(state: UInt64(index) &* 2654435761 &+ 17)
        func sentence(_ length: Int) -> String {
            let text = (0..<length).map { _ in words[random.next(words.count)] }.joined(separator: " ")
            return text.prefix(1).uppercased() + text.dropFirst() + "."
        }
        let mentioned = (0..<3).map { _ in entityName(random.next(entities)) }
        let day = index % 365
        let year = 2000 + index % 25
        let date = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: TimeZone(identifier: "UTC"), year: year, day: day + 1))!
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        let articleTags = (0..<2).map { _ in "topic-\(random.next(tags))" }
        var paragraphs = [
            "In dispatch number \(index), \(mentioned[0]) met \(mentioned[1]) to discuss \(words[random.next(words.count)]). " + sentence(12) + " " + sentence(9),
            sentence(14) + " \"" + sentence(10).dropLast() + ",\" \(mentioned[2]) said. " + sentence(11),
            sentence(13) + " " + sentence(8) + " " + sentence(15),
            "\(mentioned[1]) " + sentence(10).lowercased() + " " + sentence(12),
        ]
        if let edit { paragraphs[2] += " Edited in benchmark save \(edit)." }
        return """
            ---
            title: "Dispatch \(index): \(mentioned[0]) and \(mentioned[1])"
            date: \(formatter.string(from: date))
            source: Generated Wire
            tags: [\(articleTags.joined(separator: ", "))]
            ---

            \(paragraphs.joined(separator: "\n\n"))

            """
    }
}
