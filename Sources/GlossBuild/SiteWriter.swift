import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GlossContent
import GlossRender

/// Writes a built site so that the output folder is only ever the old site or the new one:
/// files go to a temporary folder beside it, which then replaces it by rename.
public enum SiteWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// - Returns: the number of files written.
    @discardableResult
    public static func write(_ files: [OutputFile], to output: String, source: String) throws -> Int {
        let output = URL(fileURLWithPath: output).standardizedFileURL.path
        let source = URL(fileURLWithPath: source).standardizedFileURL.path
        try checkSafe(output: output, source: source)
        for file in files where !isSafe(file.path) {
            throw WriteError(description: "refusing to write `\(file.path)`: output paths must stay inside the output folder")
        }
        let fm = FileManager.default
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let staging = "\(parent)/.\(name).gloss-new-\(getpid())"
        let retired = "\(parent)/.\(name).gloss-old-\(getpid())"
        try? fm.removeItem(atPath: staging)
        try? fm.removeItem(atPath: retired)
        do {
            let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }.sorted()
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
            for folder in folders { try fm.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true) }
            let failures = files.concurrentMap { file -> String? in
                // A disk file (a cached photo copy) is read here, one per core at a time.
                guard let bytes = try? file.contents() else { return file.path }
                return writeFile(staging + "/" + file.path, bytes) ? nil : file.path
            }.compactMap { $0 }
            if let failed = failures.first { throw WriteError(description: "could not write \(failed) in \(staging)") }
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: staging)
            if fm.fileExists(atPath: output) {
                try fm.moveItem(atPath: output, toPath: retired)
                do {
                    try fm.moveItem(atPath: staging, toPath: output)
                } catch {
                    try? fm.moveItem(atPath: retired, toPath: output)  // put the old site back
                    throw error
                }
                try? fm.removeItem(atPath: retired)
            } else {
                try fm.moveItem(atPath: staging, toPath: output)
            }
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        return files.count
    }

    /// Plain open/write/close: the folder is swapped in whole, so each file needs no atomic
    /// temp-file-and-fsync dance of its own (FileManager's costs milliseconds per file).
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { Glibc.close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 { if errno == EINTR { continue }; return false }
            offset += written
        }
        return true
    }

    /// A relative path of plain components: no `..`, no absolute path, no empty or hidden tricks.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// The output folder is replaced wholesale, so it must never be the site itself.
    static func checkSafe(output: String, source: String) throws {
        if output == "/" || source == output || source.hasPrefix(output + "/") {
            throw WriteError(description: "refusing to build into \(output): it contains the site's own files")
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: output + "/gloss.yml") || fm.fileExists(atPath: output + "/content") {
            throw WriteError(description: "refusing to replace \(output): it holds a gloss.yml or content/ folder, not a built site")
        }
    }
}
