import GlossContent
import Foundation
import GlossRender
@testable import GlossPublish

/// A temporary folder for one test, removed at the end.
struct Scratch {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "gloss-publish-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + relative) }

    /// Entries of a folder, hidden ones too.
    func entries(_ relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []).sorted()
    }
}

/// A small built site, and a later version of it.
enum Sites {
    static let first: [OutputFile] = [
        OutputFile(path: "index.html", text: "<h1>Home</h1>\n"),
        OutputFile(path: "articles/a/index.html", text: "<h1>A</h1>\n"),
        OutputFile(path: "articles/b/index.html", text: "<h1>B</h1>\n"),
        OutputFile(path: "assets/gloss.css", text: "body{}\n"),
    ]
    /// index.html changed, articles/b removed, articles/c added, the rest the same.
    static let second: [OutputFile] = [
        OutputFile(path: "index.html", text: "<h1>Home, again</h1>\n"),
        OutputFile(path: "articles/a/index.html", text: "<h1>A</h1>\n"),
        OutputFile(path: "articles/c/index.html", text: "<h1>C</h1>\n"),
        OutputFile(path: "assets/gloss.css", text: "body{}\n"),
    ]
    static let secondChanges = ChangeReport(added: ["articles/c/index.html"], updated: ["index.html"], removed: ["articles/b/index.html"])
}

/// Runs git in a folder and returns its trimmed output; fails loudly.
@discardableResult
func git(_ arguments: [String], in folder: String) throws -> String {
    let result = try Command(["git", "-C", folder] + arguments).run()
    guard result.status == 0 else { throw PublishError("git \(arguments.joined(separator: " ")): \(result.errorText)") }
    return result.text.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// A lock-protected value shared with a background thread.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.lock(); defer { lock.unlock() }; return value }
    func update(_ change: (inout Value) -> Void) { lock.lock(); change(&value); lock.unlock() }
}
