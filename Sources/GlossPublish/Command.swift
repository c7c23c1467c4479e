import Foundation

/// Runs an external program (git, rsync) and collects its output. Output goes to temporary files,
/// not pipes, so a chatty program can never block on a full pipe while we feed its input.
struct Command {
    struct Result {
        var status: Int32
        var output: Data
        var errors: Data
        var text: String { String(decoding: output, as: UTF8.self) }
        var errorText: String { String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    var arguments: [String]
    var directory: String?
    var environment: [String: String] = [:]
    var input: Data?

    init(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], input: Data? = nil) {
        self.arguments = arguments
        self.directory = directory
        self.environment = environment
        self.input = input
    }

    func run() throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out"), err = scratch.appendingPathComponent("err"), inp = scratch.appendingPathComponent("in")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inp.path, contents: input ?? Data())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        let inHandle = try FileHandle(forReadingFrom: inp)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        do {
            try process.run()
        } catch {
            throw PublishError("could not run \(arguments.first ?? "?"): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        try? outHandle.close(); try? errHandle.close(); try? inHandle.close()
        let result = Result(status: process.terminationStatus, output: (try? Data(contentsOf: out)) ?? Data(),
                            errors: (try? Data(contentsOf: err)) ?? Data())
        if result.status == 127 && arguments.first.map({ !Command.exists($0) }) == true {
            throw PublishError("`\(arguments[0])` is not installed (Debian: apt-get install \(arguments[0]))")
        }
        return result
    }

    /// Runs and fails with the program's own error message unless it exits 0.
    @discardableResult
    func check(_ what: String) throws -> Result {
        let result = try run()
        guard result.status == 0 else {
            let detail = result.errorText.isEmpty ? result.text.trimmingCharacters(in: .whitespacesAndNewlines) : result.errorText
            throw PublishError("\(what) failed (\(arguments.prefix(3).joined(separator: " ")) exited with \(result.status))\(detail.isEmpty ? "" : ": " + detail)")
        }
        return result
    }

    /// Whether a program is on PATH.
    static func exists(_ program: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }
}
