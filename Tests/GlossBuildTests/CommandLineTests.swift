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
