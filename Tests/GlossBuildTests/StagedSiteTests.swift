import Foundation
import GlossContent
import Testing
@testable import GlossBuild

/// `gloss build` writes pages while it renders them: the old site must stay as it was until the
/// build is whole, and a failed build must leave nothing behind.
@Suite struct StagedSiteTests {
    typealias Place = SiteWriterTests.Place

    @Test func filesAddedFromManyThreadsReplaceTheSiteOnlyAtFinish() throws {
        let place = try Place()
        defer { place.remove() }
        try SiteWriter.write(SiteWriterTests.old, to: place.output, source: nil)
        let pages = (0..<200).map { OutputFile(path: "p/\($0 % 7)/\($0)/index.html", text: "page \($0)\n") }
        let staged = try StagedSite(output: place.output, source: nil)
        DispatchQueue.concurrentPerform(iterations: pages.count) { staged.add([pages[$0]]) }
        #expect(place.site() == place.text(SiteWriterTests.old))  // not yet
        staged.add([OutputFile(path: "index.html", text: "new\n")])
        let outcome = try staged.finish()
        #expect(outcome.files == 201)
        #expect(place.site() == place.text(pages + [OutputFile(path: "index.html", text: "new\n")]))
        #expect(place.beside == [".site.gloss-lock", "site"])
    }

    /// A disk file (a spooled export, a static file) is copied and compared a piece at a time:
    /// larger than a piece, it arrives whole; the same bytes again keep the old copy; a change
    /// in its last piece is seen.
    @Test func aLargeDiskFileIsCopiedAndComparedInPieces() throws {
        let place = try Place()
        defer { place.remove() }
        let size = OutputFolder.pieceSize * 2 + 12_345
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        let source = place.root + "/export.json"
        func build(_ bytes: [UInt8]) throws -> (outcome: SiteWriter.Outcome, inode: UInt64) {
            try Data(bytes).write(to: URL(fileURLWithPath: source))
            let staged = try StagedSite(output: place.output, source: nil, options: .init(reuseUnchanged: true))
            staged.add([OutputFile(path: "data/export.json", disk: .init(path: source, version: "v"))])
            let outcome = try staged.finish()
            #expect(FileManager.default.contents(atPath: place.output + "/data/export.json") == Data(bytes))
            let attributes = try FileManager.default.attributesOfItem(atPath: place.output + "/data/export.json")
            return (outcome, (attributes[.systemFileNumber] as? UInt64) ?? 0)
        }
        let first = try build(bytes)
        #expect(first.outcome.added == ["data/export.json"])
        let same = try build(bytes)
        #expect(same.outcome.updated.isEmpty && same.inode == first.inode)
        var changed = bytes
        changed[size - 1] &+= 1
        let edited = try build(changed)
        #expect(edited.outcome.updated == ["data/export.json"] && edited.inode != first.inode)
    }

    @Test func abandonLeavesTheOldSiteAndNoStagingFolder() throws {
        let place = try Place()
        defer { place.remove() }
        try SiteWriter.write(SiteWriterTests.old, to: place.output, source: nil)
        let staged = try StagedSite(output: place.output, source: nil)
        staged.add(SiteWriterTests.new)
        staged.abandon()
        #expect(place.site() == place.text(SiteWriterTests.old))
        #expect(place.beside == [".site.gloss-lock", "site"])
        // The lock is free again: the next writer does not wait.
        try SiteWriter.write(SiteWriterTests.new, to: place.output, source: nil)
        #expect(place.site() == place.text(SiteWriterTests.new))
    }

    @Test func aStagedSiteDroppedUnfinishedLeavesNothingBehind() throws {
        let place = try Place()
        defer { place.remove() }
        try SiteWriter.write(SiteWriterTests.old, to: place.output, source: nil)
        do {
            let staged = try StagedSite(output: place.output, source: nil)
            staged.add(SiteWriterTests.new)
        }
        #expect(place.site() == place.text(SiteWriterTests.old))
        #expect(place.beside == [".site.gloss-lock", "site"])
    }

    @Test func anUnsafePathFailsTheWholeSiteAtFinish() throws {
        let place = try Place()
        defer { place.remove() }
        try SiteWriter.write(SiteWriterTests.old, to: place.output, source: nil)
        let staged = try StagedSite(output: place.output, source: nil)
        staged.add(SiteWriterTests.new + [OutputFile(path: "../escape.html", text: "x")])
        #expect(throws: SiteWriter.WriteError.self) { try staged.finish() }
        #expect(place.site() == place.text(SiteWriterTests.old))
        #expect(place.beside == [".site.gloss-lock", "site"])
        #expect(!FileManager.default.fileExists(atPath: place.root + "/www/escape.html"))
    }

    /// What `gloss build` does: the pages through the sink, the rest after, one site.
    @Test func aBuildWithASinkWritesTheSameSiteAsOneWithout() throws {
        let place = try Place()
        defer { place.remove() }
        let source = GoldenSiteTests.repo  // the sample digest
        let whole = try #require(SiteBuilder.build(BuildOptions(source: source)).files)
        try SiteWriter.write(whole, to: place.root + "/whole", source: source)
        let staged = try StagedSite(output: place.output, source: source)
        let streamed = SiteBuilder.build(BuildOptions(source: source), sink: staged.add)
        let rest = try #require(streamed.files)
        #expect(!streamed.written.isEmpty && rest.count + streamed.written.count == whole.count)
        staged.add(rest)
        try staged.finish()
        #expect(place.site() == place.site(place.root + "/whole"))
    }
}
