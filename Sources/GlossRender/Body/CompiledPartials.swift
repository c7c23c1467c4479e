import Foundation

/// The body's partials (entity links, note marks and references, sidenotes, quote anchors,
/// images), compiled once into text and field slots: a 10,000-article site renders them about
/// 200,000 times, which through swift-mustache was two thirds of making its pages' bodies.
///
/// A partial is compiled by rendering it through swift-mustache with a marker in place of each
/// string or number field and splitting the output at the markers, so its output with real
/// values is the same text around the same values, escaped where the template escapes them. That
/// holds while a value's only effect on the template is its text and whether a section opens,
/// so a compiled form serves one *shape* of fields (their names, and which are nil, false or
/// true), and partials whose source could do more (transforms, other partials, new delimiters)
/// are never compiled. Anything else (a nested object, a marker the output lost) renders as before.
final class CompiledPartials: @unchecked Sendable {
    /// A partial compiled for one shape: text, and where each field goes.
    struct Compiled {
        enum Piece {
            case text(String)
            case field(index: Int, escaped: Bool)
        }

        let pieces: [Piece]

        func render(_ values: [Any]) -> String {
            var text = ""
            for piece in pieces {
                switch piece {
                case .text(let literal): text += literal
                case .field(let index, let escaped):
                    let value = CompiledPartials.text(values[index]) ?? ""
                    text += escaped ? value.htmlEscaped : value
                }
            }
            return text
        }
    }

    /// The fields' names in order, and what each value is: text (a string or number), nil,
    /// false or true (an empty string opens a section in swift-mustache as any other does).
    struct Shape: Equatable {
        var names: [String]
        var kinds: [UInt8]

        /// Nil when a value is anything else.
        init?(_ fields: TemplateObject.Fields) {
            names = fields.names
            kinds = []
            kinds.reserveCapacity(fields.values.count)
            for value in fields.values {
                switch value {
                case is String, is Int: kinds.append(0)
                case is TemplateNull: kinds.append(1)
                case let flag as Bool: kinds.append(flag ? 3 : 2)
                default: return nil
                }
            }
        }
    }

    /// Markers are `EDGE index & EDGE`: the edge is a control character no template writes (a
    /// template that does is not compiled), and the ampersand tells an escaped use (`&amp;`)
    /// from a raw one. Only the output of the marked render is split, never a real value.
    static let markerEdge = "\u{1}"

    private struct Partial {
        /// Whether the source may be compiled.
        var isPlain: Bool
        var forms: [(shape: Shape, compiled: Compiled?)] = []
    }

    private let lock = NSLock()
    private var partials: [String: Partial] = [:]

    /// The partial rendered with `object`'s fields, or nil when it cannot be compiled for them
    /// (the caller renders it through the theme).
    func render(_ partial: String, _ object: TemplateObject, theme: Theme) -> String? {
        guard let shape = Shape(object.fields) else { return nil }
        let known = lock.withLock { partials[partial] }
        if let known, let form = known.forms.first(where: { $0.shape == shape }) { return form.compiled?.render(object.fields.values) }
        let isPlain = known?.isPlain ?? theme.sources[partial].map(Self.isPlain) ?? false
        let made = isPlain ? Self.compile(partial, object, theme: theme) : nil
        lock.withLock { partials[partial, default: Partial(isPlain: isPlain)].forms.append((shape, made)) }
        return made?.render(object.fields.values)
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
    static func compile(_ partial: String, _ object: TemplateObject, theme: Theme) -> Compiled? {
        let marked = TemplateObject.Fields()
        marked.names = object.fields.names
        marked.values = object.fields.values.enumerated().map { index, value in
            text(value) == nil ? value : markerEdge + String(index) + "&" + markerEdge
        }
        // Text and markers alternate; an even count means a marker was cut or changed.
        guard let parts = theme.render(TemplateObject(marked), template: partial)?.components(separatedBy: markerEdge), parts.count % 2 == 1 else {
            return nil
        }
        var pieces: [Compiled.Piece] = []
        for (index, part) in parts.enumerated() {
            guard index % 2 == 1 else {
                if !part.isEmpty { pieces.append(.text(part)) }
                continue
            }
            let escaped = part.hasSuffix("&amp;")
            guard escaped || part.hasSuffix("&"), let field = Int(part.dropLast(escaped ? 5 : 1)), marked.values.indices.contains(field) else { return nil }
            pieces.append(.field(index: field, escaped: escaped))
        }
        return Compiled(pieces: pieces)
    }
}
