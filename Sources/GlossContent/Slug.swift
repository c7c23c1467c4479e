/// Page names: the file name of an article or entity, and the form tags take in URLs.
public enum Slug {
    /// `[a-z0-9][a-z0-9-]*`: safe in every URL and file system, and never `..`.
    public static func isValid(_ slug: String) -> Bool {
        guard let first = slug.utf8.first, isLowerAlnum(first) else { return false }
        return slug.utf8.allSatisfy { isLowerAlnum($0) || $0 == 0x2D }
    }

    /// "United States" → "united-states"; letters outside ASCII are folded where they have an
    /// ASCII base ("Zürich" → "zurich") and dropped otherwise.
    public static func make(from text: String) -> String {
        var result: [UInt8] = []
        var pendingDash = false
        // Apostrophes join rather than separate: "Zürich's" → "zurichs", not "zurich-s".
        for scalar in text.lowercased().decomposedScalars where !(0x300...0x36F).contains(scalar.value) && scalar != "'" && scalar != "’" {
            if scalar.isASCII, isLowerAlnum(UInt8(scalar.value)) {
                if pendingDash, !result.isEmpty { result.append(0x2D) }
                pendingDash = false
                result.append(UInt8(scalar.value))
            } else {
                pendingDash = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func isLowerAlnum(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
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
