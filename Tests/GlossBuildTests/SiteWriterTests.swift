import Foundation
import GlossContent
import GlossTestSupport
import Testing
@testable import GlossBuild

/// The writer shared by `gloss build` and `gloss publish --to`. Killing real processes at random
/// moments is Tests/crash-safety/crash_test.py; these tests set up each state a killed writer
/// can leave and check what the next one does with it.
@Suite struct SiteWriterTests {
    static let old = [OutputFile(path: "index.html", text: "old\n"), OutputFile(path: "a/index.html", text: "a\n")]
    static let new = [OutputFile(path: "index.html", text: "new\n"), OutputFile(path: "b/c/index.html", text: "c\n")]

    /// A folder to write into, inside a fresh temporary folder.
    struct Place {
        let root: String
        var output: String { root + "/www/site" }
        init() throws {
            root = NSTemporaryDirectory() + "gloss-writer-test-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: root + "/www", withIntermediateDirectories: true)
        }
        func remove() { try? FileManager.default.removeItem(atPath: root) }
        /// Every file under the output with its text.
        func site(_ folder: String? = nil) -> [String: String] {
            let folder = folder ?? output
            return Dictionary(uniqueKeysWithValues: OutputFolder.list(folder).map {
                ($0, String(decoding: FileManager.default.contents(atPath: folder + "/" + $0) ?? Data(), as: UTF8.self))
            })
        }
        func text(_ files: [OutputFile]) -> [String: String] {
            Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        }
        /// What sits beside the output, hidden entries included.
        var beside: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: root + "/www")) ?? []).sorted() }
    }

    @Test func replacesTheOutputAndLeavesOnlyItsLockFileBeside() throws {
        let place = try Place()
        defer { place.remove() }
        try SiteWriter.write(Self.old, to: place.output, source: nil)
        try SiteWriter.write(Self.new, to: place.output, source: nil)
        #expect(place.site() == place.text(Self.new))
        #expect(place.beside == [".site.gloss-lock", "site"])
    }

    /// Only files whose bytes change are written: the others, an empty one included, are hard
    /// links to the old copies; a file of the same size with other bytes is rewritten.
    @Test func filesWithTheSameBytesAreLinkedAndTheOthersRewritten() throws {
        let place = try Place()
        defer { place.remove() }
        let before = [OutputFile(path: "index.html", text: "same\n"), OutputFile(path: "a.txt", text: "abc\n"),
                      OutputFile(path: "empty.txt", text: ""), OutputFile(path: "gone.txt", text: "x"), OutputFile(path: "b.txt", text: "short")]
        let after = [OutputFile(path: "index.html", text: "same\n"), OutputFile(path: "a.txt", text: "abd\n"),
                     OutputFile(path: "empty.txt", text: ""), OutputFile(path: "b.txt", text: "longer"), OutputFile(path: "new.txt", text: "n")]
        try SiteWriter.write(before, to: place.output, source: nil)
        func inode(_ path: String) -> UInt64 {
            var info = stat()
            return stat(place.output + "/" + path, &info) == 0 ? UInt64(info.st_ino) : 0
        }
        let old = ["index.html", "empty.txt", "a.txt"].map(inode)
        let outcome = try SiteWriter.write(after, to: place.output, source: nil, options: .init(reuseUnchanged: true))
        #expect(outcome.added == ["new.txt"] && outcome.updated == ["a.txt", "b.txt"] && outcome.removed == ["gone.txt"])
        #expect(["index.html", "empty.txt", "a.txt"].map(inode) == [old[0], old[1], inode("a.txt")] && inode("a.txt") != old[2])
        #expect(place.site() == place.text(after))
    }

    @Test func theTwoRenameFallbackGivesTheSameResult() throws {
        let place = try Place()
        defer { place.remove() }
        try SiteWriter.write(Self.old, to: place.output, source: nil, options: .init(), method: .renames)
        try SiteWriter.write(Self.new, to: place.output, source: nil, options: .init(), method: .renames)
        #expect(place.site() == place.text(Self.new))
        #expect(place.beside == [".site.gloss-lock", "site"])
    }

    /// Killed while writing (a partial `-new-` folder) or after the exchange while deleting the
    /// previous site (a partial `-new-` folder too): the next writer deletes it and says so.
    @Test func theNextWriterRemovesWhatAKilledOneLeft() throws {
        let place = try Place()
        defer { place.remove() }
        try SiteWriter.write(Self.old, to: place.output, source: nil)
        try OutputFolder.write([OutputFile(path: "half/index.html", text: "partial")], into: place.root + "/www/.site.gloss-new-999999")
        try OutputFolder.write(Self.old, into: place.root + "/www/.site.gloss-old-999998")
        let outcome = try SiteWriter.write(Self.new, to: place.output, source: nil)
        #expect(outcome.leftovers.map { ($0 as NSString).lastPathComponent } == [".site.gloss-new-999999", ".site.gloss-old-999998"])
        #expect(place.site() == place.text(Self.new))
        #expect(place.beside == [".site.gloss-lock", "site"])
    }

    /// The fallback's only window: killed between moving the old site aside and moving the new
    /// one in. The output is missing until the next writer puts the old site back.
    @Test func aPreviousSiteMovedAsideIsPutBackBeforeAnythingElse() throws {
        let place = try Place()
        defer { place.remove() }
        try SiteWriter.write(Self.old, to: place.output, source: nil)
        #expect(rename(place.output, place.root + "/www/.site.gloss-old-4242") == 0)
        try OutputFolder.write(Self.new, into: place.root + "/www/.site.gloss-new-4242")
        try FolderSwap.recover(place.output)
        #expect(place.site() == place.text(Self.old), "the old site, whole, not the unfinished new one")
        #expect(place.beside == [".site.gloss-lock", "site"])
    }

    @Test func aFailedWriteLeavesTheOldSiteAndNoTemporaryFolder() throws {
        let place = try Place()
        defer { place.remove() }
        try SiteWriter.write(Self.old, to: place.output, source: nil)
        // A file and a folder of the same name: the second cannot be written.
        let clash = [OutputFile(path: "x", text: "file"), OutputFile(path: "x/index.html", text: "in a folder")]
        #expect {
            try SiteWriter.write(clash, to: place.output, source: nil)
        } throws: { error in
            "\(error)".contains("could not") && "\(error)".hasSuffix("\(place.output) is left as it was")
        }
        #expect(place.site() == place.text(Self.old))
        #expect(place.beside == [".site.gloss-lock", "site"])
    }

    /// Another writer holds the lock: this one says so, waits, and only then writes. The writer
    /// runs on a thread of its own: on a task it could wait behind other tests holding the
    /// cooperative pool's few threads (seen once as no message within 20 s on two cores).
    @Test func aSecondWriterWaitsForTheLock() throws {
        let place = try Place()
        defer { place.remove() }
        try SiteWriter.write(Self.old, to: place.output, source: nil)
        var holder: OutputLock? = try OutputLock(beside: place.output, onWait: nil)
        let heard = Locked<[String]>([])
        let failure = Locked<String?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let output = place.output
        Thread {
            do {
                try SiteWriter.write(Self.new, to: output, source: nil, options: .init(onWait: { message in heard.withLock { $0.append(message) } }))
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            finished.signal()
        }.start()
        let deadline = ContinuousClock.now + .seconds(20)
        while heard.current.isEmpty && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.005) }
        #expect(heard.current.count == 1)
        #expect(heard.current.first?.hasPrefix("waiting for another gloss (pid \(getpid())) that is writing \(place.output) to finish") == true)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(place.site() == place.text(Self.old), "nothing is written while the lock is held")
        withExtendedLifetime(holder) {}
        holder = nil
        #expect(finished.wait(timeout: .now() + 60) == .success)
        #expect(failure.current == nil)
        #expect(place.site() == place.text(Self.new))
    }

    @Test func refusesToReplaceSomethingThatIsNotABuiltSite() throws {
        let place = try Place()
        defer { place.remove() }
        try FileManager.default.createDirectory(atPath: place.output + "/.git", withIntermediateDirectories: true)
        #expect(throws: SiteWriter.WriteError.self) { try SiteWriter.write(Self.new, to: place.output, source: nil) }
        #expect(FileManager.default.fileExists(atPath: place.output + "/.git"))
        #expect(throws: SiteWriter.WriteError.self) { try SiteWriter.write(Self.new, to: "/", source: nil) }
        #expect(throws: SiteWriter.WriteError.self) { try SiteWriter.write(Self.new, to: place.root, source: place.root + "/www/site") }
    }
}

/// A value shared with a detached task.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    var current: Value { lock.lock(); defer { lock.unlock() }; return value }
    func withLock(_ change: (inout Value) -> Void) { lock.lock(); change(&value); lock.unlock() }
}
