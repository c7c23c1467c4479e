import Foundation

/// The body's partials (entity links, note marks and references, sidenotes, quote anchors,
/// images), compiled once into text and field slots: a 10,000-article site renders them about
/// 200,000 times, which through swift-mustache was most of building its article pages.
///
/// A partial is compiled by rendering it through swift-mustache with a marker in place of each
/// string or number field and splitting the output at the markers, so its output with real
/// values is the same text around the same values, escaped where the template escapes them. That
/// holds while a value's only effect on the template is its text and whether a section opens,
/// so a compiled form serves one *shape* of fields (which are nil, false or true), and
/// partials whose source could do more (transforms, other partials, new delimiters) are never
/// compiled. Anything else (a nested object, a marker the output lost) renders as before.
final class CompiledPartials: @unchecked Sendable {
    /// A partial compiled for one shape: text, and where each field goes.
    struct Compiled {
        enum Piece {
            case text(String)
            case field(name: String, escaped: Bool)
        }

        let pieces: [Piece]

        func render(_ fields: [String: Any]) -> String {
            var text = ""
            for piece in pieces {
                switch piece {
                case .text(let literal): text += literal
                case .field(let name, let escaped):
                    let value = fields[name].flatMap(CompiledPartials.text) ?? ""
                    text += escaped ? value.htmlEscaped : value
                }
            }
            return text
        }
    }

    /// Never in content: control characters are stripped from every document's text. The
    /// ampersand tells an escaped use (`&amp;`) from a raw one.
    static let markerEdge = "\u{1}"

    private struct Key: Hashable {
        var partial: String
        var shape: String
    }

    private let lock = NSLock()
    private var compiled: [Key: Compiled?] = [:]
    /// Partials whose source may be compiled, by name.
    private var plain: [String: Bool] = [:]

    /// The partial rendered with `fields`, or nil when it cannot be compiled for them (the caller
    /// renders it through the theme).
    func render(_ partial: String, _ fields: [String: Any], theme: Theme) -> String? {
        guard let shape = Self.shape(of: fields) else { return nil }
        let key = Key(partial: partial, shape: shape)
        if let known = lock.withLock({ compiled[key] }) { return known?.render(fields) }
        let isPlain = lock.withLock { plain[partial] } ?? theme.sources[partial].map(Self.isPlain) ?? false
        let made = isPlain ? Self.compile(partial, fields, theme: theme) : nil
        lock.withLock {
            plain[partial] = isPlain
            compiled[key] = .some(made)
        }
        return made?.render(fields)
    }

    /// Which fields are nil, false, true or text (an empty string opens a section in
    /// swift-mustache as any other does); nil when a field is anything else.
    static func shape(of fields: [String: Any]) -> String? {
        var shape = ""
        for name in fields.keys.sorted() {
            let mark: Character
            switch fields[name] {
            case is String, is Int: mark = "s"
            case let flag as Bool: mark = flag ? "t" : "f"
            case is TemplateNull: mark = "n"
            default: return nil
            }
            shape += name
            shape.append(mark)
            shape += "\u{0}"
        }
        return shape
    }

    /// A field's text, as swift-mustache renders it.
    static func text(_ value: Any) -> String? {
        switch value {
        case let text as String: text
        case let number as Int: String(number)
        default: nil
        }
    }

    /// True when every tag of the template only names a field: no transform (`{{f(x)}}`), no
    /// partial or block, no delimiter change.
    static func isPlain(_ source: String) -> Bool {
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { return false }
            let tag = rest[open.upperBound..<close.lowerBound]
            if tag.contains("(") || tag.drop(while: \.isWhitespace).first.map({ ">=<$".contains($0) }) == true { return false }
            rest = rest[close.upperBound...]
        }
        return true
    }

    /// Renders the partial with markers for its text fields and splits the output at them.
    static func compile(_ partial: String, _ fields: [String: Any], theme: Theme) -> Compiled? {
        var marked = fields
        var names: [String] = []
        for name in fields.keys.sorted() where text(fields[name]!) != nil {
            marked[name] = markerEdge + String(names.count) + "&" + markerEdge
            names.append(name)
        }
        // Text and markers alternate; an even count means a marker was cut or changed.
        guard let parts = theme.render(fields: marked, template: partial)?.components(separatedBy: markerEdge), parts.count % 2 == 1 else { return nil }
        var pieces: [Compiled.Piece] = []
        for (index, part) in parts.enumerated() {
            guard index % 2 == 1 else {
                if !part.isEmpty { pieces.append(.text(part)) }
                continue
            }
            let escaped = part.hasSuffix("&amp;")
            guard escaped || part.hasSuffix("&"), let number = Int(part.dropLast(escaped ? 5 : 1)), names.indices.contains(number) else { return nil }
            pieces.append(.field(name: names[number], escaped: escaped))
        }
        return Compiled(pieces: pieces)
    }
}
