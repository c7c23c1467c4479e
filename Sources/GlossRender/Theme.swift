import Foundation
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
    public static func load(siteTemplates folder: String?) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        var sources = DefaultTheme.templates.mapValues { (text: $0, path: "(built-in)") }
        var assets = DefaultTheme.assets.mapValues { Array($0.utf8) }
        var diagnostics: [Diagnostic] = []
        if let folder, let enumerator = FileManager.default.enumerator(atPath: folder) {
            for case let relative as String in enumerator.sorted(by: { ($0 as! String) < ($1 as! String) }) {
                let path = folder + "/" + relative
                var isDirectory: ObjCBool = false
                guard !relative.hasPrefix("."), FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                      !isDirectory.boolValue else { continue }
                // A symbolic link out of the site must not copy outside files into the output.
                let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                let root = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
                guard resolved.hasPrefix(root + "/") else {
                    diagnostics.append(.warning("Templates/" + relative, "links outside Templates/; it is not used"))
                    continue
                }
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                if relative.hasSuffix(".mustache") {
                    sources[String(relative.dropLast(".mustache".count))] = (String(decoding: data, as: UTF8.self), "Templates/" + relative)
                } else if relative.hasPrefix("assets/") {
                    assets[relative] = [UInt8](data)
                }
            }
        }
        var library = MustacheLibrary()
        for name in sources.keys.sorted() {
            let source = sources[name]!
            do {
                try library.register(FastHTMLEscaping.pragma + source.text, named: name)
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

    /// Renders a partial from fields already in template form (strings, numbers, NSNull for nil).
    func render(fields: [String: Any], template: String) -> String? {
        library.render(fields, withTemplate: template)
    }
}
