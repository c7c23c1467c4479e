import GlossContent
import GlossRender

/// Conservative HTML minification (`gloss publish --minify`): each run of white space in text
/// becomes one space (or one line break when it held one) and comments are dropped. Nothing
/// inside a tag changes, nor anything inside `pre`, `textarea`, `script` or `style`, so what a
/// browser renders is the same. Conditional comments (`<!--[if`) are kept.
public enum Minifier {
    public static func minify(_ files: [OutputFile]) -> [OutputFile] {
        files.map { $0.path.hasSuffix(".html") ? OutputFile(path: $0.path, bytes: minify(html: $0.bytes)) : $0 }
    }

    public static func minify(html: String) -> String {
        String(decoding: minify(html: Array(html.utf8)), as: UTF8.self)
    }

    static let rawText: [[UInt8]] = ["pre", "textarea", "script", "style"].map { Array($0.utf8) }

    public static func minify(html bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var space: UInt8? = nil  // pending white space: 0x20 or 0x0A
        func emitSpace() {
            if let s = space, !out.isEmpty { out.append(s) }
            space = nil
        }
        func startsWith(_ text: String, at index: Int) -> Bool {
            let t = Array(text.utf8)
            return index + t.count <= bytes.count && Array(bytes[index..<index + t.count]) == t
        }
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x3C, startsWith("<!--", at: i) {
                let end = find("-->", in: bytes, from: i + 4).map { $0 + 3 } ?? bytes.count
                if startsWith("<!--[if", at: i) || startsWith("<!--<![endif", at: i) {
                    emitSpace()
                    out += bytes[i..<end]
                }
                i = end
                continue
            }
            if b == 0x3C, i + 1 < bytes.count, isTagStart(bytes[i + 1]) {
                emitSpace()
                // Copy the tag as it is, quotes and all.
                var j = i + 1
                var quote: UInt8? = nil
                while j < bytes.count {
                    let c = bytes[j]
                    if let q = quote { if c == q { quote = nil } } else if c == 0x22 || c == 0x27 { quote = c } else if c == 0x3E { break }
                    j += 1
                }
                let end = min(j + 1, bytes.count)
                out += bytes[i..<end]
                // An opening raw-text tag: copy through to its closing tag.
                let nameStart = i + 1
                var nameEnd = nameStart
                while nameEnd < end, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
                let name = bytes[nameStart..<nameEnd].map(lower)
                i = end
                if rawText.contains(name), bytes[max(nameStart, end - 2)] != 0x2F {
                    let close = Array("</".utf8) + name
                    var k = i
                    while k < bytes.count {
                        if k + close.count <= bytes.count, bytes[k] == 0x3C, bytes[k..<k + close.count].map(lower) == close { break }
                        k += 1
                    }
                    out += bytes[i..<k]
                    i = k
                }
                continue
            }
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                if b == 0x0A { space = 0x0A } else if space == nil { space = 0x20 }
                i += 1
                continue
            }
            emitSpace()
            out.append(b)
            i += 1
        }
        if space == 0x0A { out.append(0x0A) }
        return out
    }

    static func isTagStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2F || b == 0x21 || b == 0x3F
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D
    }

    static func find(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
        let n = Array(needle.utf8)
        var i = start
        while i + n.count <= bytes.count {
            if bytes[i] == n[0], Array(bytes[i..<i + n.count]) == n { return i }
            i += 1
        }
        return nil
    }
}
