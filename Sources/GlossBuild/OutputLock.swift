import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `.NAME.gloss-lock` beside an output folder, held while a build or
/// publish replaces it: a second writer waits instead of interleaving, and whoever holds the lock
/// knows that any temporary folder beside the output was left by a process that died. The kernel
/// drops the lock when its holder exits, however it exits, so a killed build never blocks the next.
/// The lock file itself stays (deleting a lock file others may be waiting on is a known race).
final class OutputLock {
    private let fd: Int32
    let path: String

    /// Takes the lock, waiting for its holder when there is one; `onWait` hears about it first.
    init(beside output: String, onWait: ((String) -> Void)?) throws {
        let folder = (output as NSString).deletingLastPathComponent
        path = folder + "/." + (output as NSString).lastPathComponent + ".gloss-lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw OutputFolder.WriteError("could not open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else { throw failure("could not lock") }
            let holder = Self.holder(path).map { " (pid \($0))" } ?? ""
            onWait?("waiting for another gloss\(holder) that is writing \(output) to finish (lock: \(path))")
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else { throw failure("could not lock") }
            }
        }
        // Who holds it, for the message above; purely informative.
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(fd, 0) == 0 { _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } }
    }

    /// The pid the last holder wrote, when that process is still alive.
    private static func holder(_ path: String) -> Int32? {
        let text = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 else { return nil }
        return kill(pid, 0) == 0 || errno == EPERM ? pid : nil
    }

    private func failure(_ what: String) -> OutputFolder.WriteError {
        OutputFolder.WriteError("\(what) \(path): \(String(cString: strerror(errno)))")
    }

    deinit { close(fd) }
}
