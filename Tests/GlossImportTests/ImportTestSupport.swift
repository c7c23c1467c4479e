import Foundation
import GlossTestSupport
@testable import GlossImport

/// Fixture files live beside the tests (Package.swift declares no resources), found from #filePath.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    /// Tests/GlossImportTests/X.swift → the repository root.
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let seedName = "000_8b9952c7fdd38c50.txt"
    static let seedPath = folder + "/seed-" + seedName
    /// The shared copy of the seed (CI clones the repo beside shared/); nil when it is not there.
    static var sharedSeedPath: String? {
        let path = (repoRoot as NSString).deletingLastPathComponent + "/shared/seeds/" + seedName
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
    static let seedTitle = "Abe and Trump Prepare New Round of Trade Talks After Trump Tower Dinner"

    static func text(_ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: folder + "/" + name) ?? Data(), as: UTF8.self)
    }

    /// The body of a Markdown file with front matter, as paragraphs.
    static func paragraphs(ofArticle text: String) -> [String] {
        let parts = text.components(separatedBy: "\n---\n")
        let body = parts.count > 1 ? parts.dropFirst().joined(separator: "\n---\n") : text
        return body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}

/// A scratch folder with files written from strings or bytes, removed by the caller.
struct Scratch {
    let root = NSTemporaryDirectory() + "gloss-import-test-" + UUID().uuidString

    init() {
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, bytes: Array(text.utf8)) }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let path = root + "/" + name
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + name).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + name) }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Imports into `<root>/articles` with the given options, dry run unless told otherwise.
    func importFiles(_ paths: [String], dryRun: Bool = true, configure: (inout ImportOptions) -> Void = { _ in }) -> ImportReport {
        var options = ImportOptions(into: root + "/articles", dryRun: dryRun, today: "2024-01-01")
        configure(&options)
        return ArticleImporter.run(paths, options: options)
    }
}

extension ImportReport {
    var onlyArticle: ImportReport.ArticleEntry? { articles.count == 1 ? articles[0] : nil }
}

/// Cleans a page given as lines of text, the way a raw-text import does.
func clean(_ text: String, title: String? = nil, author: String? = nil) -> CleanedPage {
    let lines = TextNormaliser.lines(text).enumerated().map { SourceLine(plain: $0.element, line: $0.offset + 1) }
    return ScrapedPageCleaner(knownTitle: title, knownAuthor: author).clean(lines)
}
