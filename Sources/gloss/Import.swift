import ArgumentParser
import Foundation
import GlossImport
#if canImport(Glibc)
import Glibc
#endif

/// `gloss import`: flags in, `ArticleImporter` does the work, the report goes to stdout and a
/// progress bar to stderr (only on a terminal).
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn scraped pages, RSS/Atom feeds and JSON Lines/CSV batches into clean article files.",
        discussion: """
        Inputs: raw text pages (.txt or anything else), saved HTML pages, RSS 2.0 and Atom feeds (.xml, .rss, .atom), \
        JSON Lines (.jsonl) and CSV (.csv) with keys/columns title,text,date,url,source,author,tags. Folders are read recursively. \
        Every dropped line is listed with the rule that dropped it. Exit status 1 when any input or record failed.
        """
    )

    @Argument(help: "Files (or folders) to import.")
    var files: [String]

    @Option(name: .long, help: "Folder for the article files.")
    var into: String = "content/articles"

    @Option(name: .long, help: "Source for articles whose input names none.")
    var source: String?

    @Option(name: .long, help: "Publication date for every article (YYYY-MM-DD), overriding dates found in the inputs.")
    var date: String?

    @Option(name: .long, help: "Title for a single page.")
    var title: String?

    @Flag(name: .long, help: "Print the report and every file, write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Replace files an earlier import of the same article wrote.")
    var force = false

    @Flag(name: .long, help: "Write stub entity files (kind: other, summary: TODO) for names not yet in the registry.")
    var addEntities = false

    @Flag(name: .long, help: "Write articles whose text nearly repeats an earlier one's (by default they are skipped and listed).")
    var keepDuplicates = false

    func run() throws {
        let options = ImportOptions(into: into, source: source, date: date, title: title, dryRun: dryRun, force: force, addEntities: addEntities,
                                    keepDuplicates: keepDuplicates)
        var shown = false
        let progress: ((Int, Int) -> Void)? = isatty(2) == 1 ? { done, total in
            guard total >= 100 else { return }  // a few pages finish before a bar could help
            shown = true
            ProgressBar.draw(done, total)
        } : nil
        let report = ArticleImporter.run(files, options: options, progress: progress)
        if shown { ProgressBar.clear() }
        var output = report.lines().joined(separator: "\n")
        output += "\n"
        FileHandle.standardOutput.write(Data(output.utf8))
        if report.hasErrors { throw ExitCode(1) }
    }
}

/// A one-line bar on stderr, redrawn in place; only used when stderr is a terminal.
enum ProgressBar {
    static func draw(_ done: Int, _ total: Int) {
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) articles".utf8))
    }

    static func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
