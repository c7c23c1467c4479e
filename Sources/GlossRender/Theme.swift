import GlossContent
import Mustache

/// The templates and assets a build renders with: the built-in theme, with any file of the
/// site's own `Templates/` replacing the built-in one of the same name.
public struct Theme: Sendable {
    let library: MustacheLibrary
    /// Template name → source: what the render cache compares to know templates changed.
    let sources: [String: String]
    /// Output path (e.g. `assets/gloss.css`) → contents.
    public let assets: [String: [UInt8]]

    /// Every template parse error is reported, with its file and position.
    /// - Parameter files: the site's `Templates/` files by relative path, as the loader read them
    ///   (links out of the site already refused there).
    public static func load(siteTemplates files: [String: [UInt8]]) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        var sources = DefaultTheme.templates.mapValues { (text: $0, path: "(built-in)") }
        var assets = DefaultTheme.assets.mapValues { Array($0.utf8) }
        var diagnostics: [Diagnostic] = []
        for relative in files.keys.sorted() {
            let bytes = files[relative] ?? []
            if relative.hasSuffix(".mustache") {
                sources[String(relative.dropLast(".mustache".count))] = (String(decoding: bytes, as: UTF8.self), "Templates/" + relative)
            } else if relative.hasPrefix("assets/") {
                assets[relative] = bytes
            }
        }
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(HTMLContentType.pragma + source.text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma is a line of its own before the file's first line.
                diagnostics.append(.error(source.path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                                          "template error: \(error.error)"))
            } catch {
                diagnostics.append(.error(source.path, "template error: \(error)"))
            }
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Theme(library: library, sources: sources.mapValues(\.text), assets: assets), diagnostics)
    }

    /// Renders a page; a template that is missing is a site error, reported by the caller.
    func render(_ model: any Encodable, template: String) -> String? {
        library.render(TemplateContext.flatten(model), withTemplate: template)
    }

    /// Renders a partial from fields already in template form (strings, numbers, `TemplateNull`
    /// for nil).
    func render(fields: [String: Any], template: String) -> String? {
        render(TemplateObject(fields), template: template)
    }

    func render(_ object: TemplateObject, template: String) -> String? {
        library.render(object, withTemplate: template)
    }
}
