import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One fuzz target: what it feeds the input to. Each drives a stage through its public entry
/// point (the loader, the analyser, the tokeniser, the importer), so a rewrite underneath (a new
/// HTML parser, say) is fuzzed without touching the target. A target fails only by crashing:
/// a trap, a sanitizer report, or a broken promise checked with `require`.
struct FuzzTarget: Sendable {
    let name: String
    let summary: String
    let run: @Sendable ([UInt8]) -> Void

    static let all: [FuzzTarget] = [
        FuzzTarget(name: "frontmatter", summary: "one file as gloss.yml, article, entity, note and digest, through SiteLoader.load",
                   run: ContentTargets.frontMatter),
        FuzzTarget(name: "markdown", summary: "an article body with two notes quoting it, through SiteLoader.load and SiteAnalyser.analyse",
                   run: ContentTargets.markdown),
        FuzzTarget(name: "search", summary: "SearchTokenizer.tokens and fold", run: SearchTarget.run),
        FuzzTarget(name: "import-text", summary: "a scraped .txt page through ArticleImporter.run", run: ImportTargets.reader("txt")),
        FuzzTarget(name: "import-html", summary: "a saved .html page through ArticleImporter.run (and parsed with and without its scripts' text: the same tree)", run: ImportTargets.reader("html")),
        FuzzTarget(name: "import-feed", summary: "an RSS or Atom .xml feed through ArticleImporter.run", run: ImportTargets.reader("xml")),
        FuzzTarget(name: "import-csv", summary: "a .csv batch through ArticleImporter.run", run: ImportTargets.reader("csv")),
        FuzzTarget(name: "import-jsonl", summary: "a .jsonl batch through ArticleImporter.run", run: ImportTargets.reader("jsonl")),
    ]

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    static var list: String { all.map { "  \($0.name): \($0.summary)" }.joined(separator: "\n") }
}

/// A promise the code under test broke: reported like a crash, with the reason.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data("GlossFuzz: broken promise: \(message())\n".utf8))
        abort()
    }
}

/// A folder of this process's own (in memory when /dev/shm exists), for targets that go
/// through files as the real entry points do.
enum ScratchFolder {
    static let root: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
        let path = base + "gloss-fuzz-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: ScratchFolder.root) }
        return path
    }()

    /// Writes `bytes` to `path` (relative to `root`) in place, keeping the file's inode, so hard
    /// links to it see the new bytes too.
    static func write(_ path: String, _ bytes: [UInt8]) {
        let full = root + "/" + path
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { fatalError("GlossFuzz: cannot write \(full)") }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard written > 0 else { fatalError("GlossFuzz: cannot write \(full)") }
            offset += written
        }
        close(fd)
    }

    static func write(_ path: String, _ text: String) { write(path, Array(text.utf8)) }
}

extension FuzzTarget {
    /// Runs each input (files, or every file in a folder) through the target named first.
    static func replay(_ arguments: [String]) {
        guard let name = arguments.first, let target = named(name) else {
            FileHandle.standardError.write(Data("usage: GlossFuzz TARGET FILE_OR_FOLDER...\ntargets:\n\(list)\n".utf8))
            exit(2)
        }
        var inputs: [String] = []
        for path in arguments.dropFirst() {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                inputs += ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
            } else {
                inputs.append(path)
            }
        }
        for input in inputs {
            guard let data = FileManager.default.contents(atPath: input) else { continue }
            target.run([UInt8](data))
        }
        print("\(target.name): \(inputs.count) inputs ran")
    }
}
