#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads whole files with a size limit checked before reading: a photo is read into memory to
/// be hashed and decoded, so the limit bounds what one picture can cost.
public enum FileBytes {
    public enum Failure: Error, Sendable, Hashable {
        case tooLarge(Int)
        case unreadable(String)
    }

    public static func read(_ path: String, limit: Int = .max) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.unreadable("not a regular file")) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let got = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + offset, size - offset) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return .failure(.unreadable(got < 0 ? String(cString: strerror(errno)) : "file shrank while being read")) }
            offset += got
        }
        return .success(bytes)
    }

    /// Reads from `fd` until `buffer` is full or the file ends: the number of bytes read, or -1
    /// on an error. For reading a file a piece at a time, when it need not be whole in memory.
    public static func fill(_ buffer: inout [UInt8], from fd: Int32) -> Int {
        var count = 0
        while count < buffer.count {
            let got = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + count, $0.count - count) }
            if got < 0, errno == EINTR { continue }
            if got < 0 { return -1 }
            if got == 0 { break }
            count += got
        }
        return count
    }
}
