/// Which encoding a saved page's bytes are in, decided the way browsers decide (WHATWG
/// Encoding and HTML "encoding sniffing"): a byte-order mark, then a `<meta charset>` (or
/// `http-equiv="Content-Type"`) near the top, then a default.
public enum HTMLEncoding {
    public struct Detection: Sendable, Equatable {
        /// A WHATWG encoding name: "utf-8", "windows-1252", "shift_jis", …
        public var encoding: String
        public var reason: String

        public static let utf8 = Detection(encoding: "utf-8", reason: "Unicode text")
    }

    /// How far into the page a `<meta charset>` is looked for (browsers prescan 1,024 bytes, then
    /// re-read the page when the parser meets a later one; saved pages put it anywhere in `<head>`).
    static let metaScanLimit = 64 * 1024

    public static func detect(_ bytes: [UInt8]) -> Detection {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Detection(encoding: "utf-8", reason: "byte-order mark") }
        if bytes.starts(with: [0xFE, 0xFF]) { return Detection(encoding: "utf-16be", reason: "byte-order mark") }
        if bytes.starts(with: [0xFF, 0xFE]) { return Detection(encoding: "utf-16le", reason: "byte-order mark") }
        // Validating is a pass over the whole page: done only where the answer is used.
        lazy var validUTF8 = isValidUTF8(bytes)
        if let label = MetaCharset.find(in: bytes.prefix(metaScanLimit)) {
            if let encoding = encoding(forLabel: label) {
                // A page declared in a legacy encoding whose bytes are valid UTF-8 beyond ASCII was
                // re-encoded when it was saved (the declaration was left behind): read it as UTF-8.
                if encoding != "utf-8", validUTF8, bytes.contains(where: { $0 >= 0x80 }),
                   !isMultiByteLegacy(encoding) || utf8Sequences(in: bytes, atLeast: multiByteEvidence) {
                    return Detection(encoding: "utf-8", reason: "valid UTF-8, although <meta> declares \(label)")
                }
                return Detection(encoding: encoding, reason: "<meta> declares \(label)")
            }
        }
        if validUTF8 { return Detection(encoding: "utf-8", reason: "valid UTF-8, no declaration") }
        return Detection(encoding: "windows-1252", reason: "not UTF-8 and no declaration (the browsers' default)")
    }

    /// Text from bytes in `encoding`; bytes that do not decode become U+FFFD, as in a browser.
    public static func decode(_ bytes: [UInt8], as encoding: String) -> String {
        switch encoding {
        case "utf-8":
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            return String(decoding: body, as: UTF8.self)
        case "windows-1252":
            return Windows1252.decode(bytes)
        case "utf-16le", "utf-16be":
            let body = bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) ? Array(bytes.dropFirst(2)) : bytes
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var index = 0
            while index + 1 < body.count {
                units.append(encoding == "utf-16le" ? UInt16(body[index]) | UInt16(body[index + 1]) << 8 : UInt16(body[index]) << 8 | UInt16(body[index + 1]))
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        default:
            return IconvDecoder.decode(bytes, from: encoding) ?? Windows1252.decode(bytes)
        }
    }

    /// WHATWG labels → encoding names (the common ones; as the standard says, Latin-1 and ASCII
    /// labels mean Windows-1252, and a UTF-16 label inside a page means UTF-8).
    public static func encoding(forLabel label: String) -> String? {
        let key = label.lowercased().trimmingScalars(" \t\n\r\u{0C}\"'")
        if let name = labels[key] { return name }
        if key.hasPrefix("iso-8859-") || key.hasPrefix("windows-125") { return IconvDecoder.isSupported(key) ? key : nil }
        return nil
    }

    static let labels: [String: String] = {
        var table: [String: String] = [:]
        let groups: [(String, [String])] = [
            ("utf-8", ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
                       "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "unicodefffe", "csunicode", "iso-10646-ucs-2"]),
            ("windows-1252", ["windows-1252", "cp1252", "x-cp1252", "latin1", "l1", "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1",
                              "iso_8859-1:1987", "iso-ir-100", "ibm819", "cp819", "csisolatin1", "ascii", "us-ascii", "ansi_x3.4-1968",
                              "iso-8859-15-compatible", "windows-1252-compatible"]),
            ("iso-8859-2", ["iso-8859-2", "latin2", "l2", "iso8859-2", "csisolatin2"]),
            ("iso-8859-15", ["iso-8859-15", "latin9", "l9", "iso8859-15", "iso_8859-15"]),
            ("windows-1250", ["windows-1250", "cp1250", "x-cp1250"]),
            ("windows-1251", ["windows-1251", "cp1251", "x-cp1251"]),
            ("windows-1253", ["windows-1253", "cp1253"]),
            ("windows-1254", ["windows-1254", "cp1254", "latin5", "iso-8859-9", "iso8859-9", "l5"]),
            ("windows-1256", ["windows-1256", "cp1256"]),
            ("koi8-r", ["koi8-r", "koi8", "koi", "cskoi8r"]),
            ("koi8-u", ["koi8-u", "koi8-ru"]),
            ("shift_jis", ["shift_jis", "shift-jis", "sjis", "ms_kanji", "windows-31j", "x-sjis", "csshiftjis"]),
            ("euc-jp", ["euc-jp", "x-euc-jp", "cseucpkdfmtjapanese"]),
            ("iso-2022-jp", ["iso-2022-jp", "csiso2022jp"]),
            ("gbk", ["gbk", "gb2312", "chinese", "csgb2312", "x-gbk", "gb_2312-80", "iso-ir-58"]),
            ("gb18030", ["gb18030"]),
            ("big5", ["big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5"]),
            ("euc-kr", ["euc-kr", "ks_c_5601-1987", "windows-949", "korean", "cseuckr", "ksc5601"]),
        ]
        for (name, group) in groups { for label in group { table[label] = name } }
        return table
    }()

    /// Multi-byte UTF-8 sequences that prove a page declared in a multi-byte legacy encoding was
    /// re-encoded: a few Shift_JIS or GBK characters can happen to be valid UTF-8, dozens cannot
    /// (each has roughly a one-in-ten chance; a page of Chinese read as GBK would be mojibake).
    static let multiByteEvidence = 32

    /// Whether valid UTF-8 `bytes` hold at least `count` multi-byte sequences (lead bytes 0xC2 and up).
    static func utf8Sequences(in bytes: [UInt8], atLeast count: Int) -> Bool {
        var found = 0
        for byte in bytes where byte >= 0xC2 {
            found += 1
            if found >= count { return true }
        }
        return false
    }

    /// Encodings whose bytes can happen to form valid UTF-8, so a little validity proves nothing.
    static func isMultiByteLegacy(_ encoding: String) -> Bool {
        ["shift_jis", "euc-jp", "iso-2022-jp", "gbk", "gb18030", "big5", "euc-kr"].contains(encoding)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil  // the standard library's fast validator
    }
}

extension String {
    /// Drops these scalars from both ends (no Foundation needed).
    func trimmingScalars(_ set: String) -> String {
        let characters = Set(set.unicodeScalars)
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, characters.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, characters.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
