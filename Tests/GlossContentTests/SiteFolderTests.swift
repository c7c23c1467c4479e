import Foundation
import GlossTestSupport
import Testing
@testable import GlossContent

/// One rule for every file read: links inside the site are followed; out of it, looping or
/// broken they are a diagnostic and nothing of their target is read; big files are refused.
@Suite struct SiteFolderTests {
    static let secret = "CANARY-\(UUID().uuidString)"

    /// A folder outside the site with a file holding the canary, and an article-shaped file.
    func outside() throws -> String {
        let folder = NSTemporaryDirectory() + "gloss-outside-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "---\ntitle: \(Self.secret)\ndate: 2024-05-01\n---\n\(Self.secret)\n".write(toFile: folder + "/leak.md", atomically: true, encoding: .utf8)
        try "title: \(Self.secret)\n".write(toFile: folder + "/gloss.yml", atomically: true, encoding: .utf8)
        try "\(Self.secret)".write(toFile: folder + "/leak.css", atomically: true, encoding: .utf8)
        return folder
    }

    func link(_ site: TestSite, _ path: String, to target: String) throws {
        try FileManager.default.createDirectory(atPath: (site.root + "/" + path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root + "/" + path, withDestinationPath: target)
    }

    @Test("links inside the site are followed; links out of it are refused and never read")
    func linksOutOfTheSiteAreRefused() throws {
        let away = try outside()
        defer { try? FileManager.default.removeItem(atPath: away) }
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try site.write("elsewhere/shared.md", "---\ntitle: Shared\ndate: 2024-05-02\n---\nShared text.\n")
        try link(site, "content/articles/shared.md", to: "../../elsewhere/shared.md")
        try link(site, "content/articles/leak.md", to: away + "/leak.md")
        try link(site, "content/articles/away", to: away)
        try link(site, "Templates/assets/leak.css", to: away + "/leak.css")
        try link(site, "Templates/assets/fine.css", to: "../../elsewhere/shared.md")
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        let lines = diagnostics.map(\.description)
        #expect(content?.articles.map(\.slug).sorted() == ["first", "shared"])
        #expect(content?.templates.keys.sorted() == ["assets/fine.css"])
        for path in ["content/articles/leak.md", "content/articles/away", "Templates/assets/leak.css"] {
            #expect(lines.contains { $0.hasPrefix("\(path):1:1: warning: symbolic link to ") && $0.hasSuffix("outside the site folder; not read") }, "\(path): \(lines)")
        }
        #expect(!lines.joined().contains(Self.secret))
        #expect(!"\(String(describing: content))".contains(Self.secret))
    }

    @Test("gloss.yml linked from outside the site is not read")
    func configLinkedFromOutside() throws {
        let away = try outside()
        defer { try? FileManager.default.removeItem(atPath: away) }
        let site = try TestSite("-- content/articles/a.md --\n---\ntitle: A\ndate: 2024-05-01\n---\n")
        defer { site.remove() }
        try link(site, "gloss.yml", to: away + "/gloss.yml")
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        #expect(content == nil)
        #expect(diagnostics.map(\.description).contains { $0.hasPrefix("gloss.yml:1:1: error: symbolic link to ") })
    }

    @Test("loops, links to a folder already read, and broken links are diagnostics; the walk ends")
    func loopsAndBrokenLinks() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try site.write("content/articles/x/a.md", "---\ntitle: X\ndate: 2024-05-01\n---\n")
        try link(site, "content/articles/x/up", to: "..")                // a loop
        try link(site, "content/articles/self.md", to: "self.md")         // a link to itself
        try link(site, "content/articles/gone.md", to: "nowhere.md")      // broken
        // A diamond of links: each level doubles the paths, so without the rule the walk explodes.
        for level in 0..<30 {
            try FileManager.default.createDirectory(atPath: site.root + "/content/entities/d\(level)", withIntermediateDirectories: true)
            try link(site, "content/entities/d\(level)/l", to: "../d\(level + 1)")
            try link(site, "content/entities/d\(level)/r", to: "../d\(level + 1)")
        }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        let lines = diagnostics.map(\.description)
        #expect(lines.contains("content/articles/x/up:1:1: warning: symbolic link to a folder that holds it (a loop); not read"))
        #expect(lines.contains("content/articles/self.md:1:1: warning: symbolic link loop; not read"))
        #expect(lines.contains("content/articles/gone.md:1:1: warning: broken symbolic link; not read"))
        #expect(lines.contains { $0.contains("symbolic link to a folder already read through another link; not read again") })
        #expect(content?.articles.map(\.slug).sorted() == ["a", "first"])
    }

    @Test("files over the limit are refused before they are read, with their size; what is not a file is named")
    func bigFilesAreRefused() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        // Sparse: the size is checked before a byte is read (the hostile site test reads a real one).
        _ = FileManager.default.createFile(atPath: site.root + "/content/articles/big.md", contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: site.root + "/content/articles/big.md"))
        try handle.truncate(atOffset: 52 << 20 + 300 << 10)
        try handle.close()
        try FileManager.default.createDirectory(atPath: site.root + "/content/articles/fifo.md", withIntermediateDirectories: true)
        try FileManager.default.removeItem(atPath: site.root + "/content/articles/fifo.md")
        #expect(mkfifo(site.root + "/content/articles/fifo.md", 0o644) == 0)
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        #expect(diagnostics.map(\.description) == ["content/articles/big.md:1:1: error: file is 52.2 MiB; Gloss reads files of at most 4 MiB",
                                                   "content/articles/fifo.md:1:1: warning: not a regular file; not read"])
        #expect(content?.articles.map(\.slug) == ["first"])
    }

    @Test("line ends: LF, CRLF and lone CR read alike; UTF-8 BOMs are skipped; UTF-16, NUL and empty files are named")
    func encodingsAndLineEnds() throws {
        let site = try TestSite("-- gloss.yml --\ntitle: T")
        defer { site.remove() }
        let text = "---\ntitle: T\ndate: 2024-05-01\ntags: [a]\n---\nShinzo Abe\n\nmet Trump.\n"
        try site.write("content/articles/lf.md", text)
        try site.write("content/articles/crlf.md", text.replacingOccurrences(of: "\n", with: "\r\n"))
        try site.write("content/articles/cr.md", text.replacingOccurrences(of: "\n", with: "\r"))
        try site.write("content/articles/bom.md", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        try site.write("content/articles/utf16.md", bytes: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try site.write("content/articles/nul.md", bytes: Array(text.utf8) + [0, 0x41])
        try site.write("content/articles/empty.md", "")
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        let articles = content?.articles.sorted { $0.slug < $1.slug } ?? []
        #expect(articles.map(\.slug) == ["bom", "cr", "crlf", "lf"])
        #expect(Set(articles.map(\.body)).count == 1 && Set(articles.map(\.bodyLine)) == [6])
        #expect(diagnostics.map(\.description) == [
            "content/articles/empty.md:1:1: error: file is empty",
            "content/articles/nul.md:1:1: error: file contains NUL bytes: it looks binary, not Markdown",
            "content/articles/utf16.md:1:1: error: file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
        ])
    }
}
