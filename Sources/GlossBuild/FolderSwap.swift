import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a fully written folder in place of an output folder so that at every instant the output
/// path holds the whole previous site or the whole new one, never a mixture and never nothing.
///
/// `rename(2)` cannot replace a non-empty folder, so the usual "move the old one away, move the
/// new one in" leaves a moment with no output at all. On Linux 3.15+ `renameat2(RENAME_EXCHANGE)`
/// swaps the two names in one step; that is what runs here (ext4, xfs, btrfs, tmpfs and overlayfs
/// support it). Where the file system refuses it, two renames are the fallback, and a writer
/// killed between them leaves the previous site under a `-old-` name, which the next writer puts
/// back before anything else (`recover`).
///
/// Names beside `DIR`: `.DIR.gloss-new-PID` is a folder being written (or, after the exchange,
/// the previous site being deleted); `.DIR.gloss-old-PID` is a previous site moved aside by the
/// fallback. Both are removed by the next writer, which holds the output's lock and so knows
/// their writers are dead.
enum FolderSwap {
    enum Method { case exchange, renames }

    static let newTag = ".gloss-new-", oldTag = ".gloss-old-"

    static func staging(for output: String) -> String { sibling(of: output, tag: newTag) + "\(getpid())" }
    static func retired(for output: String) -> String { sibling(of: output, tag: oldTag) + "\(getpid())" }

    static func sibling(of output: String, tag: String) -> String {
        (output as NSString).deletingLastPathComponent + "/." + (output as NSString).lastPathComponent + tag
    }

    /// Repairs what a killed writer left (call with the lock held): a previous site moved aside
    /// while the output is missing goes back in place; every other leftover is deleted.
    /// - Returns: the leftovers found, for the caller's report.
    @discardableResult
    static func recover(_ output: String) throws -> [String] {
        let fm = FileManager.default
        let parent = (output as NSString).deletingLastPathComponent
        let name = "." + (output as NSString).lastPathComponent
        let leftovers = ((try? fm.contentsOfDirectory(atPath: parent)) ?? [])
            .filter { $0.hasPrefix(name + newTag) || $0.hasPrefix(name + oldTag) }
            .sorted()
            .map { parent + "/" + $0 }
        if !exists(output), let previous = leftovers.first(where: { $0.contains(oldTag) }) {
            try rename(previous, output, "could not put back the previous site")
        }
        for leftover in leftovers where exists(leftover) {
            do {
                try fm.removeItem(atPath: leftover)
            } catch {
                throw OutputFolder.WriteError("could not remove \(leftover), left by an interrupted gloss: \(error.localizedDescription)")
            }
        }
        return leftovers
    }

    /// Moves `staging` to `output`. When an output existed, returns where the previous site now
    /// is, for the caller to delete once nothing reads it any more.
    static func install(_ staging: String, at output: String, method: Method = .exchange) throws -> String? {
        guard exists(output) else {
            try rename(staging, output, "could not move the new site into place")
            return nil
        }
        if method == .exchange, exchange(staging, output) { return staging }
        let retired = retired(for: output)
        try rename(output, retired, "could not move the previous site aside")
        do {
            try rename(staging, output, "could not move the new site into place")
        } catch {
            try? rename(retired, output, "")   // put the previous site back
            throw error
        }
        return retired
    }

    /// Swaps two paths in one step; false when it did not happen. The caller then tries the two
    /// renames, which either work (a file system without the exchange) or fail with the reason.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: Renameat2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    static func rename(_ from: String, _ to: String, _ what: String) throws {
        if Glibc.rename(from, to) != 0 {
            throw OutputFolder.WriteError("\(what) (\(from) → \(to)): \(String(cString: strerror(errno)))")
        }
    }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }
}
