#if canImport(Glibc)
import Glibc
#endif

/// Removes the program text of scripts and style sheets from a page before gumbo parses it.
///
/// Why: on saved news pages that text is about two thirds of the bytes (63% on Tests/ImportEval),
/// gumbo tokenises it one character at a time, and `GumboTree` never copies it; removing it first
/// cut an import's CPU time by a third (`make bench-import`). It is not a parser: it follows only
/// as much of the HTML tokenizer as it needs to be sure where a script's or a style sheet's text
/// starts and ends (tags and their quoted attributes, comments, the raw text of `title`,
/// `textarea`, `iframe` and the like, inline SVG and MathML read to their end), and it stops
/// removing at anything it does not follow: markup that leaves SVG or MathML early, `plaintext`,
/// `frameset`, raw-text elements inside `<select>`, a script that opens an HTML comment and then
/// names `<script` again. Line breaks are kept, so every node keeps its line; JSON scripts
/// (JSON-LD metadata) are kept whole. `ScriptTextFilterTests` (every page of Tests/ImportEval and
/// the tricky cases) and the import-html fuzzer check that the parsed tree is the same without it.
enum ScriptTextFilter {
    /// The page without its program text, or nil when there is none to remove.
    static func filtered(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        var copied = 0
        var i = 0
        let n = b.count
        // Inside `<select>` the tree builder ignores `<style>`, `<title>` and the like, and the
        // tokenizer reads their text as markup.
        var inSelect = false
        scan: while let lt = find(0x3C, in: b, from: i) {
            i = lt
            let next = lt + 1 < n ? b[lt + 1] : 0
            switch next {
            case 0x21, 0x3F:  // <! and <?
                guard let end = declarationEnd(b, from: lt, cdata: false) else { break scan }
                i = end
            case 0x2F:  // </
                if lt + 2 < n, isAlpha(b[lt + 2]) {
                    guard let end = tagEnd(b, nameStart: lt + 2)?.end else { break scan }
                    if inSelect, lowercasedName(b, from: lt + 2) == "select" { inSelect = false }
                    i = end
                } else if lt + 2 < n, b[lt + 2] == 0x3E {
                    i = lt + 3
                } else {
                    guard let gt = find(0x3E, in: b, from: lt + 2) else { break scan }
                    i = gt + 1
                }
            case _ where isAlpha(next):
                guard let (end, selfClosing) = tagEnd(b, nameStart: lt + 1) else { break scan }
                i = end
                let name = lowercasedName(b, from: lt + 1)
                if inSelect {
                    if ignoredInSelect.contains(name) { break scan }
                    if closesSelect.contains(name) { inSelect = false }
                } else if name == "select" {
                    inSelect = true
                }
                switch name {
                case "svg", "math":
                    if selfClosing { break }
                    guard let after = foreignEnd(b, from: end, root: name) else { break scan }
                    i = after
                case "script", "style":
                    let keep = name == "script" && firstIndex(of: Array("json".utf8), in: b, lt..<end) != nil
                    let close = closingTag(name, in: b, from: end)
                    if name == "script", escapesAgain(b, end..<close) { break scan }
                    if !keep, close > end {
                        output.append(contentsOf: b[copied..<end])
                        appendLineBreaks(of: b[end..<close], to: &output)
                        copied = close
                    }
                    i = close
                case _ where rawText.contains(name):
                    i = closingTag(name, in: b, from: end)
                case "plaintext", "frameset":
                    break scan
                default:
                    break
                }
            default:
                i = lt + 1
            }
        }
        guard copied > 0 else { return nil }
        output.append(contentsOf: b[copied..<n])
        return output
    }

    /// One `\n` for each line break in `text` (`\r\n`, `\r` or `\n`), so that the text's lines stay
    /// and no `\r` left from one break pairs with the `\n` of the next.
    static func appendLineBreaks(of text: Slice<UnsafeBufferPointer<UInt8>>, to output: inout [UInt8]) {
        // Most program text has no CR: its LFs are then found with memchr, not byte by byte.
        let bounded = UnsafeBufferPointer(rebasing: text)
        if find(0x0D, in: bounded, from: 0) == nil {
            var at = 0
            while let lf = find(0x0A, in: bounded, from: at) { output.append(0x0A); at = lf + 1 }
            return
        }
        var previous: UInt8 = 0
        for byte in text {
            if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { output.append(0x0A) }
            previous = byte
        }
    }

    /// Elements whose text is read to their end tag without markup. Not `noscript`: gumbo parses
    /// without scripting, so what a `<noscript>` holds is markup (a `<textarea>` or a comment in it
    /// can hide its end tag) and is read like any other.
    static let rawText: Set<String> = ["title", "textarea", "xmp", "iframe", "noembed", "noframes"]
    /// Start tags the tree builder ignores inside `<select>`, so that their text is read as markup.
    static let ignoredInSelect: Set<String> = ["style", "title", "xmp", "iframe", "noembed", "noframes"]
    /// Start tags that end a `<select>` in the tree builder.
    static let closesSelect: Set<String> = ["select", "textarea", "input", "keygen"]

    /// Just past the end tag of an inline `<svg>` or `<math>` whose start tag ends at `start`, read
    /// as the tokenizer reads foreign content (no raw text; `<![CDATA[…]]>` sections); nil at
    /// anything that could leave foreign content early or read markup as HTML there (an HTML tag
    /// such as `<p>` or `<div>`, an end tag that does not close the element last opened or carries
    /// more than its name, any tag inside an SVG `<title>` or a MathML `<mi>`), or at the end of the page.
    static func foreignEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int, root: String) -> Int? {
        let n = b.count
        var open = [root]
        var integrationPoint: String?
        var i = start
        while let lt = find(0x3C, in: b, from: i) {
            let next = lt + 1 < n ? b[lt + 1] : 0
            switch next {
            case 0x21, 0x3F:
                guard let end = declarationEnd(b, from: lt, cdata: true) else { return nil }
                i = end
            case 0x2F:
                guard lt + 2 < n, isAlpha(b[lt + 2]), let end = tagEnd(b, nameStart: lt + 2)?.end else { return nil }
                let name = lowercasedName(b, from: lt + 2)
                // Only a plain end tag (`</math>`): gumbo left `<math>` open after `</math a title</title>`.
                guard open.last == name, b[(lt + 2 + name.utf8.count)..<(end - 1)].allSatisfy(isSpace) else { return nil }
                open.removeLast()
                if name == integrationPoint { integrationPoint = nil }
                if open.isEmpty { return end }
                i = end
            case _ where isAlpha(next):
                guard let (end, selfClosing) = tagEnd(b, nameStart: lt + 1) else { return nil }
                let name = lowercasedName(b, from: lt + 1)
                if integrationPoint != nil || leavesForeignContent.contains(name) { return nil }
                if !selfClosing {
                    open.append(name)
                    if integrationPoints.contains(name) { integrationPoint = name }
                }
                i = end
            default:
                i = lt + 1
            }
        }
        return nil
    }

    /// HTML start tags that end foreign content (the tree builder's list, plus `font`), and
    /// end tags that may: seen inside SVG or MathML, the filter stops.
    static let leavesForeignContent: Set<String> = [
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre",
        "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font",
        "html", "frameset",
    ]
    /// Elements of SVG and MathML whose content is read as HTML (`<style>` in an SVG `<title>` is raw text again).
    static let integrationPoints: Set<String> = ["foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"]

    /// Just past what opens with `<!` or `<?` at `lt`: a comment, a CDATA section (only in foreign
    /// content, `cdata`), or a bogus comment or DOCTYPE, which the first `>` ends; nil at the end of the page.
    static func declarationEnd(_ b: UnsafeBufferPointer<UInt8>, from lt: Int, cdata: Bool) -> Int? {
        let n = b.count
        if b[lt + 1] == 0x21, lt + 3 < n, b[lt + 2] == 0x2D, b[lt + 3] == 0x2D { return commentEnd(b, from: lt) }
        if cdata, b[lt + 1] == 0x21, lt + 9 <= n, b[(lt + 2)..<(lt + 9)].elementsEqual("[CDATA[".utf8) {
            return firstIndex(of: Array("]]>".utf8), in: b, (lt + 9)..<n).map { $0 + 3 }
        }
        return find(0x3E, in: b, from: lt + 2).map { $0 + 1 }
    }

    /// Just past a comment that opens at `lt` (`<!--`): at the first `-->` (its dashes may be the
    /// opening ones: `<!-->`, `<!--->`) or `--!>`; nil when the page ends inside it.
    static func commentEnd(_ b: UnsafeBufferPointer<UInt8>, from lt: Int) -> Int? {
        var k = lt + 2
        while let dash = find(0x2D, in: b, from: k) {
            guard dash + 2 < b.count else { return nil }
            if b[dash + 1] == 0x2D {
                if b[dash + 2] == 0x3E { return dash + 3 }
                if dash >= lt + 4, dash + 3 < b.count, b[dash + 2] == 0x21, b[dash + 3] == 0x3E { return dash + 4 }
            }
            k = dash + 1
        }
        return nil
    }

    /// Just past the `>` of a start or end tag whose name starts at `nameStart`, reading its
    /// attributes as the tokenizer does (a `>` inside a quoted value does not end the tag), and
    /// whether it ends in `/>`; nil at the end of the page.
    static func tagEnd(_ b: UnsafeBufferPointer<UInt8>, nameStart: Int) -> (end: Int, selfClosing: Bool)? {
        let n = b.count
        var j = nameStart
        while j < n, !isSpace(b[j]), b[j] != 0x2F, b[j] != 0x3E { j += 1 }
        while j < n {
            let c = b[j]
            if c == 0x2F, j + 1 < n, b[j + 1] == 0x3E { return (j + 2, true) }
            if isSpace(c) || c == 0x2F { j += 1; continue }
            if c == 0x3E { return (j + 1, false) }
            j += 1  // an attribute's name, whatever its first character (even `=`)
            while j < n, !isSpace(b[j]), b[j] != 0x2F, b[j] != 0x3E, b[j] != 0x3D { j += 1 }
            while j < n, isSpace(b[j]) { j += 1 }
            guard j < n else { return nil }
            guard b[j] == 0x3D else { continue }
            j += 1
            while j < n, isSpace(b[j]) { j += 1 }
            guard j < n else { return nil }
            if b[j] == 0x22 || b[j] == 0x27 {
                guard let quote = find(b[j], in: b, from: j + 1) else { return nil }
                j = quote + 1
            } else if b[j] == 0x3E {
                return (j + 1, false)
            } else {
                while j < n, !isSpace(b[j]), b[j] != 0x3E { j += 1 }
            }
        }
        return nil
    }

    /// Where the element's text ends: the `<` of the first `</name` followed by a space, `/` or
    /// `>` (any case); the end of the page when there is none.
    static func closingTag(_ name: String, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let letters = Array(name.utf8)
        var k = start
        while let lt = find(0x3C, in: b, from: k) {
            let after = lt + 2 + letters.count
            if after < b.count, b[lt + 1] == 0x2F, matches(b, at: lt + 2, letters) {
                let c = b[after]
                if isSpace(c) || c == 0x2F || c == 0x3E { return lt }
            }
            k = lt + 1
        }
        return b.count
    }

    /// A script's text that opens an HTML comment and then has `<script` in it may be "double
    /// escaped", where the first `</script>` does not end it: not followed here.
    static func escapesAgain(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let comment = firstIndex(of: Array("<!--".utf8), in: b, range) else { return false }
        return firstIndex(of: Array("<script".utf8), in: b, comment..<range.upperBound) != nil
    }

    // MARK: bytes

    static func find(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < b.count, let base = b.baseAddress else { return nil }
        guard let hit = memchr(base + start, Int32(byte), b.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    static func isAlpha(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
    static func lower(_ c: UInt8) -> UInt8 { (0x41...0x5A).contains(c) ? c | 0x20 : c }

    static func lowercasedName(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> String {
        var end = start
        while end < b.count, end - start < 16, !isSpace(b[end]), b[end] != 0x2F, b[end] != 0x3E { end += 1 }
        return String(decoding: b[start..<end].map(lower), as: UTF8.self)
    }

    /// Whether `letters` (lowercase ASCII) are at `k`, in any case.
    static func matches(_ b: UnsafeBufferPointer<UInt8>, at k: Int, _ letters: [UInt8]) -> Bool {
        guard k + letters.count <= b.count else { return false }
        for (offset, letter) in letters.enumerated() where lower(b[k + offset]) != letter { return false }
        return true
    }

    /// Where `letters` (lowercase ASCII) first are in `range`, in any case; found with `memchr`
    /// when they start with a byte that has no case (`<`, `]`).
    static func firstIndex(of letters: [UInt8], in b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var k = range.lowerBound
        if isAlpha(letters[0]) {
            while k + letters.count <= range.upperBound {
                if matches(b, at: k, letters) { return k }
                k += 1
            }
            return nil
        }
        while let hit = find(letters[0], in: b, from: k), hit < range.upperBound {
            if hit + letters.count <= range.upperBound, matches(b, at: hit, letters) { return hit }
            k = hit + 1
        }
        return nil
    }
}
