import GlossAnalysis
import GlossBuild

/// `gloss check`'s help for editors: where ambiguous aliases occur.
enum EditorHints {
    static func print(_ site: AnalysedSite) {
        let ambiguous = site.articles.flatMap(\.ambiguous)
        if !ambiguous.isEmpty {
            Report.line("ambiguous aliases (not linked):")
            for hit in ambiguous { Report.line("  \(hit.path):\(hit.line): \"\(hit.alias)\"") }
        }
    }
}
