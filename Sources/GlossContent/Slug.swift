import Foundation

/// Page names: the file name of an article or entity, and the form tags take in URLs.
public enum Slug {
    /// `[a-z0-9][a-z0-9-]*`: safe in every URL and file system, and never `..`.
    public static func isValid(_ slug: String) -> Bool {
        guard let first = slug.utf8.first, isLowerAlnum(first) else { return false }
        return slug.utf8.allSatisfy { isLowerAlnum($0) || $0 == 0x2D }
    }

    /// "United States" → "united-states"; letters outside ASCII are folded where they have an
    /// ASCII base ("Zürich" → "zurich"). Text with letters that have none (Chinese, Cyrillic,
    /// Greek, Thai, Romanian "ș" …) is transliterated to Latin first, as Zola's slugs are:
    /// "北京" → "bei-jing", "Москва" → "moskva", "București" → "bucuresti"; so a tag in any script
    /// has a page and an article a file name that says something.
    public static func make(from text: String) -> String {
        let (slug, droppedLetters) = asciiSlug(text)
        // Slugs are short: the first `transliteratedLength` characters say enough, and bound the work.
        return droppedLetters ? transliterated.value(for: String(text.prefix(transliteratedLength))) : slug
    }
    static let transliteratedLength = 256

    /// Transliterations made so far: ICU's takes tens of microseconds, and a site's tags repeat.
    private static let transliterated = Memo { text in
        asciiSlug(text.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? "").slug
    }

    /// The slug of the ASCII letters and digits, and the Latin letters with an ASCII base, alone;
    /// and whether other letters were left out.
    static func asciiSlug(_ text: String) -> (slug: String, droppedLetters: Bool) {
        var result: [UInt8] = []
        var pendingDash = false, droppedLetters = false
        // Apostrophes join rather than separate: "Zürich's" → "zurichs", not "zurich-s"; so do the
        // primes transliteration writes for Cyrillic's soft and hard signs ("Ольга" → "Olʹga" → "olga").
        for scalar in text.lowercased().decomposedScalars where !(0x300...0x36F).contains(scalar.value) && !(0x2B9...0x2BC).contains(scalar.value)
            && scalar != "'" && scalar != "’" {
            if scalar.isASCII, isLowerAlnum(UInt8(scalar.value)) {
                if pendingDash, !result.isEmpty { result.append(0x2D) }
                pendingDash = false
                result.append(UInt8(scalar.value))
            } else {
                if !scalar.isASCII, scalar.properties.isAlphabetic { droppedLetters = true }
                pendingDash = true
            }
        }
        return (String(decoding: result, as: UTF8.self), droppedLetters)
    }

    static func isLowerAlnum(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }

    /// A function's results by argument, shared by every thread.
    final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String: String] = [:]
        private let make: @Sendable (String) -> String

        init(_ make: @escaping @Sendable (String) -> String) { self.make = make }

        func value(for key: String) -> String {
            if let known = lock.withLock({ values[key] }) { return known }
            let value = make(key)
            lock.withLock { values[key] = value }
            return value
        }
    }
}

extension String {
    /// Canonical decomposition (é → e + ◌́), so accents can be dropped when making slugs.
    var decomposedScalars: [Unicode.Scalar] {
        unicodeScalars.flatMap { scalar -> [Unicode.Scalar] in
            let decomposed = String(scalar).decomposedStringWithCanonicalMappingScalars
            return decomposed
        }
    }

    private var decomposedStringWithCanonicalMappingScalars: [Unicode.Scalar] {
        // Swift has no decomposition in the standard library; Latin-1 and Latin Extended-A cover
        // the names newsrooms write, via the table below.
        guard let scalar = unicodeScalars.first, let base = Slug.latinBase[scalar.value] else { return Array(unicodeScalars) }
        return Array(base.unicodeScalars)
    }
}

extension Slug {
    static let latinBase: [UInt32: String] = {
        let pairs: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
            ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("þ", "th"), ("ð", "d"),
        ]
        var table: [UInt32: String] = [:]
        for (letters, base) in pairs { for scalar in letters.unicodeScalars { table[scalar.value] = base } }
        return table
    }()
}
