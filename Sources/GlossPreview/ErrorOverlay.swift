import GlossContent
import GlossMarkdown

/// The panel the preview lays over every page while the latest rebuild has failed: every
/// diagnostic with its place, HTML-escaped, above the last good build. It has no script of its
/// own; the live-reload script reloads the page when a build succeeds, and the panel is gone.
enum ErrorOverlay {
    static let elementID = "gloss-error-overlay"

    static func html(_ diagnostics: [Diagnostic], hasGoodBuild: Bool = true) -> String {
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        var counts = "\(errors) error\(errors == 1 ? "" : "s")"
        if warnings > 0 { counts += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
        let lede = hasGoodBuild
            ? "This page is from the last good build. Fix the problems below and save: the page reloads by itself."
            : "The site has not built yet. Fix the problems below and save: the page reloads by itself."
        let items = diagnostics.map { diagnostic in
            """
            <li class="gloss-\(diagnostic.severity.rawValue)"><code>\("\(diagnostic.file):\(diagnostic.line):\(diagnostic.column)".htmlEscaped)</code> \
            <strong>\(diagnostic.severity.rawValue)</strong> <span>\(diagnostic.message.htmlEscaped)</span></li>
            """
        }.joined(separator: "\n")
        return """
        <div id="\(elementID)" role="alertdialog" aria-modal="false" aria-labelledby="\(elementID)-title">
        <style>
        #\(elementID){position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.72);font:15px/1.5 system-ui,sans-serif;color:#1b1b1f}
        #\(elementID) .gloss-panel{max-width:56rem;margin:4rem auto;padding:1.25rem 1.5rem;background:#fff;border-top:6px solid #c62828;border-radius:6px;box-shadow:0 10px 40px rgba(0,0,0,.4)}
        #\(elementID) h2{margin:0 0 .5rem;font-size:1.25rem;color:#b71c1c}
        #\(elementID) ol{padding-left:1.25rem}
        #\(elementID) li{margin:.5rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
        #\(elementID) code{font:13px/1.4 ui-monospace,monospace;background:#f3f3f5;padding:.1rem .3rem;border-radius:3px}
        #\(elementID) .gloss-error strong{color:#b71c1c}
        #\(elementID) .gloss-warning strong{color:#8d6e00}
        #\(elementID) button{font:inherit;padding:.3rem .8rem;cursor:pointer}
        </style>
        <div class="gloss-panel">
        <h2 id="\(elementID)-title">Gloss preview: the build failed (\(counts))</h2>
        <p>\(lede)</p>
        <ol>
        \(items)
        </ol>
        <button type="button" onclick="document.getElementById('\(elementID)').remove()">Hide until the next rebuild</button>
        </div>
        </div>

        """
    }

    /// The page served for every path while the site has never built successfully.
    static func notBuiltPage(_ diagnostics: [Diagnostic], buildID: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Gloss preview: the site did not build</title>
        </head>
        <body>
        <h1>The site did not build</h1>
        \(html(diagnostics, hasGoodBuild: false))\(LiveReloadScript.html(buildID: buildID))</body>
        </html>

        """
    }
}
