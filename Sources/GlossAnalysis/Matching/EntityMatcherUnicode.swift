extension EntityMatcher {
    /// Precomputed once per process, so the scan loop never consults the Unicode database.
    enum ScalarTables {
        /// Folds for 2-byte UTF-8 (Latin, Greek, Cyrillic…). A fold never changes the UTF-8 length,
        /// so folded offsets are the original offsets.
        static let fold: [UInt16] = (0..<0x800).map { UInt16(foldedValue(UInt32($0))) }
        /// Single bytes: ASCII letters lowercased, every other byte unchanged.
        static let byteFold: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
            UInt8(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        /// One bit per Basic Multilingual Plane scalar: letter, digit or combining mark.
        static let wordBits: [UInt64] = {
            var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
            for value in 0..<0x10000 where isWordScalarSlow(UInt32(value)) {
                bits[value >> 6] |= 1 << UInt64(value & 63)
            }
            return bits
        }()

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
    static func caseFolded(_ bytes: [UInt8]) -> [UInt8] {
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

    /// Per prefix length: whether a match may start there (after a whole non-word scalar), which
    /// decides where failure links may lead.
    static func startAllowed(after bytes: [UInt8]) -> [Bool] {
        var allowed = [Bool](repeating: false, count: bytes.count + 1)
        allowed[0] = true
        let text = String(decoding: bytes, as: UTF8.self)
        var offset = 0
        for scalar in text.unicodeScalars {
            offset += UTF8.width(scalar)
            if offset <= bytes.count { allowed[offset] = !isWordScalarSlow(scalar.value) }
        }
        return allowed
    }
}

extension EntityMatcher {
    /// The per-process tables as plain pointers for the scan loop; allocated once, never freed.
    final class UnicodeData: @unchecked Sendable {
        static let shared = UnicodeData()
        let fold: UnsafePointer<UInt16>
        let wordBits: UnsafePointer<UInt64>
        /// ASCII letters and digits: a report followed by one is mid-word, so no call is needed.
        let continuesWord: UnsafePointer<Bool>

        private init() {
            func pointer<T>(_ array: [T]) -> UnsafePointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
                _ = buffer.initialize(from: array)
                return UnsafePointer(buffer.baseAddress!)
            }
            fold = pointer(ScalarTables.fold)
            wordBits = pointer(ScalarTables.wordBits)
            continuesWord = pointer((0..<256).map { $0 < 0x80 && isWordScalarSlow(UInt32($0)) })
        }
    }

    /// Malformed bytes count as separators, so bad input neither traps nor glues words together.
    struct UTF8Text {
        let bytes: UnsafePointer<UInt8>
        let count: Int
        let wordBits: UnsafePointer<UInt64>

        @inline(__always)
        static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

        /// The scalar starting at `i` and its length in bytes, or nil when malformed.
        @inline(__always)
        func scalar(at i: Int) -> (value: UInt32, length: Int)? {
            let lead = UInt32(bytes[i])
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
                let b = bytes[i + k]
                guard Self.isContinuation(b) else { return nil }
                value = value << 6 | UInt32(b & 0x3F)
            }
            return (value, length)
        }

        @inline(__always)
        func isWord(_ value: UInt32) -> Bool {
            value < 0x10000
                ? wordBits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
                : EntityMatcher.isWordScalarSlow(value)
        }

        /// True when the scalar starting at `end` (if any) does not continue the word.
        func isBoundary(after end: Int) -> Bool {
            guard end < count, let next = scalar(at: end) else { return true }
            return !isWord(next.value)
        }
    }
}
