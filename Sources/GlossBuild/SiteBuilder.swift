import GlossAnalysis
import GlossContent
import GlossRender

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var source: String
    public var includeDrafts: Bool
    public var allowOrphans: Bool
    /// Replaces gloss.yml's `base_url` (e.g. `gloss publish --base-url`).
    public var baseURL: String?

    public init(source: String, includeDrafts: Bool = false, allowOrphans: Bool = false, baseURL: String? = nil) {
        self.source = source
        self.includeDrafts = includeDrafts
        self.allowOrphans = allowOrphans
        self.baseURL = baseURL
    }
}

/// The outcome of running the pipeline: the files to write (nil when any error was found) and
/// every diagnostic of every stage.
public struct BuildResult: Sendable {
    public var files: [OutputFile]?
    public var diagnostics: [Diagnostic]
    public var analysed: AnalysedSite?
}

/// The pipeline, top to bottom: load → analyse → render. Writing is separate (SiteWriter), so
/// `gloss check` runs the same stages and writes nothing.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildResult {
        let (loaded, loadDiagnostics) = SiteLoader.load(from: options.source, includeDrafts: options.includeDrafts)
        var diagnostics = loadDiagnostics
        guard var content = loaded else { return BuildResult(files: nil, diagnostics: diagnostics) }
        if let baseURL = options.baseURL {
            content.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        // Analysis goes on after load errors, so one run reports as many problems as it can.
        let analysed = SiteAnalyser.analyse(content, options: AnalysisOptions(allowOrphans: options.allowOrphans))
        diagnostics += analysed.diagnostics
        let (theme, themeDiagnostics) = Theme.load(siteTemplates: content.templatesFolder)
        diagnostics += themeDiagnostics
        guard let theme, !diagnostics.hasErrors else {
            return BuildResult(files: nil, diagnostics: diagnostics.sorted(), analysed: analysed)
        }
        let (files, renderDiagnostics) = SiteRenderer(site: analysed, theme: theme).render()
        diagnostics += renderDiagnostics
        return BuildResult(files: diagnostics.hasErrors ? nil : files, diagnostics: diagnostics.sorted(), analysed: analysed)
    }
}
