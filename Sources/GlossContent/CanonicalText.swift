import Foundation

/// Text in Unicode's composed form (NFC). Names are matched on UTF-8 bytes, so "José" typed
/// with a combining accent (as macOS saves file names and some sites serve text) would never
/// meet the registry's "José": every content file and every imported article is composed once,
/// as it is read or written.
public enum CanonicalText {
    /// `text` in NFC. Most text already is: a scan of its bytes finds no scalar that composition
    /// could change, and the text is returned as it is (composing 75 MB of articles outright
    /// costs over a second; the scan about 25 ms).
    public static func composed(_ text: String) -> String {
        mayChange(text.utf8) ? text.precomposedStringWithCanonicalMapping : text
    }

    /// Whether some scalar may compose with its neighbour or is replaced by composition: a
    /// combining mark, a composition exclusion (U+09DF, U+2126), Hangul jamo, or a vowel sign of
    /// the Indic scripts (some compose with the sign before them). Scalars below U+0300 never are;
    /// their UTF-8 lead bytes are below 0xCC, so ASCII and Latin-1 text is passed over a byte at a time.
    static func mayChange(_ utf8: String.UTF8View) -> Bool {
        utf8.withContiguousStorageIfAvailable { mayChange($0) } ?? Array(utf8).withUnsafeBufferPointer { mayChange($0) }
    }

    static func mayChange(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var bytes = buffer.makeIterator()
        while let byte = bytes.next() {
            guard byte >= 0xCC else { continue }
            var value: UInt32, continuation: Int
            switch byte {
            case 0xCC...0xDF: (value, continuation) = (UInt32(byte & 0x1F), 1)
            case 0xE0...0xEF: (value, continuation) = (UInt32(byte & 0x0F), 2)
            case 0xF0...0xF4: (value, continuation) = (UInt32(byte & 0x07), 3)
            default: continue
            }
            for _ in 0..<continuation {
                guard let next = bytes.next() else { return false }
                value = value << 6 | UInt32(next & 0x3F)
            }
            if value < 0x10000 {
                if unstableBMP[Int(value >> 6)] & (1 << (value & 63)) != 0 { return true }
            } else if let scalar = Unicode.Scalar(value), isUnstable(scalar) {
                return true
            }
        }
        return false
    }

    /// The test `unstableBMP` tabulates, read from the scalar's Unicode properties.
    static func isUnstable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (0x0900...0x0DFF).contains(value) || (0x1100...0x11FF).contains(value) { return true }
        return scalar.properties.canonicalCombiningClass != .notReordered || scalar.properties.isFullCompositionExclusion
    }

    /// `isUnstable` for the Basic Multilingual Plane, a bit per scalar (8 KB, made once): a
    /// property lookup per scalar made the scan of punctuation-rich text as slow as composing it.
    static let unstableBMP: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for value in UInt32(0x300)..<0x10000 {
            if let scalar = Unicode.Scalar(value), isUnstable(scalar) { bits[Int(value >> 6)] |= 1 << (value & 63) }
        }
        return bits
    }()
}
