import Foundation
import GlossContent

/// Checks every internal link and `#anchor` of the built site — from content, templates and
/// generated pages — against the files and ids the build wrote (Zola's habit). A broken link
/// that content wrote is reported where the Markdown says it; others name the page's template.
struct LinkChecker {
    /// What one page links to (each link once) and which ids it has.
    struct PageLinks: Sendable {
        var hrefs: [String]
        var ids: Set<String>
    }

    /// One copy of each link for the whole build: at 10,000 articles the pages hold 1.6 million
    /// links but 320,000 different ones (navigation, entity and article links recur on every
    /// page), kept until every page is checked; shared copies are a tenth of the build's heap less.
    final class HrefTable: @unchecked Sendable {
        private let lock = NSLock()
        private var known: Set<String> = []

        func shared(_ hrefs: [String]) -> [String] {
            lock.withLock { hrefs.map { known.insert($0).memberAfterInsert } }
        }
    }

    let severity: Diagnostic.Severity

    /// A link that leads nowhere: what is wrong, and where it was meant to go.
    struct Problem: Sendable {
        var message: String
        var target: String
        /// The link leads to no file at all (rather than to a missing id).
        var leadsToNoFile = false
    }

    /// Template links that lead to one missing place, gathered into one report.
    private struct TemplateProblem {
        var example: (page: String, problem: Problem)
        var templates: Set<String> = []
        var pages = 0
    }

    /// A link that leads nowhere, found on one page.
    struct Finding: Sendable {
        var page: String
        var template: String
        var href: String
        var problem: Problem
    }

    /// One page to check. `reused` pages have the bytes of the previous build's (same links).
    struct Page {
        var path: String
        var template: String
        var links: PageLinks
        var reused: Bool
    }

    /// The previous check of a long-running preview: while the site's files and every page's
    /// ids stay as they were, a page whose links did not change has the same findings, so a
    /// rebuild checks only the pages it rendered (checking them all was a third of a rebuild).
    final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var files: Set<String> = []
        private var ids: [String: Set<String>] = [:]
        private var findings: [String: [Finding]] = [:]

        /// The previous findings, when they still hold for the pages that were not rendered again.
        func findings(files: Set<String>, pages: [Page]) -> [String: [Finding]]? {
            lock.withLock {
                guard self.files == files, pages.allSatisfy({ $0.reused || ids[$0.path] == $0.links.ids }) else { return nil }
                return findings
            }
        }

        func remember(files: Set<String>, ids: [String: Set<String>], findings: [String: [Finding]]) {
            lock.withLock { (self.files, self.ids, self.findings) = (files, ids, findings) }
        }
    }

    /// The links of `pages` that lead nowhere among `files` (the paths written so far).
    /// - Parameters:
    ///   - pages: HTML pages by path, each with the template that made it.
    ///   - files: every path written (pages, assets, data, media); files written later, none of
    ///     them a page, settle the findings that need them (`settled(_:by:)`).
    ///   - memo: the previous check, for a rebuild; nil checks every page.
    func findings(pages: [Page], files: Set<String>, memo: Memo? = nil) -> [Finding] {
        let ids = Dictionary(pages.map { ($0.path, $0.links.ids) }, uniquingKeysWith: { a, _ in a })
        let previous = memo?.findings(files: files, pages: pages)
        let checked = (previous == nil ? pages : pages.filter { !$0.reused }).concurrentChunks { chunk -> [Finding] in
            var resolutions = Resolutions(files: files, ids: ids)
            var found: [Finding] = []
            for page in chunk {
                for href in page.links.hrefs {  // each once: `PageLinks` keeps no repeats
                    if let problem = resolutions.problem(href, on: page.path) {
                        found.append(Finding(page: page.path, template: page.template, href: href, problem: problem))
                    }
                }
            }
            return found
        }
        var findings = previous ?? [:]
        if previous != nil { for page in pages where !page.reused { findings[page.path] = nil } }
        for finding in checked { findings[finding.page, default: []].append(finding) }
        memo?.remember(files: files, ids: ids, findings: findings)
        return pages.flatMap { findings[$0.path] ?? [] }
    }

    /// The findings that files written after the check (`late`: the search index) leave standing.
    /// None of them is a page, so only a link that led to no file can be answered by them.
    static func settled(_ findings: [Finding], by late: Set<String>) -> [Finding] {
        findings.filter { finding in
            !finding.problem.leadsToNoFile
                || problem(finding.href, folder: SitePath.folder(of: finding.page), page: finding.page, files: late, ids: [:]) != nil
        }
    }

    /// Diagnostics for findings: where content wrote the link, or one per missing place for templates.
    func report(_ found: [Finding], content: ContentLinks) -> [Diagnostic] {
        var broken: [Diagnostic] = []
        var fromTemplates: [String: TemplateProblem] = [:]
        for finding in found {
            let problem = finding.problem
            if let link = content.link(page: finding.page, href: finding.href) {
                broken.append(Diagnostic(file: link.file, line: link.line, column: link.column, severity: severity,
                                         message: "broken link on \(finding.page): \(problem.message)"))
            } else {
                fromTemplates[problem.target, default: TemplateProblem(example: (finding.page, problem))].templates.insert(finding.template)
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
                let fragment = SitePath.percentDecoded(href.dropFirst())
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
        let fragment = hash.map { SitePath.percentDecoded(href[href.index(after: $0)...]) }
        if SitePath.isExternal(address) || address.hasPrefix("/") { return nil }
        let target: String
        if address.isEmpty {
            target = page
        } else {
            guard let resolved = SitePath.resolve(Substring(SitePath.percentDecoded(address)), from: folder) else {
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
                return Problem(message: "`\(href)` leads to no page (\(resolved) is not in the site)", target: resolved, leadsToNoFile: true)
            }
        }
        if let fragment, !fragment.isEmpty, let targetIDs = ids[target], !targetIDs.contains(fragment) {
            return Problem(message: "`\(href)`: \(target) has no element with id `\(fragment)`", target: target + "#" + fragment)
        }
        return nil
    }
}

extension LinkChecker.PageLinks {
    /// The `href`, `src`, `srcset` and `id` attributes of a page Gloss wrote: well-formed, attributes in
    /// double quotes, values escaped, so a scan of the bytes finds them all. Each link is kept
    /// once, in the order of its first use, as the build's copy in `table`.
    init(html bytes: [UInt8], hrefs table: LinkChecker.HrefTable? = nil) {
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
                case .srcset: hrefs += Self.candidates(Self.unescaped(bytes[start..<end]))
                case .id: ids.insert(Self.unescaped(bytes[start..<end]))
                case .other: break
                }
                index = end + 1
            }
        }
        var seen = Set<String>()
        hrefs.removeAll { !seen.insert($0).inserted }
        self.init(hrefs: table?.shared(hrefs) ?? hrefs, ids: ids)
    }

    /// The addresses of a `srcset` ("a-480.jpg 480w, a-960.jpg 960w"); Gloss escapes commas
    /// in the addresses it writes, so a comma always separates candidates.
    static func candidates(_ srcset: String) -> [String] {
        srcset.split(separator: ",").compactMap { $0.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).first.map(String.init) }
    }

    private enum Attribute { case link, srcset, id, other }

    /// Which attribute ends at `index` (its `=`): ` href`, ` src`, ` srcset` or ` id`, after white space.
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
        if named("srcset") { return .srcset }
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
