/// Scraped text arrives with non-breaking spaces, zero-width characters and indentation that
/// Markdown would misread (4 spaces = code block); every line is normalised before any rule runs.
enum TextNormaliser {
    /// Splits on LF, CRLF and CR, and normalises each line.
    static func lines(_ text: String) -> [String] {
        // Fast path: only LF line ends and no Unicode line separators.
        if !text.utf8.contains(0x0D), !containsLineSeparator(text.utf8) {
            return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { normalise(Substring($0)) }
        }
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                result.append(normalise(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        result.append(normalise(current))
        return result
    }

    /// U+2028 or U+2029 (E2 80 A8/A9).
    static func containsLineSeparator(_ utf8: String.UTF8View) -> Bool {
        var state = 0
        for byte in utf8 {
            switch (state, byte) {
            case (_, 0xE2): state = 1
            case (1, 0x80): state = 2
            case (2, 0xA8), (2, 0xA9): return true
            default: state = 0
            }
        }
        return false
    }

    /// One line: every kind of space becomes " ", runs collapse, both ends are trimmed.
    static func normalise<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in scalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if isInvisible(scalar) { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    static func normalise(_ text: String) -> String { normalise(Substring(text)) }

    /// A field that is one line in front matter (title, author, source): line breaks become spaces.
    static func singleLine(_ text: String) -> String {
        normalise(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 })
    }

    /// Most lines are already clean: return them without rebuilding them; the others are rebuilt
    /// over their UTF-8, which is several times faster than appending scalars one at a time.
    static func normalise(_ text: Substring) -> String {
        let result = text.utf8.withContiguousStorageIfAvailable { bytes in
            needsWork(bytes) ? normalised(bytes) : String(text)
        }
        return result ?? normalise(text.unicodeScalars)
    }

    /// `normalise(_:)` of valid UTF-8: each character is decoded only to ask whether it is a space
    /// or invisible, and its bytes are copied as they are.
    static func normalised(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if (0x21...0x7E).contains(lead) {  // printable ASCII, most of the text: kept as it is
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(lead)
                index += 1
                continue
            }
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let end = min(index + length, bytes.count)
            func continuation(_ offset: Int) -> UInt32 { index + offset < end ? UInt32(bytes[index + offset] & 0x3F) : 0 }
            let value: UInt32
            switch length {
            case 1: value = UInt32(lead)
            case 2: value = UInt32(lead & 0x1F) << 6 | continuation(1)
            case 3: value = UInt32(lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
            default: value = 0x10000  // no space or invisible character is outside the first plane
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
            } else if !isInvisible(scalar) {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
            }
            index = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when the UTF-8 holds a space to collapse or trim, a control character, or one of the
    /// special spaces and invisible characters `normalise` replaces (all start with C2, E1, E2, E3 or EF).
    static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = true
        var index = 0
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x20:
                if previousSpace { return true }
                previousSpace = true
            case 0x00..<0x20, 0x7F:
                return true
            case 0xC2:
                if next(1) <= 0x9F || next(1) == 0xA0 || next(1) == 0xAD { return true }
                previousSpace = false
            case 0xE1:
                if next(1) == 0x9A && next(2) == 0x80 { return true }
                previousSpace = false
            case 0xE2:
                if next(1) == 0x80 && (next(2) <= 0x8B || next(2) == 0xA8 || next(2) == 0xA9 || next(2) == 0xAF) { return true }
                if next(1) == 0x81 && (next(2) == 0x9F || next(2) == 0xA0) { return true }
                previousSpace = false
            case 0xE3:
                if next(1) == 0x80 && next(2) == 0x80 { return true }
                previousSpace = false
            case 0xEF:
                if next(1) == 0xBB && next(2) == 0xBF { return true }
                previousSpace = false
            default:
                previousSpace = false
            }
            index += 1
        }
        return previousSpace && !bytes.isEmpty
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0B, 0x0C, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Zero-width spaces, soft hyphens, byte-order marks and other control characters.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0E...0x1F, 0x7F, 0x80...0x84, 0x86...0x9F, 0xAD, 0x200B, 0x2060, 0xFEFF: return true
        default: return false
        }
    }
}

extension String {
    /// True when the line ends a sentence: `.`, `!`, `?` or `…`, perhaps inside closing quotes or brackets.
    var endsSentence: Bool {
        for scalar in unicodeScalars.reversed() {
            switch scalar {
            case "\"", "'", "\u{201D}", "\u{2019}", ")", "]", "\u{BB}", "*", "_", "\u{300D}", "\u{300F}", "\u{FF09}": continue
            case ".", "!", "?", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF0E}", "\u{0964}", "\u{06D4}", "\u{061F}": return true
            default: return false
            }
        }
        return false
    }

    /// Words separated by spaces (after normalisation every separator is one space).
    var spaceSeparatedWords: [Substring] { split(separator: " ") }

    /// True when the first letter is an uppercase letter.
    var startsUppercase: Bool {
        guard let first = unicodeScalars.first(where: { $0.isLetterFast || ("0"..."9").contains($0) || $0.properties.numericType != nil }) else { return false }
        return first.isUppercaseFast
    }
}
