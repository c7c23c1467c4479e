import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GlossContent

/// A derived file written to a temporary file while it is made, and handed on as a disk file, for a
/// build that writes its files as they come (`gloss build`): the notes export is 280 MB at 50,000
/// articles, and made in memory it was that build's peak. The writer hard-links or copies it; the
/// caller removes it once the writer is done with it.
struct SpooledFile {
    let file: OutputFile

    /// Writes `derived` to a new file in the temporary folder, in pieces of about a megabyte; nil
    /// when that cannot be done (the caller makes the file in memory instead).
    init?(_ derived: DerivedFile) {
        let path = NSTemporaryDirectory() + "gloss-spool-" + UUID().uuidString
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        var pending: [UInt8] = []
        var failed = false
        func flush() {
            var offset = 0
            while !failed && offset < pending.count {
                let written = pending.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { failed = true } else { offset += written }
            }
            pending.removeAll(keepingCapacity: true)
        }
        derived.write { piece in
            pending += piece
            if pending.count >= 1 << 20 { flush() }
        }
        flush()
        if close(fd) != 0 || failed {
            unlink(path)
            return nil
        }
        // Never rewritten once made, so the writer may link it rather than copy it.
        file = OutputFile(path: derived.path, disk: .init(path: path, version: "spooled " + path, isImmutable: true))
    }

    func remove() {
        if let disk = file.disk { unlink(disk.path) }
    }
}
