import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GlossTestSupport
import PropertyBased
import Testing

/// No input makes `gloss` trap: random whole sites (see `RandomSiteGen`) are built and checked
/// by the real binary, which must exit 0, or 1 with `error:` diagnostics, never die of a signal
/// or hang; and `gloss serve` must survive a stream of such sites saved over one another.
///
/// Runs `GLOSS_PROPERTY_RUNS` sites (default 25, a few seconds each in a debug build); `make
/// bench` runs 500.
@Suite(.serialized) struct RandomSiteTests {
    static let runs = ProcessInfo.processInfo.environment["GLOSS_PROPERTY_RUNS"].flatMap(Int.init) ?? 25

    /// A folder outside every generated site, holding an article-shaped file with a unique text:
    /// the sites' links out of themselves point here, and no output may hold the text.
    static func outside() throws -> (folder: String, canary: String) {
        let folder = NSTemporaryDirectory() + "gloss-outside-" + UUID().uuidString
        let canary = "GLOSS-CANARY-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "---\ntitle: \(canary)\ndate: 2024-05-01\n---\n\(canary)\n".write(toFile: folder + "/secret.md", atomically: true, encoding: .utf8)
        return (folder, canary)
    }

    @Test func buildAndCheckExitZeroOrOneWithDiagnostics() async throws {
        var built = 0, failed = 0
        let (outside, canary) = try Self.outside()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        await propertyCheck(count: Self.runs, input: RandomSiteGen.site) { site in
            let root = NSTemporaryDirectory() + "gloss-random-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: root) }
            try site.write(to: root, outside: outside)
            for command in [["check", "--source", root], ["build", "--source", root, "--output", root + "/out"]] {
                let run = try GlossProcess.run(command)
                #expect(run.exited, "\(command[0]) died of signal \(run.status)\n\(run.stderr.suffix(3000))")
                #expect(run.status == 0 || run.status == 1, "\(command[0]) exited \(run.status)\n\(run.stderr.suffix(3000))")
                if run.status == 1 { #expect(run.stderr.contains(": error: "), "\(command[0]) failed without a diagnostic:\n\(run.stderr)") }
                if command[0] == "build", run.status == 0 {
                    #expect(FileManager.default.fileExists(atPath: root + "/out/index.html"))
                    #expect(Self.files(containing: canary, under: root + "/out").isEmpty, "a file from outside the site was published")
                }
                if command[0] == "build" { if run.status == 0 { built += 1 } else { failed += 1 } }
            }
        }
        // The generator is not degenerate: its sites reach rendering and fail in loading alike.
        #expect(built > 0 && failed > 0, "\(built) sites built, \(failed) failed")
        print("random sites: \(built) built, \(failed) failed with diagnostics")
    }

    @Test func serveSurvivesEverySiteSavedOverTheLast() async throws {
        let start = try TestSite(TestSite.minimal)
        defer { start.remove() }
        let (outside, canary) = try Self.outside()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let serve = try GlossProcess.start(["serve", "--source", start.root, "--port", "0"])
        defer { serve.terminate() }
        let port = try #require(serve.waitForPort(), "serve did not say where it listens:\n\(serve.output)")
        var sites = 0
        await propertyCheck(count: max(5, Self.runs / 2), input: RandomSiteGen.site) { site in
            sites += 1
            // Saved over the running preview: old files go, new ones come, as a checkout would do.
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: start.root)) ?? [] {
                try? FileManager.default.removeItem(atPath: start.root + "/" + entry)
            }
            try site.write(to: start.root, outside: outside)
            // Let the watcher see the saves and the rebuild run; every request must be answered.
            for _ in 0..<3 {
                try await Task.sleep(for: .milliseconds(150))
                #expect(serve.isRunning, "serve stopped after site \(sites):\n\(serve.output.suffix(3000))")
                let answer = await Self.get(port)
                #expect(answer != nil, "serve did not answer after site \(sites)")
                #expect(answer?.body.contains(canary) != true, "serve showed a file from outside the site")
            }
        }
        #expect(serve.isRunning, "serve stopped:\n\(serve.output.suffix(3000))")
        #expect(await Self.get(port) != nil)
    }

    /// The output files (site-relative) holding `text`.
    static func files(containing text: String, under folder: String) -> [String] {
        let needle = Data(text.utf8)
        let paths = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return paths.filter { FileManager.default.contents(atPath: folder + "/" + $0)?.range(of: needle) != nil }
    }

    /// The status and text of `GET /` (the home page, or the error overlay), or nil when the
    /// server does not answer within two seconds.
    static func get(_ port: Int) async -> (status: Int, body: String)? {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/")!)
        request.timeoutInterval = 2
        guard let (data, response) = try? await URLSession.shared.data(for: request),
              let status = (response as? HTTPURLResponse)?.statusCode else { return nil }
        return (status, String(decoding: data, as: UTF8.self))
    }
}

/// The `gloss` binary as a child process: how it ended (a signal is not an exit), what it said,
/// and a deadline, since a hang is a failure too.
struct GlossProcess {
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/gloss"

    struct Run {
        var exited: Bool
        var status: Int32
        var stderr: String
    }

    /// Runs a command to its end (or kills it at the deadline); `stderr` holds all it printed.
    static func run(_ arguments: [String], timeout: Double = 120) throws -> Run {
        let running = try start(arguments)
        let deadline = Date().addingTimeInterval(timeout)
        while running.isRunning, Date() < deadline { usleep(10_000) }
        if running.isRunning {
            running.process.interrupt()
            running.terminate()
            return Run(exited: false, status: -1, stderr: "timed out after \(timeout) s\n" + running.output)
        }
        running.process.waitUntilExit()
        running.waitForEnd()
        return Run(exited: running.process.terminationReason == .exit, status: running.process.terminationStatus, stderr: running.output)
    }

    /// A long-running command (`serve`): its output, gathered as it comes.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var text = ""
        private var ended = false
        var output: String { lock.withLock { text } }
        var isRunning: Bool { process.isRunning }

        func append(_ data: Data) {
            lock.withLock {
                if data.isEmpty { ended = true } else { text += String(decoding: data, as: UTF8.self) }
            }
        }

        /// Waits (a little) for the last of the output once the process has ended.
        func waitForEnd() {
            let deadline = Date().addingTimeInterval(5)
            while !lock.withLock({ ended }), Date() < deadline { usleep(5_000) }
        }

        /// The port from "Serving http://127.0.0.1:PORT/".
        func waitForPort(timeout: Double = 60) -> Int? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if let range = output.range(of: "http://127.0.0.1:") {
                    let digits = output[range.upperBound...].prefix { $0.isNumber }
                    if let port = Int(digits), output[range.upperBound...].dropFirst(digits.count).first == "/" { return port }
                }
                guard process.isRunning else { return nil }
                usleep(20_000)
            }
            return nil
        }

        func terminate() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }

    static func start(_ arguments: [String]) throws -> Running {
        let running = Running()
        running.process.executableURL = URL(fileURLWithPath: binary)
        running.process.arguments = arguments
        let pipe = Pipe()
        running.process.standardOutput = pipe
        running.process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak running] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            running?.append(data)
        }
        try running.process.run()
        return running
    }
}
