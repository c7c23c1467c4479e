/// A request target turned into a key of the built site, or refused.
///
/// The preview serves from memory, so a path can only ever name a file the build produced; the
/// checks here refuse anything that is not a plain relative path all the same (`..`, `.`, `//`,
/// backslashes, NUL, malformed or encoded tricks such as `%2e%2e` and `%2f`), so the answer to
/// every traversal attempt is the same 404 whatever the build holds.
struct RequestPath: Equatable, Sendable {
    /// Decoded path segments, never empty strings, `.` or `..`.
    var segments: [String]
    /// The path ended with `/` (or was `/`).
    var isDirectory: Bool
    /// The raw query (without `?`), kept for redirects.
    var query: String?

    /// `/a/b/` → `a/b`; `/` → ``.
    var key: String { segments.joined(separator: "/") }

    /// The file a request names: a folder's `index.html` (`/a/b/` → `a/b/index.html`), else `key`.
    var file: String {
        guard isDirectory else { return key }
        return key.isEmpty ? "index.html" : key + "/index.html"
    }

    /// nil when the target is not an origin-form path (`/…`) of safe segments.
    init?(target: String) {
        var path = Substring(target)
        var query: String?
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        if let mark = path.firstIndex(of: "?") {
            query = String(path[path.index(after: mark)...])
            path = path[..<mark]
        }
        // Origin form only: absolute-form (`http://host/…`) and `*` are refused.
        guard path.first == "/", !path.contains("\\") else { return nil }
        guard let decoded = Self.percentDecoded(path) else { return nil }
        guard !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" || $0.value == 0x7F }) else { return nil }
        var parts = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        var isDirectory = true
        if let last = parts.last {
            if last.isEmpty { parts.removeLast() } else { isDirectory = false }
        }
        guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        self.segments = parts
        self.isDirectory = isDirectory
        self.query = query
    }

    /// Strict percent-decoding: a `%` must be followed by two hex digits, and the result must be
    /// valid UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The path with a trailing slash, re-encoded, for redirecting `/articles/x` → `/articles/x/`.
    var directoryLocation: String {
        let encoded = segments.map(Self.percentEncoded).joined(separator: "/")
        return "/" + encoded + "/" + (query.map { "?" + $0 } ?? "")
    }

    static func percentEncoded(_ segment: String) -> String {
        var result = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
