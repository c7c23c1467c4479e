import GlossContent
import Foundation
import GlossRender
#if canImport(Glibc)
import Glibc
#endif

/// Reading and writing a built site as a folder of files.
enum SiteFolder {
    /// A relative path of plain components: no `..`, no absolute path, nothing empty.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// Writes every file under `folder` (created world-readable, 0755 folders and 0644 files, so a
    /// web server running as another user can serve them). A file `unchanged` maps to an existing
    /// copy with the same bytes is hard-linked to it instead, keeping its modification time, so
    /// ETags, Last-Modified and mtime-based sync tools (`aws s3 sync`) see it as unchanged.
    static func write(_ files: [OutputFile], into folder: String, unchanged: [String: String] = [:]) throws {
        let fm = FileManager.default
        for file in files where !isSafe(file.path) {
            throw PublishError("refusing to write `\(file.path)`: output paths must stay inside the site folder")
        }
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
        let folders = Set(files.flatMap { file -> [String] in
            var parts = file.path.split(separator: "/").dropLast().map(String.init)
            var prefixes: [String] = []
            while !parts.isEmpty { prefixes.append(parts.joined(separator: "/")); parts.removeLast() }
            return prefixes
        }).sorted()
        for sub in folders {
            try fm.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        }
        for file in files {
            if let existing = unchanged[file.path], link(existing, folder + "/" + file.path) == 0 { continue }
            guard fm.createFile(atPath: folder + "/" + file.path, contents: Data(file.bytes), attributes: [.posixPermissions: 0o644]) else {
                throw PublishError("could not write \(folder)/\(file.path)")
            }
        }
    }

    /// Every file under `folder` (hidden ones too), relative, sorted; symbolic links count as files.
    static func list(_ folder: String) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: folder) else { return [] }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder + "/" + path
            if let type = try? fm.attributesOfItem(atPath: full)[.type] as? FileAttributeType, type == .typeSymbolicLink {
                files.append(path)
                continue
            }
            if fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporary(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "gloss-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
