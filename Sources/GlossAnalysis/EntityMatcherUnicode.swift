extension EntityMatcher {
    /// Folding and word classes for scalars below U+0800 (1- and 2-byte UTF-8: Latin, Greek,
    /// Cyrillic, …), precomputed so the scan loop never consults the Unicode database per byte.
    enum ScalarTables {
        /// A fold never changes a scalar's UTF-8 length, so offsets in folded text are offsets
        /// in the original and surface ranges need no map.
        static let fold: [UInt16] = (0..<0x800).map { UInt16(foldedValue(UInt32($0))) }
        static let isWord: [Bool] = (0..<0x800).map { isWordScalarSlow(UInt32($0)) }
        /// Single bytes: ASCII letters lowercased; every other byte left alone.
        static let byteFold: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
            UInt8(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }

        static func foldedValue(_ value: UInt32) -> UInt32 {
            switch value {
            case 0xB5: return 0x3BC  // MICRO SIGN folds to GREEK SMALL LETTER MU
            case 0x3C2: return 0x3C3  // final sigma folds to sigma
            default: break
            }
            guard let scalar = Unicode.Scalar(value) else { return value }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            guard lower.count == 1, let folded = lower.first?.value,
                  (value < 0x80) == (folded < 0x80), folded < 0x800
            else { return value }
            return folded
        }
    }

    /// Letters, digits and combining marks glue a match to its neighbour; everything else
    /// (spaces, punctuation, apostrophes, dashes, symbols, emoji) separates words.
    static func isWordScalarSlow(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Folds pattern bytes exactly as the scan loop folds text bytes, so both meet in one trie.
    static func folded(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0xC2, b <= 0xDF, i + 1 < bytes.count, bytes[i + 1] & 0xC0 == 0x80 {
                let f = ScalarTables.fold[Int(b & 0x1F) << 6 | Int(bytes[i + 1] & 0x3F)]
                out[i] = UInt8(0xC0 | f >> 6)
                out[i + 1] = UInt8(0x80 | f & 0x3F)
                i += 2
            } else {
                out[i] = ScalarTables.byteFold[Int(b)]
                i += 1
            }
        }
        return out
    }
}

extension EntityMatcher {
    /// Word-boundary tests on raw UTF-8; malformed bytes count as separators so bad input never traps.
    struct Boundary {
        let text: UnsafePointer<UInt8>
        let count: Int
        let wordTable: UnsafePointer<Bool>

        @inline(__always)
        func scalar(at i: Int) -> (value: UInt32, length: Int)? {
            let lead = UInt32(text[i])
            if lead < 0x80 { return (lead, 1) }
            var value: UInt32
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2; value = lead & 0x1F
            case 0xE0...0xEF: length = 3; value = lead & 0x0F
            case 0xF0...0xF4: length = 4; value = lead & 0x07
            default: return nil
            }
            guard i + length <= count else { return nil }
            for k in 1..<length {
                let b = UInt32(text[i + k])
                guard b & 0xC0 == 0x80 else { return nil }
                value = value << 6 | (b & 0x3F)
            }
            return (value, length)
        }

        @inline(__always)
        func isWord(_ value: UInt32) -> Bool {
            value < 0x800 ? wordTable[Int(value)] : EntityMatcher.isWordScalarSlow(value)
        }

        /// True when the scalar starting at `end` (if any) does not continue the word.
        func isBoundary(after end: Int) -> Bool {
            guard end < count, let next = scalar(at: end) else { return true }
            return !isWord(next.value)
        }

        /// True when the scalar ending at `start` (if any) does not continue the word; walks back
        /// over at most three continuation bytes to find its lead byte.
        func isBoundary(before start: Int) -> Bool {
            guard start > 0 else { return true }
            var lead = start - 1
            while lead > 0, start - lead < 4, text[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard let previous = scalar(at: lead), lead + previous.length == start else { return true }
            return !isWord(previous.value)
        }
    }
}
