import Foundation
import GlossBuild
import GlossRender
import GlossTestSupport
import Testing
@testable import GlossPublish

/// A site with a draft and a note, for production builds.
let publishableSite = TestSite.minimal + """

-- content/articles/draft.md --
---
title: Not ready
date: 2024-05-02
draft: true
---
Still being written.
-- content/annotations/first/meeting.md --
---
quote: "met Donald Trump"
kind: context
---
The two leaders met at Trump Tower.
"""

@Suite struct PublisherTests {
    @Test func aProductionBuildLeavesOutDraftsAndUsesTheBaseURL() throws {
        let site = try TestSite(publishableSite)
        defer { site.remove() }
        let result = Publisher.build(PublishOptions(source: site.root, baseURL: "https://example.org/digest"))
        let files = try #require(result.files, "\(result.diagnostics)")
        #expect(!files.contains { $0.path.hasPrefix("articles/draft/") })
        #expect(files.contains { $0.path == "articles/first/index.html" })
        let article = try #require(files.first { $0.path == "articles/first/index.html" })
        #expect(article.textValue.contains("https://example.org/digest/articles/first/"), "canonical links use --base-url")
    }

    @Test func anUnanchoredNoteStopsAProductionBuild() throws {
        let site = try TestSite(publishableSite)
        defer { site.remove() }
        try site.write("content/annotations/first/lost.md", "---\nquote: \"words that are nowhere\"\n---\nLost.\n")
        let result = Publisher.build(PublishOptions(source: site.root))
        #expect(result.files == nil)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.file.hasSuffix("lost.md") })
    }

    @Test func minifyShrinksPagesAndKeepsTheirText() throws {
        let site = try TestSite(publishableSite)
        defer { site.remove() }
        let plain = try #require(Publisher.build(PublishOptions(source: site.root)).files)
        let minified = try #require(Publisher.build(PublishOptions(source: site.root, minify: true)).files)
        #expect(plain.map(\.path) == minified.map(\.path))
        let before = plain.filter { $0.path.hasSuffix(".html") }.reduce(0) { $0 + $1.bytes.count }
        let after = minified.filter { $0.path.hasSuffix(".html") }.reduce(0) { $0 + $1.bytes.count }
        #expect(after <= before)
        let page = try #require(minified.first { $0.path == "articles/first/index.html" })
        #expect(page.textValue.contains("Shinzo Abe</a> <mark"))
        #expect(plain.first { $0.path == "assets/gloss.css" } == minified.first { $0.path == "assets/gloss.css" })
    }

    @Test func deployGoesWhereTheDestinationSays() throws {
        let site = try TestSite(publishableSite)
        defer { site.remove() }
        let files = try #require(Publisher.build(PublishOptions(source: site.root)).files)
        let changes = try Publisher.deploy(files, to: .folder(site.root + "/public"), source: site.root)
        #expect(changes.added.count == files.count)
        #expect(site.read("public/articles/first/index.html") != nil)
        #expect(throws: PublishError.self) { try Publisher.deploy(files, to: .folder(site.root), source: site.root) }
    }
}

/// `gloss publish` as users run it.
@Suite struct PublishCommandTests {
    /// `swift test` runs from the build folder that also holds the `gloss` product.
    static let gloss = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/gloss"

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try #require(FileManager.default.isExecutableFile(atPath: gloss), "build the gloss product first (swift build --product gloss)")
        let result = try Command([gloss] + arguments).run()
        return (result.status, result.text, String(decoding: result.errors, as: UTF8.self))
    }

    @Test func publishesToAFolderAndPrintsWhatChanged() throws {
        let site = try TestSite(publishableSite)
        defer { site.remove() }
        let out = site.root + "/www/digest"
        let first = try Self.run(["publish", "--source", site.root, "--base-url", "https://example.org/digest/", "--to", out])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("added   articles/first/index.html\n"))
        #expect(!first.stdout.contains("draft"))
        #expect(first.stderr.contains("published") && first.stderr.contains("0 updated, 0 removed"))
        #expect(site.read("www/digest/articles/first/index.html") != nil)

        try site.write("content/articles/first.md", "---\ntitle: First article\ndate: 2024-05-01\ntags: [trade]\n---\nShinzo Abe met Donald Trump in New York again.\n")
        let second = try Self.run(["publish", "--source", site.root, "--base-url", "https://example.org/digest/", "--to", out])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("updated articles/first/index.html\n"))
        #expect(!second.stdout.contains("added "))

        let again = try Self.run(["publish", "--source", site.root, "--base-url", "https://example.org/digest/", "--to", out])
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.contains("already up to date"))
    }

    @Test func aFailedBuildPublishesNothing() throws {
        let site = try TestSite(publishableSite)
        defer { site.remove() }
        let out = site.root + "/www/digest"
        #expect(try Self.run(["publish", "--source", site.root, "--to", out]).status == 0)
        let before = site.read("www/digest/index.html")
        try site.write("content/annotations/first/lost.md", "---\nquote: \"words that are nowhere\"\n---\nLost.\n")
        let failed = try Self.run(["publish", "--source", site.root, "--to", out])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("lost.md"))
        #expect(failed.stderr.contains("nothing was published"))
        #expect(site.read("www/digest/index.html") == before)
    }

    @Test func exactlyOneDestination() throws {
        let none = try Self.run(["publish", "--source", "."])
        #expect(none.status != 0 && none.stderr.contains("choose exactly one"))
        let two = try Self.run(["publish", "--to", "/tmp/x", "--rsync", "/tmp/y"])
        #expect(two.status != 0 && two.stderr.contains("choose exactly one"))
        let remote = try Self.run(["publish", "--to", "/tmp/x", "--remote", "origin"])
        #expect(remote.status != 0 && remote.stderr.contains("--remote only goes with --git-branch"))
        let url = try Self.run(["publish", "--to", "/tmp/x", "--base-url", "example.org/digest"])
        #expect(url.status != 0 && url.stderr.contains("--base-url"))
    }
}
