import GlossContent
import GlossSearch

/// Measures the search index on a generated site: its total size, and the bytes a query
/// downloads (the manifest, the index chunks its words need, and the document files of the first
/// page of results), the same files `assets/search.js` would load. `make bench` reports it; a test
/// holds it to Pagefind's budget of about 300 KB per query on 10,000 articles.
public enum SearchBenchmark {
    /// Queries measured: typed as shown, so the last word is a prefix unless a space follows.
    /// Entries ending in " (typed)" count every file loaded while typing the query one letter at
    /// a time, with no pause between keystrokes (search.js waits for a pause, so this is a bound).
    public static let queries = [
        "lighthizer", "korus", "trade", "the", "trade agreement tariffs", "president trump ", "pr", "t",
        "lighthizer (typed)", "trade agreement (typed)",
    ]

    public static func run(articles: Int) -> (indexBytes: Int, bytesPerQuery: [String: Int]) {
        let (index, perQuery) = measure(articles: articles)
        return (index.totalBytes, perQuery)
    }

    /// The index itself too, for tests that look inside it.
    static func measure(articles: Int) -> (index: BuiltSearchIndex, bytesPerQuery: [String: Int]) {
        let index = SearchIndexBuilder(documents: SyntheticCorpus(articles: articles).documents()).build()
        var perQuery: [String: Int] = [:]
        for query in queries {
            if query.hasSuffix(" (typed)") {
                let text = String(query.dropLast(" (typed)".count))
                var files: [String: Int] = [:]
                var typed = ""
                for character in text {
                    typed.append(character)
                    let outcome = SearchQuery.run(typed, on: index)
                    for path in outcome.files { files[path] = size(of: path, in: index) }
                }
                perQuery[query] = files.values.reduce(0, +)
            } else {
                perQuery[query] = SearchQuery.run(query, on: index).bytes
            }
        }
        return (index, perQuery)
    }

    static func size(of path: String, in index: BuiltSearchIndex) -> Int {
        if path == index.manifest.path { return index.manifest.bytes.count }
        let number = Int(path.split(separator: "/").last!.dropLast(3))!
        return path.hasPrefix("search/index/") ? index.chunks[number].bytes.count : index.shards[number].bytes.count
    }
}

/// A deterministic news corpus with a realistic shape: a Zipf–Mandelbrot vocabulary of common
/// English words followed by 60,000 generated ones (names, rarer words), articles of 300–800
/// words in paragraphs with a summary and tags, a registry of entities mentioned by name and
/// alias (among them Robert Lighthizer and KORUS), and a note on every fourth article.
struct SyntheticCorpus {
    let articles: Int

    static let common = """
    the of and to a in that is for on said was with he it as at by his from be have has but are an not \
    they were who had this which will their its after been would more or one about up when also new \
    year two there out than all president trade minister government talks officials deal agreement \
    country countries first last week people could over into some state told while other economic \
    tariffs tariff united states china japan korea security meeting leaders foreign policy talks \
    administration market percent billion million talks sanctions nuclear summit negotiations \
    election party prime european union exports imports steel cars companies investment growth \
    said we our them can may what against between before since under where because only most made \
    during three news report reported according spokesman statement including many even just well
    """.split(separator: " ").map(String.init)

    static let syllables = ["ka", "to", "ri", "mon", "sel", "va", "dor", "en", "li", "mar", "tan", "zu", "pe", "gor",
                            "an", "lo", "vi", "ser", "nu", "bra", "kel", "ost", "im", "da", "fen", "ru", "sha", "tor",
                            "wel", "hi", "ny", "qua", "bel", "ix", "cor", "ul"]

    func documents() -> [SearchDocument] {
        var random = SplitMix64(seed: 0x6C6F_7373)
        var vocabulary = Self.common
        var seen = Set(vocabulary)
        while vocabulary.count < Self.common.count + 60_000 {
            let parts = 2 + random.below(3)
            let word = (0..<parts).map { _ in Self.syllables[random.below(Self.syllables.count)] }.joined()
            if seen.insert(word).inserted { vocabulary.append(word) }
        }
        // Zipf–Mandelbrot: weight of rank r is 1 / (r + 2.7).
        var cumulative: [Double] = []
        var total = 0.0
        for rank in vocabulary.indices {
            total += 1 / (Double(rank) + 2.7)
            cumulative.append(total)
        }
        func word(_ random: inout SplitMix64) -> String {
            let target = random.unit() * total
            return vocabulary[min(cumulative.partitionPoint { $0 < target }, cumulative.count - 1)]
        }
        func sentence(_ random: inout SplitMix64, words: Int) -> String {
            var text = (0..<words).map { _ in word(&random) }.joined(separator: " ")
            text = text.prefix(1).uppercased() + text.dropFirst()
            if random.below(12) == 0 { text += " \(random.below(5000))" }
            return text + "."
        }
        func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

        struct Named { var name: String; var aliases: [String]; var label: String }
        var entities = [Named(name: "Robert Lighthizer", aliases: ["Lighthizer"], label: "Person"),
                        Named(name: "United States–Korea Free Trade Agreement", aliases: ["KORUS", "KORUS FTA"], label: "Agreement"),
                        Named(name: "Donald Trump", aliases: ["Trump"], label: "Person")]
        let entityCount = max(20, articles / 30)
        while entities.count < entityCount {
            let first = capitalized(vocabulary[Self.common.count + random.below(60_000)])
            let last = capitalized(vocabulary[Self.common.count + random.below(60_000)])
            entities.append(Named(name: "\(first) \(last)", aliases: random.below(2) == 0 ? [last] : [],
                                  label: ["Person", "Organisation", "Place", "Agreement"][random.below(4)]))
        }
        let tags = (0..<60).map { "tag-\(vocabulary[Self.common.count + $0])" }

        var documents: [SearchDocument] = []
        var notes: [SearchDocument] = []
        for number in 0..<articles {
            // Entities are mentioned Zipf-like too: a few often, most rarely.
            let mentioned = (0..<(2 + random.below(5))).map { _ in entities[min(entities.count - 1, Int(Double(entities.count) * skew(random.unit())))] }
            let title = capitalized((0..<(6 + random.below(7))).map { _ in word(&random) }.joined(separator: " ")) + " " + mentioned[0].name
            var paragraphs: [String] = []
            for paragraph in 0..<(5 + random.below(8)) {
                var text = (0..<(2 + random.below(3))).map { _ in sentence(&random, words: 12 + random.below(18)) }.joined(separator: " ")
                if paragraph < mentioned.count {
                    let entity = mentioned[paragraph]
                    let form = entity.aliases.isEmpty || random.below(2) == 0 ? entity.name : entity.aliases[0]
                    text = "\(form) said \(text.prefix(1).lowercased())\(text.dropFirst())"
                }
                paragraphs.append(text)
            }
            let body = paragraphs.joined(separator: "\n\n")
            let summary = paragraphs[0]
            let day = number
            let date = "\(day % 28 + 1) \(["January", "March", "May", "July", "September", "November"][day / 28 % 6]) \(2000 + day / 168)"
            let iso = "\(2000 + day / 168)-\(String(format2: (day / 28 % 6) * 2 + 1))-\(String(format2: day % 28 + 1))"
            let articleTags = (0..<(1 + random.below(4))).map { _ in tags[random.below(tags.count)] }
            documents.append(SearchDocument(
                kind: .article, title: title, url: "articles/article-\(number)/", date: date, isoDate: iso, label: "Article",
                context: "Source \(random.below(40))", summary: summary, text: body,
                fields: [(title, SearchDocument.Weight.title), (summary, SearchDocument.Weight.summary), (body, SearchDocument.Weight.body)]
                    + articleTags.map { ($0, SearchDocument.Weight.tag) }))
            if number % 4 == 0 {
                let words = paragraphs[1].split(separator: " ")
                let passage = words.prefix(6 + random.below(6)).joined(separator: " ")
                let noteBody = (0..<(3 + random.below(4))).map { _ in sentence(&random, words: 10 + random.below(15)) }.joined(separator: " ")
                notes.append(SearchDocument(
                    kind: .note, title: "“\(passage)”", url: "articles/article-\(number)/#note-\(number)", date: date, isoDate: iso,
                    label: "Context", context: "Note on “\(title)”", summary: "", text: noteBody,
                    fields: [(passage, SearchDocument.Weight.passage), ("Context", SearchDocument.Weight.label), (noteBody, SearchDocument.Weight.body)]))
            }
        }
        for (index, entity) in entities.enumerated() {
            let summary = sentence(&random, words: 10 + random.below(8))
            let description = (0..<(4 + random.below(6))).map { _ in sentence(&random, words: 12 + random.below(14)) }.joined(separator: " ")
            documents.append(SearchDocument(
                kind: .entity, title: entity.name, url: "entities/entity-\(index)/", date: nil, isoDate: nil, label: entity.label,
                context: entity.aliases.isEmpty ? nil : "Also: " + entity.aliases.joined(separator: ", "), summary: summary, text: description,
                fields: [(entity.name, SearchDocument.Weight.name)] + entity.aliases.map { ($0, SearchDocument.Weight.alias) }
                    + [(summary, SearchDocument.Weight.summary), (description, SearchDocument.Weight.body)]))
        }
        return documents + notes
    }

    private func skew(_ x: Double) -> Double { x * x * x }
}

private extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
