import Foundation
import GlossContent

/// `gloss import`: reads every input, cleans each record into an article (in parallel), then
/// names and writes them in input order so the result never depends on scheduling.
public enum ArticleImporter {
    /// - Parameter progress: called with (done, total) records as the batch advances.
    public static func run(_ inputs: [String], options: ImportOptions, progress: ((Int, Int) -> Void)? = nil) -> ImportReport {
        let started = ContinuousClock.now
        var report = ImportReport()
        report.dryRun = options.dryRun
        var dateOverride: String?
        if let date = options.date {
            guard let iso = DateParser.iso(from: date) else {
                report.items.append(.problem(.error("--date", "cannot read \"\(date)\"; use YYYY-MM-DD")))
                return report
            }
            dateOverride = iso
        }
        let site = SiteContext.locate(from: options.into)

        var records: [ImportRecord] = []
        var order: [ImportWriting.Entry] = []
        let expanded = InputReader.expand(inputs)
        for (input, reading) in zip(expanded, expanded.concurrentMapBalanced(InputReader.read)) {
            for problem in reading.problems { order.append((input, problem.line, nil, .error(input, line: problem.line, problem.message))) }
            for warning in reading.warnings { report.items.append(.problem(.warning(input, line: warning.line, warning.message))) }
            for record in reading.records {
                order.append((input, record.line, records.count, nil))
                records.append(record)
            }
        }
        order.sort { ($0.input, $0.line) < ($1.input, $1.line) }
        let singlePages = records.filter(\.isSinglePage).count
        if options.title != nil, singlePages > 1 {
            report.items.append(.problem(.error("--title", "gives one title to \(singlePages) pages; import them one at a time, or leave --title out")))
            return report
        }
        report.recordsIn = order.count

        let context = ArticleBuilder.Context(title: options.title, date: dateOverride, source: options.source, today: options.today ?? todayUTC())
        let scanner = EntityScanner(registry: site.registry)
        // Articles are made a chunk at a time on every core; each chunk is written, in input order,
        // on another thread while the next one is made, so no core waits for the disk at the end.
        var prepared: [ImportWriting.Prepared] = []
        prepared.reserveCapacity(records.count)
        var writing = ImportWriting(order: order, options: options, siteRoot: site.root)
        var pending: BackgroundWork<ImportWriting>?
        let chunk = 128
        var start = 0
        while start < records.count {
            let slice = Array(records[start..<min(start + chunk, records.count)])
            prepared += slice.concurrentMapBalanced { record in
                ArticleBuilder.build(record, context).map { article in
                    var article = article
                    article.entities = scanner.scan(title: article.title, text: article.plainText, tags: article.tags)
                    return (article, TextShingles(article.plainText, size: 4))
                }
            }
            start += slice.count
            progress?(start, records.count)
            let made = prepared, before = pending?.value ?? writing
            pending = BackgroundWork { var next = before; next.write(made); return next }
        }
        writing = pending?.value ?? writing
        writing.write(prepared)  // the problems left, when no record was read at all
        report.items += writing.items
        let candidates = writing.candidates

        if options.addEntities {
            var stubs = EntityStubWriter(site: site, dryRun: options.dryRun)
            for name in candidates {
                switch stubs.write(name: name) {
                case .success(let path): report.entityStubs.append(path)
                case .failure(let problem): report.entityProblems.append(.warning("--add-entities", line: problem.line, problem.message))
                }
            }
        }
        let elapsed = ContinuousClock.now - started
        report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return report
    }

    static func todayUTC() -> String {
        let (year, month, day) = ContentDate.civilFromDays(Int(Date().timeIntervalSince1970) / 86_400)
        return "\(DateParser.pad(year, 4))-\(DateParser.pad(month, 2))-\(DateParser.pad(day, 2))"
    }
}
