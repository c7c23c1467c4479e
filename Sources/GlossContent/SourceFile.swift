/// A content file split into its YAML front matter and Markdown body, remembering where each
/// starts so later diagnostics point at lines of the file, not of the fragment.
public struct SourceFile: Sendable {
    /// Path relative to the site folder, as shown in diagnostics.
    public var path: String
    public var frontMatter: String
    /// 1-based line of the first YAML line (the line after the opening `---`).
    public var frontMatterLine: Int
    public var body: String
    /// 1-based line of the first body line.
    public var bodyLine: Int
    public var hasFrontMatter: Bool

    /// Decodes `bytes` as UTF-8 and splits off front matter; a non-UTF-8 file is an error at
    /// the first bad byte.
    /// Line ends may be LF, CRLF or a lone CR (old Mac files): all become LF, as cmark and
    /// YAML would read them, so line numbers agree everywhere. The text is composed (NFC), so
    /// names match however they were typed.
    public static func parse(path: String, bytes: [UInt8]) -> Result<SourceFile, Diagnostic> {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }  // UTF-8 BOM
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(.error(path, "file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"))
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return .failure(.error(path, "file is empty"))
        }
        if let bad = firstInvalidUTF8(bytes) {
            let (line, column) = position(of: bad, in: bytes)
            return .failure(.error(path, line: line, column: column, "file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad - bytes.startIndex)); save it as UTF-8"))
        }
        if bytes.contains(0) {
            return .failure(.error(path, "file contains NUL bytes: it looks binary, not Markdown"))
        }
        let text = CanonicalText.composed(String(decoding: bytes.contains(0x0D) ? Self.unixLineEnds(bytes) : Array(bytes), as: UTF8.self))
        return .success(split(path: path, text: text))
    }

    /// CRLF and lone CR become LF.
    static func unixLineEnds(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0D { out.append(0x0A) } else if !(byte == 0x0A && previous == 0x0D) { out.append(byte) }
            previous = byte
        }
        return out
    }

    static func split(path: String, text: String) -> SourceFile {
        // Split on bytes: in Swift "\r\n" is one Character and would hide CRLF line ends.
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        guard let first = lines.first, first.trimmingCharacters() == "---" else {
            return SourceFile(path: path, frontMatter: "", frontMatterLine: 1, body: text, bodyLine: 1, hasFrontMatter: false)
        }
        for index in lines.indices.dropFirst() {
            let trimmed = lines[index].trimmingCharacters()
            if trimmed == "---" || trimmed == "..." {
                let yaml = lines[1..<index].joined(separator: "\n")
                let body = lines[(index + 1)...].joined(separator: "\n")
                return SourceFile(path: path, frontMatter: yaml, frontMatterLine: 2, body: body, bodyLine: index + 2, hasFrontMatter: true)
            }
        }
        // An opening fence that never closes: treat it all as YAML so the error is reported.
        return SourceFile(path: path, frontMatter: lines.dropFirst().joined(separator: "\n"), frontMatterLine: 2,
                          body: "", bodyLine: lines.count + 1, hasFrontMatter: false)
    }

    /// The index of the first byte that is not well-formed UTF-8 (overlong forms and surrogates
    /// included), or nil. Shared with `gloss import`, which checks every input the same way.
    public static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            // Overlong, surrogate and out-of-range forms.
            let second = bytes[index + 1]
            if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F)
                || (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) { return index }
            index += length
        }
        return nil
    }

    static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var lineStart = bytes.startIndex
        for index in bytes.startIndex..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }
}

extension Substring {
    func trimmingCharacters() -> String { String(self).trimmingWhitespace() }
}
