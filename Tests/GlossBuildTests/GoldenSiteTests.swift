import Foundation
import GlossTestSupport
import Testing
@testable import GlossBuild

/// The whole pipeline on the sample digest: a fresh build must reproduce the committed `site/`
/// byte for byte (run `make site` after an intended change, and review the diff).
@Suite struct GoldenSiteTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Built whole, then written (the preview, `gloss check`); and written as it is made, pages
    /// as they are rendered and the data exports spooled to disk (`gloss build`).
    @Test(arguments: [false, true]) func sampleSiteIsReproducedByteForByte(writtenAsMade: Bool) throws {
        let output = NSTemporaryDirectory() + "gloss-golden-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        if writtenAsMade {
            let staged = try StagedSite(output: output, source: Self.repo)
            let result = SiteBuilder.build(BuildOptions(source: Self.repo), sink: staged.add)
            #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
            #expect(result.written.contains("data/annotations.jsonld") && result.written.contains("search/manifest.js"))
            staged.add(try #require(result.files))
            try staged.finish()
        } else {
            let result = SiteBuilder.build(BuildOptions(source: Self.repo))
            #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
            try SiteWriter.write(try #require(result.files), to: output, source: Self.repo)
        }
        let committed = Self.listFiles(Self.repo + "/site")
        let built = Self.listFiles(output)
        #expect(built == committed, "file sets differ: run `make site` and review the diff")
        for path in built where committed.contains(path) {
            let a = FileManager.default.contents(atPath: output + "/" + path)
            let b = FileManager.default.contents(atPath: Self.repo + "/site/" + path)
            #expect(a == b, "\(path) differs from the committed site/: run `make site` and review the diff")
        }
    }

    @Test func twoBuildsAreIdentical() throws {
        let first = try #require(SiteBuilder.build(BuildOptions(source: Self.repo)).files)
        let second = try #require(SiteBuilder.build(BuildOptions(source: Self.repo)).files)
        #expect(first == second)
    }

    @Test func builtInThemeMatchesTemplatesFolder() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.repo + "/scripts/embed-theme")
        process.arguments = ["--check"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "Sources/GlossRender/DefaultTheme.swift is out of date: run `make theme`")
    }

    static func listFiles(_ root: String) -> Set<String> {
        var files = Set<String>()
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.insert(path)
            }
        }
        return files
    }
}
