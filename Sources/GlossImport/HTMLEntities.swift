/// Character references in feed and page HTML: the named ones newsrooms use, and every numeric one.
enum HTMLEntities {
    static let named: [String: String] = {
        var table: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "mdash": "\u{2014}", "ndash": "\u{2013}",
            "hellip": "\u{2026}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "sbquo": "\u{201A}",
            "bdquo": "\u{201E}", "laquo": "\u{AB}", "raquo": "\u{BB}", "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}",
            "deg": "\u{B0}", "middot": "\u{B7}", "bull": "\u{2022}", "times": "\u{D7}", "divide": "\u{F7}", "euro": "\u{20AC}",
            "pound": "\u{A3}", "yen": "\u{A5}", "cent": "\u{A2}", "sect": "\u{A7}", "para": "\u{B6}", "shy": "\u{AD}",
            "zwj": "\u{200D}", "zwnj": "\u{200C}", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}", "minus": "\u{2212}",
            "prime": "\u{2032}", "Prime": "\u{2033}", "frac12": "\u{BD}", "frac14": "\u{BC}", "frac34": "\u{BE}", "iexcl": "\u{A1}",
            "iquest": "\u{BF}", "ordf": "\u{AA}", "ordm": "\u{BA}", "sup2": "\u{B2}", "sup3": "\u{B3}", "micro": "\u{B5}",
            "szlig": "\u{DF}", "dagger": "\u{2020}", "permil": "\u{2030}", "larr": "\u{2190}", "rarr": "\u{2192}",
        ]
        // Accented Latin letters: &eacute; &Eacute; &uuml; …
        let accents: [(String, String, String)] = [
            ("acute", "aeiouyAEIOUY", "\u{E1}\u{E9}\u{ED}\u{F3}\u{FA}\u{FD}\u{C1}\u{C9}\u{CD}\u{D3}\u{DA}\u{DD}"),
            ("grave", "aeiouAEIOU", "\u{E0}\u{E8}\u{EC}\u{F2}\u{F9}\u{C0}\u{C8}\u{CC}\u{D2}\u{D9}"),
            ("circ", "aeiouAEIOU", "\u{E2}\u{EA}\u{EE}\u{F4}\u{FB}\u{C2}\u{CA}\u{CE}\u{D4}\u{DB}"),
            ("uml", "aeiouyAEIOU", "\u{E4}\u{EB}\u{EF}\u{F6}\u{FC}\u{FF}\u{C4}\u{CB}\u{CF}\u{D6}\u{DC}"),
            ("tilde", "anoANO", "\u{E3}\u{F1}\u{F5}\u{C3}\u{D1}\u{D5}"),
            ("cedil", "cC", "\u{E7}\u{C7}"), ("ring", "aA", "\u{E5}\u{C5}"), ("slash", "oO", "\u{F8}\u{D8}"),
        ]
        for (suffix, letters, accented) in accents {
            for (letter, character) in zip(letters, accented) { table[String(letter) + suffix] = String(character) }
        }
        table["aelig"] = "\u{E6}"; table["AElig"] = "\u{C6}"; table["oelig"] = "\u{153}"; table["OElig"] = "\u{152}"
        return table
    }()

    /// Replaces `&name;`, `&#123;` and `&#x1F;`; anything unknown stays as written.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(0x26) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(33).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            if let value = value(of: name) {
                out += value
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        out += rest
        return out
    }

    static func value(of name: Substring) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let code = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let code, code != 0, let scalar = Unicode.Scalar(code) else { return code == nil ? nil : "\u{FFFD}" }
            return String(Character(scalar))
        }
        return named[String(name)]
    }
}
