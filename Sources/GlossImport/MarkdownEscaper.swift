/// Imported text is prose, not Markdown: a paragraph starting "2018. A year…" must not become a
/// list, nor "<b>" raw HTML (which safe mode would hide) nor "*" emphasis. Escapes only what
/// CommonMark would misread, so the source stays readable.
enum MarkdownEscaper {
    /// A whole paragraph of plain text: inline specials, then block starts.
    static func paragraph(_ text: String) -> String {
        lineStart(inline(text))
    }

    /// Backslashes, `*`, backticks, `_` at word edges, `<` before a tag, `&` before an entity and
    /// `[` when a link could follow.
    static func inline(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x2A || $0 == 0x60 || $0 == 0x5F || $0 == 0x3C || $0 == 0x26 || $0 == 0x5B }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        let mayLink = text.containsBytes("](") || text.containsBytes("][") || text.containsBytes("]:")
        for (index, scalar) in scalars.enumerated() {
            let previous = index > 0 ? scalars[index - 1] : nil
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalar {
            case "\\", "*", "`":
                out.append("\\")
            case "_":
                if !isWordScalar(previous) || !isWordScalar(next) { out.append("\\") }
            case "<":
                if let next, next.isLetterFast || next == "/" || next == "!" || next == "?" { out.append("\\") }
            case "&":
                if looksLikeEntity(scalars, from: index) { out.append("\\") }
            case "[":
                if mayLink { out.append("\\") }
            default:
                break
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// Escapes a line's opening when it would start a heading, quote, list, fence or thematic break.
    static func lineStart(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        let rest = text.unicodeScalars.dropFirst()
        switch first {
        case "#", ">", "~", "=", "|":
            return "\\" + text
        case "-", "+":
            let second = rest.first
            return second == nil || second == " " || second == first ? "\\" + text : text
        case "0"..."9":
            var digits = 1
            var index = rest.startIndex
            while index < rest.endIndex, ("0"..."9").contains(rest[index]) { digits += 1; index = rest.index(after: index) }
            guard digits <= 9, index < rest.endIndex, rest[index] == "." || rest[index] == ")" else { return text }
            let after = rest.index(after: index)
            guard after == rest.endIndex || rest[after] == " " else { return text }
            var out = String.UnicodeScalarView()
            out.append(first)
            out.append(contentsOf: rest[rest.startIndex..<index])
            out.append("\\")
            out.append(contentsOf: rest[index...])
            return String(out)
        default:
            return text
        }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.isLetterFast || ("0"..."9").contains(scalar)
    }

    /// `&amp;`, `&#8217;`, `&#x2019;`: would be decoded by Markdown and change the text.
    static func looksLikeEntity(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        var index = start + 1
        while index < scalars.count, index - start <= 32 {
            let scalar = scalars[index]
            if scalar == ";" { return index > start + 1 }
            guard scalar.isASCII, scalar.isLetterFast || ("0"..."9").contains(scalar) || scalar == "#" else { return false }
            index += 1
        }
        return false
    }
}
