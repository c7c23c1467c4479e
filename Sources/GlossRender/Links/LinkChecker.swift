import Foundation
import GlossContent

/// Checks every internal link and `#anchor` of the built site — from content, templates and
/// generated pages — against the files and ids the build wrote (Zola's habit). A broken link
/// that content wrote is reported where the Markdown says it; others name the page's template.
struct LinkChecker {
    /// What one page links to and which ids it has.
    struct PageLinks: Sendable {
        var hrefs: [String]
        var ids: Set<String>
    }

    let severity: Diagnostic.Severity

    /// A link that leads nowhere: what is wrong, and where it was meant to go.
    struct Problem {
        var message: String
        var target: String
    }

    /// Template links that lead to one missing place, gathered into one report.
    private struct TemplateProblem {
        var example: (page: String, problem: Problem)
        var templates: Set<String> = []
        var pages = 0
    }

    /// - Parameters:
    ///   - pages: HTML pages by path, each with the template that made it.
    ///   - files: every path written (pages, assets, data, search index).
    func check(pages: [(path: String, template: String, links: PageLinks)], files: Set<String>, content: ContentLinks) -> [Diagnostic] {
        var ids: [String: Set<String>] = [:]
        for page in pages { ids[page.path] = page.links.ids }
        var broken: [Diagnostic] = []
        var fromTemplates: [String: TemplateProblem] = [:]
        for page in pages {
            let folder = SitePath.folder(of: page.path)
            var seen = Set<String>()
            for href in page.links.hrefs where seen.insert(href).inserted {
                guard let problem = Self.problem(href, folder: folder, page: page.path, files: files, ids: ids) else { continue }
                if let link = content.link(page: page.path, href: href) {
                    broken.append(Diagnostic(file: link.file, line: link.line, column: link.column, severity: severity,
                                             message: "broken link on \(page.path): \(problem.message)"))
                } else {
                    fromTemplates[problem.target, default: TemplateProblem(example: (page.path, problem))].templates.insert(page.template)
                    fromTemplates[problem.target]?.pages += 1
                }
            }
        }
        // One report per missing place: a partial shared by every template is one mistake.
        for target in fromTemplates.keys.sorted() {
            let found = fromTemplates[target]!
            let templates = found.templates.sorted()
            let others = found.pages > 1 ? " and \(found.pages - 1) other page\(found.pages == 2 ? "" : "s") (templates: \(templates.joined(separator: ", ")))" : ""
            broken.append(Diagnostic(file: "Templates/\(templates[0]).mustache", line: 1, column: 1, severity: severity,
                                     message: "broken link on \(found.example.page)\(others): \(found.example.problem.message)"))
        }
        return broken.sorted()
    }

    /// Why `href` on a page in `folder` leads nowhere, or nil when it is fine or not ours to check.
    static func problem(_ href: String, folder: String, page: String, files: Set<String>, ids: [String: Set<String>]) -> Problem? {
        let hash = href.firstIndex(of: "#")
        var address = href[..<(hash ?? href.endIndex)]
        if let query = address.firstIndex(of: "?") { address = address[..<query] }
        let fragment = hash.map { Self.percentDecoded(href[href.index(after: $0)...]) }
        if SitePath.isExternal(address) || address.hasPrefix("/") { return nil }
        let target: String
        if address.isEmpty {
            target = page
        } else {
            guard let resolved = SitePath.resolve(Substring(Self.percentDecoded(address)), from: folder) else {
                return Problem(message: "`\(href)` climbs out of the site", target: "../")
            }
            if resolved.isEmpty || resolved.hasSuffix("/") {
                target = resolved + "index.html"
            } else if files.contains(resolved) {
                target = resolved
            } else {
                target = resolved + "/index.html"
            }
            guard files.contains(target) else {
                return Problem(message: "`\(href)` leads to no page (\(resolved) is not in the site)", target: resolved)
            }
        }
        if let fragment, !fragment.isEmpty, let targetIDs = ids[target], !targetIDs.contains(fragment) {
            return Problem(message: "`\(href)`: \(target) has no element with id `\(fragment)`", target: target + "#" + fragment)
        }
        return nil
    }

    static func percentDecoded(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension LinkChecker.PageLinks {
    /// The `href`, `src` and `id` attributes of a page Gloss wrote: well-formed, attributes in
    /// double quotes, values escaped, so a scan of the bytes finds them all.
    init(html bytes: [UInt8]) {
        var hrefs: [String] = []
        var ids = Set<String>()
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "=") , index + 1 < count, bytes[index + 1] == UInt8(ascii: "\"") else { index += 1; continue }
            let name = Self.attributeName(bytes, endingAt: index)
            let start = index + 2
            var end = start
            while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            switch name {
            case "href", "src": hrefs.append(Self.unescaped(bytes[start..<end]))
            case "id": ids.insert(Self.unescaped(bytes[start..<end]))
            default: break
            }
            index = end + 1
        }
        self.init(hrefs: hrefs, ids: ids)
    }

    /// The attribute name before `=` at `index`, when a space or tab precedes it.
    private static func attributeName(_ bytes: [UInt8], endingAt index: Int) -> Substring {
        var start = index
        while start > 0, Self.isNameByte(bytes[start - 1]) { start -= 1 }
        guard start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x0A || bytes[start - 1] == 0x09 else { return "" }
        return Substring(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x3A
    }

    private static func unescaped(_ value: ArraySlice<UInt8>) -> String {
        let text = String(decoding: value, as: UTF8.self)
        guard value.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
