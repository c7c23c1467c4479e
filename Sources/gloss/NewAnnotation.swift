import ArgumentParser
import Foundation
import GlossAnalysis
import GlossContent

/// `gloss new annotation <article> "<quote>"`: writes the note file only once the quote anchors.
struct NewAnnotation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotation",
        abstract: "Add content/annotations/<article>/<name>.md after checking that the quote anchors.")

    @Argument(help: "The article's slug.")
    var article: String

    @Argument(help: "The passage to annotate, copied from the article.")
    var quote: String

    @Option(name: .long, help: "Which repeat of the quote (from 1), when it occurs more than once.")
    var occurrence: Int?

    @Option(name: .long, help: "note, context, fact-check, correction or analysis.")
    var kind: String = "note"

    @Option(name: .long, help: "The note's author.")
    var author: String?

    @Option(name: .long, help: "The note's file name, without .md (default: made from the quote).")
    var name: String?

    @OptionGroup var options: NewFileOptions

    func validate() throws {
        guard Annotation.Kind(rawValue: kind) != nil else {
            throw ValidationError("--kind must be one of: \(Annotation.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let name, !Slug.isValid(name) { throw ValidationError("--name must match [a-z0-9][a-z0-9-]*") }
    }

    func run() throws {
        let (content, diagnostics) = SiteLoader.load(from: options.source, includeDrafts: true)
        guard let site = content, let target = site.articles.first(where: { $0.slug == article }) else {
            diagnostics.filter { $0.severity == .error }.forEach { Report.line($0.description) }
            Report.line("error: no article `\(article)` in \(options.source)/content/articles")
            throw ExitCode(1)
        }
        let outcome = AnnotationDraft.prepare(quote: quote, occurrence: occurrence, kind: Annotation.Kind(rawValue: kind) ?? .note,
                                              author: author, date: SiteScaffold.today(), article: target, config: site.config)
        switch outcome {
        case .rejected(let message):
            Report.line("error: \(message)")
            throw ExitCode(1)
        case .ready(let file, let message):
            let folder = "content/annotations/\(article)"
            let base = name ?? String(Slug.make(from: quote).split(separator: "-").prefix(6).joined(separator: "-"))
            var stem = base.isEmpty ? "note" : base
            var suffix = 2
            while FileManager.default.fileExists(atPath: "\(options.source)/\(folder)/\(stem).md") {
                stem = "\(base)-\(suffix)"
                suffix += 1
            }
            try FileManager.default.createDirectory(atPath: "\(options.source)/\(folder)", withIntermediateDirectories: true)
            try Data(file.utf8).write(to: URL(fileURLWithPath: "\(options.source)/\(folder)/\(stem).md"))
            Report.line(message)
            print(options.source == "." ? "\(folder)/\(stem).md" : "\(options.source)/\(folder)/\(stem).md")
        }
    }
}
