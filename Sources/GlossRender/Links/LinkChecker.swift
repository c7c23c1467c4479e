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
        let ids = Dictionary(pages.map { ($0.path, $0.links.ids) }, uniquingKeysWith: { a, _ in a })
        let found = pages.concurrentChunks { chunk -> [(page: String, template: String, href: String, problem: Problem)] in
            var resolutions = Resolutions(files: files, ids: ids)
            var found: [(page: String, template: String, href: String, problem: Problem)] = []
            for page in chunk {
                var seen = Set<String>()
                for href in page.links.hrefs where seen.insert(href).inserted {
                    if let problem = resolutions.problem(href, on: page.path) { found.append((page.path, page.template, href, problem)) }
                }
            }
            return found
        }
        var broken: [Diagnostic] = []
        var fromTemplates: [String: TemplateProblem] = [:]
        for (page, template, href, problem) in found {
            if let link = content.link(page: page, href: href) {
                broken.append(Diagnostic(file: link.file, line: link.line, column: link.column, severity: severity,
                                         message: "broken link on \(page): \(problem.message)"))
            } else {
                fromTemplates[problem.target, default: TemplateProblem(example: (page, problem))].templates.insert(template)
                fromTemplates[problem.target]?.pages += 1
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

    /// Checks links, remembering each answer: most links (the site's navigation, entity and
    /// article links) recur on every page, and a link that climbs to the root means the same
    /// from every page as deep.
    struct Resolutions {
        let files: Set<String>
        let ids: [String: Set<String>]
        /// Answers for links that climb to the root, by the depth they climb from.
        private var fromRoot: [Int: [String: Problem?]] = [:]
        /// Answers for other links, by folder.
        private var fromFolder: [String: [String: Problem?]] = [:]

        init(files: Set<String>, ids: [String: Set<String>]) {
            self.files = files
            self.ids = ids
        }

        mutating func problem(_ href: String, on page: String) -> Problem? {
            if href.utf8.first == UInt8(ascii: "#") {
                let fragment = LinkChecker.percentDecoded(href.dropFirst())
                guard !fragment.isEmpty, let own = ids[page], !own.contains(fragment) else { return nil }
                return Problem(message: "`\(href)`: \(page) has no element with id `\(fragment)`", target: page + href)
            }
            let folder = SitePath.folder(of: page)
            let depth = folder.utf8.count { $0 == UInt8(ascii: "/") }
            let rooted = Self.climbsToRoot(href, depth: depth)
            if let answer = rooted ? fromRoot[depth]?[href] : fromFolder[folder]?[href] { return answer }
            let answer = LinkChecker.problem(href, folder: folder, page: page, files: files, ids: ids)
            if rooted { fromRoot[depth, default: [:]][href] = .some(answer) } else { fromFolder[folder, default: [:]][href] = .some(answer) }
            return answer
        }

        /// True when `href` starts with exactly `depth` "../": it leads from the root whatever the folder.
        static func climbsToRoot(_ href: String, depth: Int) -> Bool {
            var utf8 = href.utf8.makeIterator()
            for _ in 0..<depth {
                guard utf8.next() == 0x2E, utf8.next() == 0x2E, utf8.next() == 0x2F else { return false }
            }
            return !(utf8.next() == 0x2E && utf8.next() == 0x2E && utf8.next() == 0x2F)
        }
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
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            let count = bytes.count
            while index + 1 < count {
                guard bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "\"") else { index += 1; continue }
                let name = Self.attribute(bytes, endingAt: index)
                let start = index + 2
                var end = start
                while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                switch name {
                case .link: hrefs.append(Self.unescaped(bytes[start..<end]))
                case .id: ids.insert(Self.unescaped(bytes[start..<end]))
                case .other: break
                }
                index = end + 1
            }
        }
        self.init(hrefs: hrefs, ids: ids)
    }

    private enum Attribute { case link, id, other }

    /// Which attribute ends at `index` (its `=`): ` href`, ` src` or ` id`, after white space.
    private static func attribute(_ bytes: UnsafeBufferPointer<UInt8>, endingAt index: Int) -> Attribute {
        func named(_ name: StaticString) -> Bool {
            let length = name.utf8CodeUnitCount
            guard index > length else { return false }
            let before = bytes[index - length - 1]
            guard before == 0x20 || before == 0x0A || before == 0x09 else { return false }
            for offset in 0..<length where bytes[index - length + offset] != name.utf8Start[offset] { return false }
            return true
        }
        if named("href") || named("src") { return .link }
        return named("id") ? .id : .other
    }

    private static func unescaped(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        let text = String(decoding: value, as: UTF8.self)
        guard value.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
