import GlossMarkdown
import Mustache

/// HTML escaping for every `{{value}}` of the theme, in one pass over UTF-8 bytes that returns
/// the string itself when nothing needs escaping (most values). swift-mustache's built-in
/// escaper looks each Character up in a dictionary, which was a tenth of a large build.
/// Templates opt in through swift-mustache's content-type pragma, which `Theme` puts on a line
/// of its own before each template (a standalone tag: it adds nothing to the output); the
/// escaped characters are the same five, so the output is byte for byte what it was.
struct HTMLContentType: MustacheContentType {
    static let name = "GLOSS_HTML"
    static let pragma: String = {
        MustacheContentTypes.register(HTMLContentType(), named: name)
        return "{{% CONTENT_TYPE: \(name) }}\n"
    }()

    func escapeText(_ text: String) -> String { text.htmlEscaped }
}

/// Strings and numbers tell swift-mustache how they render and that they have no fields, in its
/// own protocols, so it takes its shortest paths: each protocol cast it tries costs 110–340 ns in
/// this runtime, and those casts were the largest share of rendering a page. As a value,
/// `{{value}}` no longer tries two more protocols (an optional inside `Any`, then
/// `String(describing:)`'s own casts); as the object of a section (`{{#author}}…{{/author}}`), a
/// name looked up in it is not searched for with `Mirror`. What they answer is what the
/// defaults gave: `String(describing:)`, not null, and no child of any name (a string's or an
/// integer's mirror has no children), so the output is the same.
extension String: @retroactive MustacheCustomRenderable, @retroactive MustacheParent {
    public var renderText: String { self }
    public var isNull: Bool { false }
    public func child(named: String) -> Any? { nil }
}

extension Int: @retroactive MustacheCustomRenderable, @retroactive MustacheParent {
    public var renderText: String { String(self) }
    public var isNull: Bool { false }
    public func child(named: String) -> Any? { nil }
}
