import Foundation
import GlossTestSupport
import Testing
@testable import GlossContent

@Suite struct LoadCacheTests {
    static let site = """
    -- gloss.yml --
    title: Cache
    -- content/articles/2024/one.md --
    ---
    title: One
    date: 2024-05-01
    ---
    First.
    -- content/articles/2024/two.md --
    ---
    title: Two
    date: 2024-05-02
    ---
    Second.
    """

    static func titles(_ root: String, _ cache: LoadCache) -> [String] {
        SiteLoader.load(from: root, cache: cache).content?.articles.map(\.title).sorted() ?? []
    }

    static func write(_ site: TestSite, _ slug: String, title: String, day: Int) throws {
        Thread.sleep(forTimeInterval: 0.01)  // a new modification time, whatever the file system's resolution
        try site.write("content/articles/2024/\(slug).md", "---\ntitle: \(title)\ndate: 2024-05-0\(day)\n---\nText.\n")
    }

    /// Without a note of changes every file is checked on disk.
    @Test func withoutANoteEveryFileIsChecked() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        let cache = LoadCache()
        #expect(Self.titles(site.root, cache) == ["One", "Two"])
        try Self.write(site, "one", title: "One, edited", day: 1)
        #expect(Self.titles(site.root, cache) == ["One, edited", "Two"])
    }

    /// A watcher's note names what changed: those files, and everything below a noted folder,
    /// are read again; the last listing of files is kept only while the changes are edits of
    /// files it holds, so additions and deletions always show.
    @Test func aNoteOfChangesIsFollowedAndListingStaysFresh() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        let cache = LoadCache()
        _ = Self.titles(site.root, cache)
        try Self.write(site, "two", title: "Two, edited", day: 2)
        cache.noteChanges(["content/articles/2024/two.md"])
        #expect(Self.titles(site.root, cache) == ["One", "Two, edited"])

        try Self.write(site, "one", title: "One, edited", day: 1)
        try Self.write(site, "three", title: "Three", day: 3)
        cache.noteChanges(["content/articles/2024"])
        #expect(Self.titles(site.root, cache) == ["One, edited", "Three", "Two, edited"])

        try FileManager.default.removeItem(atPath: site.root + "/content/articles/2024/three.md")
        cache.noteChanges(["content/articles/2024/three.md"])
        #expect(Self.titles(site.root, cache) == ["One, edited", "Two, edited"])

        // A noted file the last listing lacks, or one that became a link, means a new listing.
        try Self.write(site, "four", title: "Four", day: 4)
        cache.noteChanges(["content/articles/2024/four.md"])
        #expect(Self.titles(site.root, cache) == ["Four", "One, edited", "Two, edited"])
        let outside = NSTemporaryDirectory() + "gloss-outside-\(UUID().uuidString).md"
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.moveItem(atPath: site.root + "/content/articles/2024/four.md", toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/articles/2024/four.md", withDestinationPath: outside)
        cache.noteChanges(["content/articles/2024/four.md"])
        #expect(Self.titles(site.root, cache) == ["One, edited", "Two, edited"])

        // A note is used once: the next load checks everything again.
        try Self.write(site, "two", title: "Two, again", day: 2)
        #expect(Self.titles(site.root, cache) == ["One, edited", "Two, again"])
    }
}
