import GlossContent

/// Everything an import did, in input order: each article written (or that would be), with the
/// lines dropped from it and why, and each record rejected. Count in = written + rejected.
public struct ImportReport: Sendable {
    public struct ArticleEntry: Sendable {
        public var input: String
        public var line: Int
        public var path: String
        public var replaced: Bool
        public var title: String
        /// The file as written (shown by --dry-run).
        public var fileText: String
        public var dropped: [DroppedLine]
        public var warnings: [Diagnostic]
        public var entities: EntityFindings
        /// Names of the pictures saved with the page and copied beside the article.
        public var pictures: [String] = []
    }

    public enum Item: Sendable {
        case article(ArticleEntry)
        /// A rejected record or input (error), or a record skipped on purpose (warning).
        case problem(Diagnostic)
    }

    public var dryRun = false
    public var items: [Item] = []
    public var recordsIn = 0
    public var entityStubs: [String] = []
    public var entityProblems: [Diagnostic] = []
    public var seconds: Double = 0

    public var articles: [ArticleEntry] { items.compactMap { if case .article(let a) = $0 { a } else { nil } } }
    public var problems: [Diagnostic] { items.compactMap { if case .problem(let p) = $0 { p } else { nil } } }
    public var written: Int { articles.count }
    public var rejected: Int { problems.count }
    public var warnings: [Diagnostic] { articles.flatMap(\.warnings) + problems.filter { $0.severity == .warning } }
    /// True when any input or record failed: the command exits with status 1.
    public var hasErrors: Bool { problems.hasErrors }
    public var failedInputs: [String] { Array(Set(problems.filter { $0.severity == .error }.map(\.file))).sorted() }

    /// The report as printed: one block per article, problems as `path:line:col: error: …`.
    public func lines() -> [String] {
        var out: [String] = []
        for item in items {
            switch item {
            case .problem(let diagnostic):
                out.append(diagnostic.description)
            case .article(let article):
                let verb = dryRun ? (article.replaced ? "would replace" : "would write") : (article.replaced ? "replaced" : "wrote")
                out.append("\(verb) \(article.path) from \(article.input):\(article.line): \"\(article.title)\"")
                for line in article.dropped {
                    out.append("  \(article.input):\(line.line): [\(line.rule)] \(line.outcome): \(line.text)")
                }
                out += article.warnings.map { "  \($0.description)" }
                if !article.pictures.isEmpty {
                    out.append("  \(dryRun ? "would copy" : "copied") the pictures saved with the page: " + article.pictures.joined(separator: ", "))
                }
                out += entityLines(article.entities)
                if dryRun { out += article.fileText.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "  | \($0)" } }
            }
        }
        out += entityProblems.map(\.description)
        out += entityStubs.map { "\(dryRun ? "would write" : "wrote") entity stub \($0)" }
        out.append(summary)
        return out
    }

    func entityLines(_ findings: EntityFindings) -> [String] {
        var out: [String] = []
        if !findings.found.isEmpty {
            out.append("  entities: " + findings.found.map { "\($0.name) (\($0.count))" }.joined(separator: ", "))
        }
        if !findings.taggedEntities.isEmpty {
            out.append("  tags naming entities: " + findings.taggedEntities.map { "\($0.tag) → \($0.slug)" }.joined(separator: ", "))
        }
        if !findings.candidates.isEmpty {
            out.append("  not in the registry: " + findings.candidates.map { "\($0.name) (\($0.count)\($0.fromTags ? ", tag" : ""))" }.joined(separator: ", "))
        }
        return out
    }

    public var summary: String {
        let rate = seconds > 0 ? Double(written) / seconds : 0
        let errors = problems.errorCount, skipped = problems.count - errors
        return "\(recordsIn) in: \(written) \(dryRun ? "would be written" : "written"), \(rejected) rejected (\(errors) failed, \(skipped) skipped); "
            + "\(warnings.count) warning\(warnings.count == 1 ? "" : "s"); \(formatted(seconds)) s, \(Int(rate.rounded())) articles/s"
            + (dryRun ? " (dry run: nothing written)" : "")
    }

    func formatted(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
