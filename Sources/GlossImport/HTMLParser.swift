/// A node of a forgiving HTML tree: enough structure to convert feed and page content to
/// Markdown, without a browser's full tree-building rules.
final class HTMLNode {
    /// Lowercased tag name; "#text" for text, "#root" for the document.
    let name: String
    var attributes: [String: String]
    var text: String
    var children: [HTMLNode] = []

    init(name: String, attributes: [String: String] = [:], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.text = text
    }

    /// All text below this node, as written (not collapsed).
    var textContent: String {
        name == "#text" ? text : children.map(\.textContent).joined()
    }

    /// The first descendant (depth first) with this name.
    func first(_ tag: String) -> HTMLNode? {
        for child in children {
            if child.name == tag { return child }
            if let found = child.first(tag) { return found }
        }
        return nil
    }

    func all(_ tag: String, into result: inout [HTMLNode]) {
        for child in children {
            if child.name == tag { result.append(child) }
            child.all(tag, into: &result)
        }
    }
}

/// Tokenises HTML and builds an `HTMLNode` tree, closing what browsers close implicitly (`<p>`
/// before a block, `<li>` before the next item) and ignoring stray end tags. Never fails: any
/// byte sequence gives some tree, and nesting is capped so rendering cannot overflow the stack.
enum HTMLParser {
    static let voidElements: Set<String> = ["br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "col", "embed", "param", "track", "base"]
    static let rawTextElements: Set<String> = ["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes"]
    static let closesParagraph: Set<String> = ["p", "div", "ul", "ol", "dl", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table",
                                               "section", "article", "aside", "header", "footer", "nav", "figure", "hr", "form", "address", "main", "details"]
    static let maxDepth = 200

    static func parse(_ html: String) -> HTMLNode {
        let bytes = Array(html.utf8)
        let root = HTMLNode(name: "#root")
        var stack = [root]
        var index = 0
        var textStart = 0

        func addText(_ text: String) {
            guard !text.isEmpty else { return }
            let parent = stack[stack.count - 1]
            if let last = parent.children.last, last.name == "#text" { last.text += text } else { parent.children.append(HTMLNode(name: "#text", text: text)) }
        }
        func flushText(upTo end: Int) {
            if end > textStart { addText(HTMLEntities.decode(String(decoding: bytes[textStart..<end], as: UTF8.self))) }
        }
        func close(_ name: String, stoppingAt boundaries: Set<String> = []) {
            guard let position = stack.lastIndex(where: { $0.name == name }), position > 0,
                  !stack[position...].contains(where: { boundaries.contains($0.name) }) else { return }
            stack.removeSubrange(position...)
        }

        while index < bytes.count {
            guard bytes[index] == 0x3C else { index += 1; continue }  // <
            let tagStart = index
            if starts(bytes, at: index, with: "<!--") {
                flushText(upTo: tagStart)
                index = find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? bytes.count
                textStart = index
            } else if starts(bytes, at: index, with: "<![CDATA[") {
                flushText(upTo: tagStart)
                let end = find(bytes, "]]>", from: index + 9) ?? bytes.count
                addText(String(decoding: bytes[(index + 9)..<end], as: UTF8.self))
                index = min(end + 3, bytes.count)
                textStart = index
            } else if index + 1 < bytes.count, bytes[index + 1] == 0x21 || bytes[index + 1] == 0x3F {  // <! <?
                flushText(upTo: tagStart)
                index = (bytes[index...].firstIndex(of: 0x3E) ?? bytes.count - 1) + 1
                textStart = index
            } else if let tag = Tag.read(bytes, at: index) {
                flushText(upTo: tagStart)
                index = tag.end
                textStart = index
                if tag.isEnd {
                    close(tag.name, stoppingAt: tag.name == "li" ? ["ul", "ol"] : [])
                    continue
                }
                if closesParagraph.contains(tag.name) { close("p", stoppingAt: ["td", "th", "li", "blockquote", "button"]) }
                switch tag.name {
                case "li": close("li", stoppingAt: ["ul", "ol"])
                case "dt", "dd": close("dt", stoppingAt: ["dl"]); close("dd", stoppingAt: ["dl"])
                case "td", "th": close("td", stoppingAt: ["tr", "table"]); close("th", stoppingAt: ["tr", "table"])
                case "tr": close("tr", stoppingAt: ["table"])
                case "option": close("option", stoppingAt: ["select"])
                default: break
                }
                let node = HTMLNode(name: tag.name, attributes: tag.attributes)
                if rawTextElements.contains(tag.name), !tag.selfClosing {
                    let end = findEndTag(bytes, tag.name, from: index) ?? bytes.count
                    node.children.append(HTMLNode(name: "#text", text: HTMLEntities.decode(String(decoding: bytes[index..<end], as: UTF8.self))))
                    stack[stack.count - 1].children.append(node)
                    index = (bytes[end...].firstIndex(of: 0x3E) ?? bytes.count - 1) + 1
                    textStart = index
                    continue
                }
                if stack.count < maxDepth { stack[stack.count - 1].children.append(node) }
                if !voidElements.contains(tag.name), !tag.selfClosing, stack.count < maxDepth { stack.append(node) }
            } else {
                index += 1  // a lone "<" is text
            }
        }
        flushText(upTo: bytes.count)
        return root
    }

    struct Tag {
        var name: String
        var attributes: [String: String]
        var isEnd: Bool
        var selfClosing: Bool
        var end: Int

        /// `<name attr="v" attr2=v attr3>` or `</name>`, starting at `<`; nil if it is not a tag.
        static func read(_ bytes: [UInt8], at start: Int) -> Tag? {
            var i = start + 1
            let isEnd = i < bytes.count && bytes[i] == 0x2F
            if isEnd { i += 1 }
            guard i < bytes.count, isLetter(bytes[i]) else { return nil }
            let nameStart = i
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != 0x3E, bytes[i] != 0x2F { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
            var attributes: [String: String] = [:]
            var selfClosing = false
            while i < bytes.count, bytes[i] != 0x3E {
                if isSpace(bytes[i]) { i += 1; continue }
                if bytes[i] == 0x2F { selfClosing = true; i += 1; continue }
                let keyStart = i
                while i < bytes.count, !isSpace(bytes[i]), bytes[i] != 0x3E, bytes[i] != 0x3D, !(bytes[i] == 0x2F && i + 1 < bytes.count && bytes[i + 1] == 0x3E) { i += 1 }
                let key = String(decoding: bytes[keyStart..<i], as: UTF8.self).lowercased()
                selfClosing = false
                while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                var value = ""
                if i < bytes.count, bytes[i] == 0x3D {
                    i += 1
                    while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                    if i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 {
                        let quote = bytes[i]
                        let valueStart = i + 1
                        i = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                        value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
                        i = min(i + 1, bytes.count)
                    } else {
                        let valueStart = i
                        while i < bytes.count, !isSpace(bytes[i]), bytes[i] != 0x3E { i += 1 }
                        value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
                    }
                }
                if !key.isEmpty, attributes[key] == nil { attributes[key] = HTMLEntities.decode(value) }
                if i == keyStart { i += 1 }
            }
            return Tag(name: name, attributes: attributes, isEnd: isEnd, selfClosing: selfClosing, end: min(i + 1, bytes.count))
        }
    }

    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

    static func starts(_ bytes: [UInt8], at index: Int, with text: String) -> Bool {
        let pattern = Array(text.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        for (offset, byte) in pattern.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }

    static func find(_ bytes: [UInt8], _ text: String, from start: Int) -> Int? {
        let pattern = Array(text.utf8)
        guard let first = pattern.first, start < bytes.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, starts(bytes, at: index, with: text) { return index }
            index += 1
        }
        return nil
    }

    /// Start of `</name` (any case) at or after `start`.
    static func findEndTag(_ bytes: [UInt8], _ name: String, from start: Int) -> Int? {
        let pattern = Array(("</" + name).utf8)
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == 0x3C {
                var matched = true
                for (offset, byte) in pattern.enumerated() {
                    let candidate = bytes[index + offset]
                    let lower = (0x41...0x5A).contains(candidate) ? candidate + 0x20 : candidate
                    if lower != byte { matched = false; break }
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
