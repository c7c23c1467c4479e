import Foundation

/// A whole site written inline, Hugo-style, so a test reads like the bug report behind it:
///
///     -- gloss.yml --
///     title: T
///     -- content/articles/a.md --
///     ---
///     title: A
///     ...
public struct TestSite {
    public let root: String

    public init(_ archive: String) throws {
        root = NSTemporaryDirectory() + "gloss-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var path: String?
        var lines: [Substring] = []
        func flush() throws {
            guard let path else { return }
            try write(path, lines.joined(separator: "\n") + "\n")
        }
        for line in archive.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                try flush()
                path = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(line)
            }
        }
        try flush()
    }

    public func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    public func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// A small valid site to start tests from.
    public static let minimal = """
    -- gloss.yml --
    title: Test Digest
    -- content/articles/first.md --
    ---
    title: First article
    date: 2024-05-01
    tags: [trade]
    ---
    Shinzo Abe met Donald Trump in New York.
    -- content/entities/shinzo-abe.md --
    ---
    name: Shinzo Abe
    kind: person
    aliases: [Abe]
    ---
    Prime Minister of Japan.
    -- content/entities/donald-trump.md --
    ---
    name: Donald Trump
    kind: person
    aliases: [Trump]
    ---
    President of the United States.
    """
}
