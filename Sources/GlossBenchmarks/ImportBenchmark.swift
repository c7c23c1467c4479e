import Foundation
import GlossContent
import GlossImport

/// `make bench` calls this: a deterministic CSV of realistic scraped articles (clock, player and
/// share lines, quotes, READ MORE, related headlines, tag line), imported with --dry-run semantics.
public enum ImportBenchmark {
    /// Imports `articles` generated rows; the time covers reading, cleaning, naming and the report,
    /// not generating the CSV.
    public static func run(articles: Int) -> (seconds: Double, articlesPerSecond: Double) {
        let folder = NSTemporaryDirectory() + "gloss-import-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let csv = folder + "/batch.csv"
        _ = FileManager.default.createFile(atPath: csv, contents: Data(generateCSV(articles: articles).utf8))
        let report = ArticleImporter.run([csv], options: ImportOptions(into: folder + "/content/articles", dryRun: true, today: "2024-01-01"))
        let seconds = max(report.seconds, 1e-9)
        return (seconds, Double(report.written) / seconds)
    }

    static let people = ["Shinzo Abe", "Donald Trump", "Moon Jae-in", "Angela Merkel", "Emmanuel Macron", "Justin Trudeau", "Xi Jinping", "Jacinda Ardern"]
    static let places = ["Tokyo", "Washington", "Seoul", "Berlin", "Paris", "Ottawa", "Beijing", "Wellington", "New York", "Brussels"]
    static let topics = ["trade", "tariffs", "security", "climate", "energy", "investment", "elections", "diplomacy"]
    static let verbs = ["discussed", "questioned", "welcomed", "criticised", "outlined", "postponed", "announced", "reviewed"]

    /// Rows with columns title,text,date,url,source,author,tags; quotes doubled, paragraphs on separate lines.
    static func generateCSV(articles: Int) -> String {
        var random = SplitMix64(seed: 0x5EED)
        var out = "title,text,date,url,source,author,tags\n"
        for index in 0..<articles {
            let person = people[random.below(people.count)], other = people[random.below(people.count)]
            let place = places[random.below(places.count)], topic = topics[random.below(topics.count)]
            let title = "\(person) and \(other) Hold Talks on \(topic.capitalized) in \(place) (\(index + 1))"
            var lines = ["\(10 + random.below(14)):\(10 + random.below(50)) GMT \(1 + random.below(28)) September 2018", "Listen Live", "Get short URL", ""]
            for paragraph in 0..<(6 + random.below(8)) {
                var sentences: [String] = []
                for _ in 0..<(2 + random.below(3)) {
                    sentences.append("\(people[random.below(people.count)]) \(verbs[random.below(verbs.count)]) the \(topics[random.below(topics.count)]) agenda with officials in \(places[random.below(places.count)]) on Monday, according to people familiar with the talks.")
                }
                if paragraph % 3 == 1 {
                    sentences.append("\"We will continue to work on \(topic) with our partners, and we expect progress soon,\" \(person) said.")
                }
                lines.append(sentences.joined(separator: " "))
                lines.append("")
                if paragraph == 3 { lines += ["READ MORE: \(other) Says \(topic.capitalized) Deal Is Close", ""] }
            }
            lines += ["", "\(places[random.below(places.count)]) Braces for New Round of \(topic.capitalized) Talks",
                      "Officials Expect Agreement on \(topics[random.below(topics.count)].capitalized) by Year End",
                      "\(topic), \(person), \(other), \(place)", "Community standardsDiscussion"]
            let text = lines.joined(separator: "\n")
            let row = [title, text, "2018-09-\(10 + random.below(19))", "https://example.org/news/\(index + 1)", "Example Wire",
                       "Reporter \(random.below(40))", "\(topic); \(place)"]
            out += row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\n"
        }
        return out
    }
}
