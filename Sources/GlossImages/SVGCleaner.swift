import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GlossContent
import GlossMarkdown

/// Makes an SVG safe to publish: it is parsed (libxml2, through Foundation's XMLParser) and
/// written again keeping only drawing elements and attributes: no scripts, event handlers,
/// `foreignObject`, animation (which can rewrite links), outside references (`href`, `url()`
/// and CSS `@import` to anything but the document itself or an embedded picture), or
/// elements and attributes of other vocabularies (editor metadata). A document with entity
/// declarations (which can expand without bound) or that is not well-formed is refused.
/// Gloss publishes the result as a file shown with `<img>`, never inlined in a page.
enum SVGCleaner {
    static let maxBytes = 4 << 20

    static func clean(_ bytes: [UInt8]) -> Result<Drawing, PictureReader.Refusal> {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        if text.contains("<!entity") || bytes.count > 4096 && String(decoding: bytes, as: UTF8.self).lowercased().contains("<!entity") {
            return .failure(.init("SVG declares XML entities, which Gloss does not expand"))
        }
        let input: Data
        switch XMLParserInput.prepare(Data(bytes)) {
        case .success(let prepared): input = prepared
        case .failure(let refusal): return .failure(.init("SVG \(refusal.message)"))
        }
        let writer = Writer()
        let parser = XMLParser(data: input)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = writer
        guard parser.parse() else {
            return .failure(.init("SVG is not well-formed XML (line \(parser.lineNumber)): \(parser.parserError.map { "\($0.localizedDescription)" } ?? "parse error")"))
        }
        if let problem = writer.problem { return .failure(.init(problem)) }
        guard writer.sawRoot else { return .failure(.init("not an SVG document (its root element is not <svg>)")) }
        return .success(Drawing(bytes: Array(writer.output.utf8), width: writer.size.width, height: writer.size.height))
    }

    /// SVG's drawing elements (SVG 1.1 and 2), without script, foreignObject, animation or
    /// anything that loads outside content by itself.
    static let elements: Set<String> = [
        "a", "svg", "g", "defs", "symbol", "use", "title", "desc", "path", "rect", "circle", "ellipse", "line", "polyline",
        "polygon", "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern",
        "marker", "image", "style", "switch", "view", "filter", "feBlend", "feColorMatrix", "feComponentTransfer",
        "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow",
        "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode",
        "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    ]

    /// True when a value may stay: no script schemes, and `url(…)` only to `#fragments`.
    static func isSafe(_ value: String) -> Bool {
        let squeezed = String(value.lowercased().unicodeScalars.filter { $0.value > 0x20 && $0 != "\\" })
        if squeezed.contains("javascript:") || squeezed.contains("vbscript:") || squeezed.contains("@import")
            || squeezed.contains("expression(") { return false }
        var rest = Substring(squeezed)
        while let open = rest.range(of: "url(") {
            rest = rest[open.upperBound...]
            let target = rest.drop { $0 == "'" || $0 == "\"" }
            if !target.hasPrefix("#") { return false }
        }
        return !squeezed.contains("data:") || squeezed.hasPrefix("data:image/")
    }

    /// An `href` may name a part of this document, or (on `<image>`) a picture embedded as data.
    static func isSafeReference(_ value: String, element: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if trimmed.hasPrefix("#") { return true }
        guard element == "image" || element == "feImage" else { return false }
        return ["data:image/png;base64,", "data:image/jpeg;base64,", "data:image/gif;base64,", "data:image/webp;base64,"]
            .contains { trimmed.hasPrefix($0) }
    }

    /// Rebuilds the document from parser events, leaving out what is not allowed.
    final class Writer: NSObject, XMLParserDelegate {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        var problem: String?
        var sawRoot = false
        var size: (width: Int?, height: Int?) = (nil, nil)
        /// Depth inside an element being left out (with everything in it).
        private var skipping = 0
        private var stack: [String] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String]) {
            if stack.isEmpty {
                guard name == "svg" else {
                    problem = "not an SVG document (its root element is <\(name)>)"
                    parser.abortParsing()
                    return
                }
                sawRoot = true
                size = SVGCleaner.size(attributes)
            }
            stack.append(name)
            if skipping > 0 || !SVGCleaner.elements.contains(name) {
                skipping += 1
                return
            }
            output += "<" + name
            for key in attributes.keys.sorted() {
                guard let value = attributes[key], keep(key, value, element: name) else { continue }
                output += " \(key)=\"\(value.htmlEscaped)\""
            }
            output += ">"
        }

        func keep(_ key: String, _ value: String, element: String) -> Bool {
            let lower = key.lowercased()
            if lower.hasPrefix("on") { return false }
            if lower == "href" || lower == "xlink:href" { return SVGCleaner.isSafeReference(value, element: element) }
            if lower == "xmlns" || lower == "xmlns:xlink" { return true }
            if lower.contains(":") && !lower.hasPrefix("xlink:") && !lower.hasPrefix("xml:") { return false }
            return SVGCleaner.isSafe(value)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
            if skipping > 0 {
                skipping -= 1
                return
            }
            output += "</\(name)>"
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

        func parser(_ parser: XMLParser, foundCDATA block: Data) { text(String(decoding: block, as: UTF8.self)) }

        private func text(_ string: String) {
            guard skipping == 0, let element = stack.last else { return }
            if element == "style", !SVGCleaner.isSafe(string) {
                problem = "SVG <style> loads something from outside the drawing (url(), @import)"
                return
            }
            output += string.htmlEscaped
        }
    }

    /// The root's size in CSS pixels: `width`/`height` when they are plain numbers (or px),
    /// else the `viewBox`'s.
    static func size(_ attributes: [String: String]) -> (width: Int?, height: Int?) {
        let number = { (text: String?) -> Int? in
            guard var text = text?.trimmingCharacters(in: .whitespaces) else { return nil }
            if text.hasSuffix("px") { text.removeLast(2) }
            return Double(text).flatMap { $0 > 0 && $0 < 100_000 ? Int($0.rounded()) : nil }
        }
        if let width = number(attributes["width"]), let height = number(attributes["height"]) { return (width, height) }
        let box = (attributes["viewBox"] ?? "").split { $0 == " " || $0 == "," }.compactMap { Double($0) }
        guard box.count == 4, box[2] > 0, box[3] > 0, box[2] < 100_000, box[3] < 100_000 else { return (nil, nil) }
        return (Int(box[2].rounded()), Int(box[3].rounded()))
    }
}
