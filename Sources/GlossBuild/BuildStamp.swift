import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GlossContent

/// What the last build was made from and what it left in its output folder, kept in
/// `.gloss-cache/build-<output>` beside gloss.yml (one per output folder, so that building a site
/// into two folders in turn keeps both up to date), so that `gloss build` after no change says so
/// instead of building again. Inputs are compared by content (a file edited without changing its time
/// still counts), the output by every file's path, size, time and inode. A stamp that is
/// missing, unreadable, truncated, or from another binary, site, option or output simply does
/// not match: a stale cache can cost a build, never give wrong output.
public struct BuildStamp: Equatable, Sendable {
    /// SHA-256 over the binary's identity, the build options and every input file's path and bytes.
    public var inputs: String
    /// The output folder, resolved.
    public var output: String
    /// SHA-256 over the output folder's files as `stat` sees them after the build.
    public var written: String
    /// The build's warnings, one per line, said again when nothing is rebuilt.
    public var report: [String]

    static let header = "gloss build stamp 1"

    /// The stamp's file for an output folder (resolved): `.gloss-cache/build-` and 16 hex digits of its path's SHA-256.
    static func file(for output: String) -> String { ".gloss-cache/build-" + hex(SHA256.hash(data: Data(output.utf8))).prefix(16) }

    /// The stamp of a build of `source` into `output` that is about to start; `written` is filled
    /// in once the output is in place (`finished(report:)`).
    public init(source: String, output: String, options: BuildOptions) {
        self.output = URL(fileURLWithPath: output).standardizedFileURL.path
        self.inputs = Self.inputDigest(source: URL(fileURLWithPath: source).standardizedFileURL.path, output: self.output, options: options)
        self.written = ""
        self.report = []
    }

    init(inputs: String, output: String, written: String, report: [String]) {
        (self.inputs, self.output, self.written, self.report) = (inputs, output, written, report)
    }

    /// The last build's stamp when it still holds: same inputs, same output, untouched since.
    public func lastBuild(source: String) -> BuildStamp? {
        guard let last = Self.stored(source: source, output: output), last.inputs == inputs, last.output == output,
              Self.outputDigest(output) == last.written else { return nil }
        return last
    }

    /// This stamp with the output as it now is, or nil when there is no output.
    public func finished(report: [String]) -> BuildStamp? {
        Self.outputDigest(output).map { BuildStamp(inputs: inputs, output: output, written: $0, report: report) }
    }

    /// Keeps this stamp for the next build (written beside, then renamed over the old one).
    public func store(source: String) throws {
        let path = source + "/" + Self.file(for: output)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let lines = [Self.header, inputs, output, written] + report.map { $0.replacingOccurrences(of: "\n", with: " ") }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    static func stored(source: String, output: String) -> BuildStamp? {
        guard let text = try? String(contentsOfFile: source + "/" + file(for: output), encoding: .utf8), text.hasSuffix("\n") else { return nil }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 4, lines[0] == header, lines[1...3].allSatisfy({ !$0.isEmpty }) else { return nil }
        return BuildStamp(inputs: lines[1], output: lines[2], written: lines[3], report: Array(lines.dropFirst(4)))
    }

    /// Every file the site is made from (`SiteInputs`); a folder or file it lacks counts as absent.
    static func inputDigest(source root: String, output: String, options: BuildOptions) -> String {
        let site = SiteFolder(root: root)
        let paths = [SiteInputs.configFile] + SiteInputs.folders.flatMap { folder in
            (ContentTree.files(in: site, under: folder)?.files ?? []).map { folder + "/" + $0.path }
        }
        let digests = paths.concurrentMap { path in
            FileManager.default.contents(atPath: root + "/" + path).map { hex(SHA256.hash(data: $0)) } ?? "absent"
        }
        var hasher = SHA256()
        for part in [binaryIdentity(), String(describing: options), root, output] { hasher.update(data: Data((part + "\n").utf8)) }
        for (path, digest) in zip(paths, digests) { hasher.update(data: Data("\(path)\0\(digest)\n".utf8)) }
        return hex(hasher.finalize())
    }

    /// The output as the file system has it; nil when there is none.
    static func outputDigest(_ output: String) -> String? {
        guard let files = ContentTree.files(in: SiteFolder(root: output), under: ".")?.files else { return nil }
        var hasher = SHA256()
        for file in files { hasher.update(data: Data("\(file.path)\0\(file.stamp.token)\n".utf8)) }
        return hex(hasher.finalize())
    }

    /// This executable as the file system has it: a rebuilt or upgraded Gloss is another one.
    static func binaryIdentity() -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown binary \(ProcessInfo.processInfo.processIdentifier)" }
        return ContentTree.Stamp(info).token
    }

    /// Lowercase hex; a digest per input file is made, so this avoids `String(format:)`, which
    /// cost more than the hashing itself (a `perf` profile of a no-change build).
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in digest { text.append(digits[Int(byte >> 4)]); text.append(digits[Int(byte & 15)]) }
        return String(decoding: text, as: UTF8.self)
    }
}
