import Foundation
import GlossTestSupport
import Testing

/// The `gloss` binary as users run it: exit status, diagnostics format, output swap.
@Suite struct CommandLineTests {
    /// `swift test` runs from the build folder that also holds the `gloss` product (`make test` builds it first).
    static let gloss = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/gloss"

    static func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gloss)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `.gloss-cache/build-*`: a build after no change says so and writes nothing; any change (an
    /// edit that keeps the file's time, the output touched, another binary) or a cache that is
    /// truncated, garbled or gone means a full build, and the output is always a fresh build's.
    @Test func aBuildAfterNoChangeSaysSoAndAStaleCacheNeverGivesWrongOutput() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        let build = { try Self.run(["build", "--source", site.root]) }
        let first = try build()
        #expect(first.status == 0 && first.stderr.contains("built "))
        let again = try build()
        #expect(again.status == 0 && again.stderr.contains("is up to date"))
        // Its warnings are said again.
        #expect(again.stderr.contains("warning: no `base_url`"))

        let article = site.root + "/content/articles/first.md"
        let time = try #require(try FileManager.default.attributesOfItem(atPath: article)[.modificationDate] as? Date)
        try site.write("content/articles/first.md", try #require(site.read("content/articles/first.md")).replacingOccurrences(of: "New York", with: "Osaka"))
        try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: article)
        #expect(try build().stderr.contains("built "))
        #expect(site.read("site/articles/first/index.html")?.contains("Osaka") == true)

        try site.write("site/index.html", "edited by hand")
        #expect(try build().stderr.contains("built "))
        #expect(site.read("site/index.html") != "edited by hand")

        let stamps = try FileManager.default.contentsOfDirectory(atPath: site.root + "/.gloss-cache").filter { $0.hasPrefix("build-") }
        #expect(stamps.count == 1)
        for damage in ["", "gloss build stamp 1\n", "gloss build stamp 1\nabc\n/x\n", String(repeating: "\u{0}", count: 64)] {
            try site.write(".gloss-cache/" + stamps[0], damage)
            #expect(try build().stderr.contains("built "), "cache: \(damage.debugDescription)")
        }
        // Two output folders built in turn each stay up to date.
        let second = site.root + "/second"
        #expect(try Self.run(["build", "--source", site.root, "--output", second]).stderr.contains("built "))
        #expect(try build().stderr.contains("is up to date"))
        #expect(try Self.run(["build", "--source", site.root, "--output", second]).stderr.contains("is up to date"))
        try FileManager.default.removeItem(atPath: second)
        try FileManager.default.removeItem(atPath: site.root + "/.gloss-cache")
        #expect(try build().stderr.contains("built "))

        // Another binary (a new version is a new file) builds again.
        let copy = NSTemporaryDirectory() + "gloss-copy-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Self.gloss, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let other = Process()
        other.executableURL = URL(fileURLWithPath: copy)
        other.arguments = ["build", "--source", site.root]
        let pipe = Pipe()
        other.standardError = pipe
        try other.run()
        let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        other.waitUntilExit()
        #expect(said.contains("built "))

        // Every output equals a fresh build's.
        let fresh = site.root + "/fresh"
        #expect(try Self.run(["build", "--source", site.root, "--output", fresh, "--no-cache"]).status == 0)
        let names = try FileManager.default.subpathsOfDirectory(atPath: fresh).sorted()
        #expect(names == (try FileManager.default.subpathsOfDirectory(atPath: site.root + "/site").sorted()))
        for name in names {
            #expect(FileManager.default.contentsEqual(atPath: fresh + "/" + name, andPath: site.root + "/site/" + name), "\(name)")
        }
    }

    @Test func buildReportsEveryErrorWithItsPlaceAndExitsOne() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        #expect(try Self.run(["build", "--source", site.root]).status == 0)
        let before = site.read("site/index.html")
        try site.write("content/articles/a.md", "---\ntitle: A\ndate: someday\n---\n")
        try site.write("content/entities/x.md", "---\nkind: person\n---\n")
        let (status, stderr) = try Self.run(["build", "--source", site.root])
        #expect(status == 1)
        #expect(stderr.contains("content/articles/a.md:3:7: error: `date`: invalid date \"someday\""))
        #expect(stderr.contains("content/entities/x.md:1:1: error: missing required field `name`"))
        #expect(stderr.contains("left as it was"))
        #expect(site.read("site/index.html") == before)
        let check = try Self.run(["check", "--source", site.root])
        #expect(check.status == 1)
        #expect(check.stderr.contains("content/articles/a.md:3:7: error:"))
    }

    @Test func checkWritesNothing() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        let (status, stderr) = try Self.run(["check", "--source", site.root])
        #expect(status == 0, "\(stderr)")
        #expect(site.read("site/index.html") == nil)
    }
}
