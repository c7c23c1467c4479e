import GlossContent

/// The write half of `gloss import`: goes through the batch in input order, reporting problems,
/// skipping near-duplicates and writing each article. A value moved from one chunk's thread to
/// the next, so it is only ever used by one thread at a time.
struct ImportWriting: Sendable {
    /// An article made from a record, with its 4-word shingles for the duplicate check.
    typealias Prepared = Result<(article: PreparedArticle, shingles: TextShingles), ReadProblem>
    /// Where a record or a problem sits in the input; `record` indexes the prepared articles.
    typealias Entry = (input: String, line: Int, record: Int?, problem: Diagnostic?)

    let order: [Entry]
    let keepDuplicates: Bool
    private var writer: ArticleFileWriter
    private var duplicates = DuplicateDetector()
    /// The first entry of `order` not yet gone through.
    private var next = 0
    private(set) var items: [ImportReport.Item] = []
    /// Names that look like entities the registry lacks, each once, in the order first seen.
    private(set) var candidates: [String] = []
    private var seenCandidates: Set<String> = []

    init(order: [Entry], options: ImportOptions, siteRoot: String?) {
        self.order = order
        keepDuplicates = options.keepDuplicates
        writer = ArticleFileWriter(folder: options.into, siteRoot: siteRoot, dryRun: options.dryRun, force: options.force)
    }

    /// Goes on through `order` as far as the articles made so far reach.
    mutating func write(_ prepared: [Prepared]) {
        while next < order.count {
            let entry = order[next]
            if let index = entry.record, index >= prepared.count { return }
            next += 1
            if let problem = entry.problem { items.append(.problem(problem)); continue }
            guard let index = entry.record else { continue }
            switch prepared[index] {
            case .failure(let problem):
                items.append(.problem(.error(entry.input, line: problem.line, problem.message)))
            case .success(let (article, shingles)):
                write(article, shingles: shingles, entry: entry)
            }
        }
    }

    private mutating func write(_ article: PreparedArticle, shingles: TextShingles, entry: Entry) {
        if !keepDuplicates, let match = duplicates.find(shingles) {
            let similarity = Int((match.similarity * 100).rounded(.down))
            items.append(.problem(.warning(entry.input, line: entry.line,
                "not written: near-duplicate of \(match.earlier) (\(similarity)% of their 4-word sequences are shared); --keep-duplicates writes it")))
            return
        }
        let text = FrontMatterWriter.article(article)
        switch writer.write(article, text: CanonicalText.composed(text)) {
        case .written(let path, let replaced):
            duplicates.add(shingles, label: path)
            items.append(.article(ImportReport.ArticleEntry(
                input: article.input, line: article.line, path: path, replaced: replaced, title: article.title, fileText: text,
                dropped: article.dropped,
                warnings: article.warnings.map { .warning(article.input, line: $0.line, $0.message) }, entities: article.entities,
                pictures: article.pictures.map(\.name))))
            for candidate in article.entities.candidates where seenCandidates.insert(candidate.name).inserted {
                candidates.append(candidate.name)
            }
        case .skipped(let reason):
            items.append(.problem(.warning(entry.input, line: entry.line, "not written: \(reason)")))
        case .failed(let reason):
            items.append(.problem(.error(entry.input, line: entry.line, reason)))
        }
    }
}
