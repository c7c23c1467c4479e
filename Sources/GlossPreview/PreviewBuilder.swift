import Foundation
import GlossBuild
import GlossContent

/// Rebuilds the site for the preview and says what changed.
///
/// Every rebuild runs the pipeline in memory with a `BuildCache`, so only changed files are
/// parsed, only articles whose inputs changed are analysed, and only pages whose template model
/// changed are rendered; the output is then compared with the previous good build byte for
/// byte, so the report and the reload decision are exact: a CSS-only change swaps stylesheets,
/// an edit that changes no output sends nothing.
public struct PreviewBuilder: Sendable {
    public let options: BuildOptions
    /// What rebuilds reuse from earlier builds (a reference: every copy of the builder shares it).
    let cache = BuildCache()
    /// The last good build.
    public private(set) var site: SiteSnapshot?
    /// The diagnostics of the latest build when it failed.
    public private(set) var failure: [Diagnostic]?
    private var lastWarnings: [Diagnostic] = []
    /// The content of the last good build: its article and entity pages' source files.
    private var content: SiteContent?

    /// What to serve: the last good build, less (while a build is failing) the pages whose
    /// source file has since been deleted: deleting the article being viewed shows the 404 page
    /// (with the overlay saying why the build fails, e.g. its notes now point nowhere), never
    /// the stale article.
    public var servedSite: SiteSnapshot? {
        guard let site, failure != nil else { return site }
        let fm = FileManager.default
        let sources = (content?.articles.map { (Route.article($0.slug).path, $0.path) } ?? [])
            + (content?.entities.map { (Route.entity($0.slug).path, $0.path) } ?? [])
        let gone = sources.filter { !fm.fileExists(atPath: options.source + "/" + $0.1) }.map(\.0)
        return gone.isEmpty ? site : site.removing(gone)
    }

    /// Preview builds use `/` as the base URL, whatever `gloss.yml` says: the pages that need
    /// absolute links (404.html, feeds) then point into the preview, on any host and port.
    public init(source: String, includeDrafts: Bool = false, allowOrphans: Bool = false, allowBrokenLinks: Bool = false) {
        let source = URL(fileURLWithPath: source).standardizedFileURL.path
        options = BuildOptions(source: source, includeDrafts: includeDrafts, allowOrphans: allowOrphans,
                               allowBrokenLinks: allowBrokenLinks, baseURL: "/")
    }

    /// Runs a build off Swift's cooperative pool and records it.
    /// - Parameters:
    ///   - trigger: the site-relative paths whose change caused it (empty: the first build).
    ///   - early: takes each page, feed, data file and search file as soon as it is made (the
    ///     first build's, served while the rest is built); the build's result still holds them all.
    /// - Returns: nil when the task was cancelled before the build finished (nothing recorded).
    mutating func rebuild(trigger: [String], streamingTo early: FirstBuildFiles? = nil) async -> RebuildReport? {
        let options = self.options
        let clock = ContinuousClock()
        let started = clock.now
        let cache = self.cache
        // The watcher's paths spare the loader a `stat` of every file; "*" means events were lost.
        cache.noteChanges(trigger.isEmpty || trigger.contains("*") ? nil : trigger)
        let sink: (@Sendable ([OutputFile]) -> Void)? = early.map { early in { @Sendable files in early.add(files) } }
        guard let result = await Blocking.run({ SiteBuilder.build(options, cache: cache, sink: sink) }) else { return nil }
        // The loader never reads a file through a link out of the site, so all of it may be served.
        // What went to `early` is not in `result.files`: the two never share a path.
        let fresh = result.files.map { files in
            var snapshot = early?.all ?? SiteSnapshot([])
            snapshot.add(files)
            return snapshot
        }
        let changes = fresh?.changes(since: site) ?? SiteChanges(added: [], updated: [], removed: [])
        let milliseconds = (clock.now - started).milliseconds

        let event: RebuildReport.Event?
        if fresh != nil {
            if failure != nil { event = .reload }               // the overlay goes away
            else if changes.isEmpty { event = nil }
            else if changes.isStylesheetsOnly { event = .css }
            else { event = .reload }
        } else {
            event = failure == result.diagnostics ? nil : .reload  // the overlay appears or changes
        }
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        let newWarnings = warnings != lastWarnings
        let report = RebuildReport(
            trigger: trigger, succeeded: fresh != nil, diagnostics: result.diagnostics,
            printsDiagnostics: fresh == nil ? failure != result.diagnostics : newWarnings,
            changes: changes, pagesRendered: fresh == nil ? 0 : result.pagesRendered, milliseconds: milliseconds,
            event: event)
        lastWarnings = warnings
        if let fresh {
            site = fresh
            failure = nil
            content = result.analysed?.content
        } else {
            failure = result.diagnostics
        }
        return report
    }
}

/// One rebuild, as the terminal and the tests see it.
public struct RebuildReport: Sendable {
    public enum Event: String, Sendable { case reload, css }

    /// Site-relative source paths that changed (empty for the first build).
    public var trigger: [String]
    public var succeeded: Bool
    public var diagnostics: [Diagnostic]
    /// Whether the diagnostics differ from the previous build's (so the terminal shows them).
    public var printsDiagnostics: Bool
    /// Output files added, updated, removed (empty when the build failed).
    public var changes: SiteChanges
    /// HTML pages the build rendered.
    public var pagesRendered: Int
    public var milliseconds: Double
    /// What the browsers are told; nil when nothing they show changed.
    public var event: Event?

    /// The terminal lines: diagnostics (when they changed) and one summary line.
    public var lines: [String] {
        var lines = printsDiagnostics ? diagnostics.map(\.description) : []
        lines.append(summary)
        return lines
    }

    public var summary: String {
        let ms = Int(milliseconds.rounded())
        let what = trigger.isEmpty ? "initial build" : describe(trigger) + " changed"
        guard succeeded else {
            let errors = diagnostics.errorCount
            return "[\(Self.time())] \(what): build failed with \(errors) error\(errors == 1 ? "" : "s") in \(ms) ms; "
                + "still serving the last good build, errors shown in the browser"
        }
        if trigger.isEmpty {
            return "[\(Self.time())] built \(pagesRendered) pages, \(changes.added.count) files in \(ms) ms"
        }
        var line = "[\(Self.time())] \(what): rendered \(pagesRendered) pages in \(ms) ms; "
        if changes.isEmpty {
            line += "no output changed"
        } else {
            var parts: [String] = []
            if !changes.updated.isEmpty { parts.append("\(changes.updated.count) updated") }
            if !changes.added.isEmpty { parts.append("\(changes.added.count) added") }
            if !changes.removed.isEmpty { parts.append("\(changes.removed.count) removed") }
            line += parts.joined(separator: ", ") + " (" + describe(changes.all) + ")"
        }
        if let event { line += event == .css ? " → stylesheet swapped" : " → reload" }
        return line
    }

    private func describe(_ paths: [String]) -> String {
        let shown = paths.prefix(3).joined(separator: ", ")
        return paths.count > 3 ? "\(shown) and \(paths.count - 3) more" : shown
    }

    static func time() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }
}
