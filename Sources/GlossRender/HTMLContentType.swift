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
