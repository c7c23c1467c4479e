import Foundation
import GlossTestSupport
import Testing

/// `gloss init`, `gloss new` and `gloss serve`'s command-line behaviour, through the built
/// `gloss` binary beside this test bundle (SwiftPM builds it with the tests). Skipped when the
/// binary is not there.
@Suite("gloss init, new and serve on the command line", .serialized, .timeLimit(.minutes(2)))
struct PreviewCommandLineTests {
    static let binary: String? = {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("gloss").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs gloss with a deadline; the process is killed when it passes.
    func gloss(_ arguments: [String], in directory: String, timeout: Double = 60) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary!)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                   stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "gloss-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("gloss init makes a site that builds with no errors, and refuses to overwrite one", .enabled(if: PreviewCommandLineTests.binary != nil))
    func initSite() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try gloss(["init", "my-digest"], in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let site = folder + "/my-digest"
        let fm = FileManager.default
        #expect(fm.fileExists(atPath: site + "/gloss.yml"))
        #expect(!fm.fileExists(atPath: site + "/Templates"))
        #expect((try? String(contentsOfFile: site + "/.gitignore", encoding: .utf8))?.contains("/site/") == true)
        let articles = try fm.contentsOfDirectory(atPath: site + "/content/articles").filter { $0.hasSuffix(".md") }
        let entities = try fm.contentsOfDirectory(atPath: site + "/content/entities").filter { $0.hasSuffix(".md") }
        #expect(articles.count == 1 && entities.count == 2)
        #expect((try? String(contentsOfFile: site + "/gloss.yml", encoding: .utf8))?.contains("title: \"My Digest\"") == true)

        let check = try gloss(["check"], in: site)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("0 errors"))
        #expect(!check.stderr.contains("note") || !check.stderr.contains("unanchored"))
        let build = try gloss(["build"], in: site)
        #expect(build.status == 0)
        let page = try String(contentsOfFile: site + "/site/articles/harbour-ferry-route-approved/index.html", encoding: .utf8)
        #expect(page.contains("data-entity=\"elena-marsh\"") && page.contains("data-annotation="))
        #expect(!page.contains("EventSource"))   // the live-reload script is the preview's only

        let again = try gloss(["init", "my-digest"], in: folder)
        #expect(again.status == 1 && again.stderr.contains("already holds a site"))
    }

    @Test("gloss new article / entity write correctly named files that build", .enabled(if: PreviewCommandLineTests.binary != nil))
    func newFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try gloss(["init", "s"], in: folder).status == 0)
        let site = folder + "/s"
        let article = try gloss(["new", "article", "Zürich Talks: \"Round 2\" Opens", "--date", "2024-05-01"], in: site)
        #expect(article.status == 0, "\(article.stderr)")
        #expect(article.stdout == "content/articles/zurich-talks-round-2-opens.md\n")
        let text = try String(contentsOfFile: site + "/content/articles/zurich-talks-round-2-opens.md", encoding: .utf8)
        #expect(text.contains("title: \"Zürich Talks: \\\"Round 2\\\" Opens\"") && text.contains("date: 2024-05-01"))

        let entity = try gloss(["new", "entity", "Shinzō Abe", "--kind", "person", "--alias", "Abe", "--source", site], in: folder)
        #expect(entity.status == 0, "\(entity.stderr)")
        #expect(entity.stdout.hasSuffix("content/entities/shinzo-abe.md\n"))

        let check = try gloss(["check"], in: site)
        #expect(check.status == 0, "\(check.stderr)")

        let duplicate = try gloss(["new", "article", "Zurich talks round 2 opens"], in: site)
        #expect(duplicate.status == 1 && duplicate.stderr.contains("already exists"))
        let badKind = try gloss(["new", "entity", "X", "--kind", "alien"], in: site)
        #expect(badKind.status != 0 && badKind.stderr.contains("--kind"))
        let noSite = try gloss(["new", "article", "Hello"], in: folder)
        #expect(noSite.status == 1 && noSite.stderr.contains("gloss init"))
    }

    @Test("gloss serve: a port in use is exit 1 naming the port; a public host warns", .enabled(if: PreviewCommandLineTests.binary != nil))
    func servePortInUse() async throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        let blocker = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(blocker) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(blocker, $0, length) } }
        listen(blocker, 1)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(blocker, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))

        let run = try gloss(["serve", "--port", String(port)], in: site.root, timeout: 30)
        #expect(run.status == 1)
        #expect(run.stderr.contains("port \(port) is already in use") && run.stderr.contains("--port"), "\(run.stderr)")

        let exposed = try gloss(["serve", "--host", "0.0.0.0", "--port", String(port)], in: site.root, timeout: 30)
        #expect(exposed.stderr.contains("warning: --host 0.0.0.0"))
    }
}
