import Foundation
import GlossHTML
import GlossImport

/// `gloss import` of one input file, by extension, as a dry run outside any site (inside one,
/// each run would load the site's registry again: YAML, which `frontmatter` fuzzes). The HTML
/// and feed readers are reached only through this entry point, whatever parser sits underneath.
enum ImportTargets {
    static func reader(_ fileExtension: String) -> @Sendable ([UInt8]) -> Void {
        { bytes in
            if fileExtension == "html" {
                // Removing scripts' text before parsing must not change the tree (`ScriptTextFilter`).
                let document = HTMLDocument.parse(bytes: bytes)
                require(document.nodes == HTMLDocument.parse(bytes: bytes, filteringScripts: false).nodes,
                        "the page parses to another tree once its scripts' text is removed")
                // Whole-page queries read the nodes in id order (`HTMLDocument.nodes`).
                require(document.descendants(of: document.root) == Array(document.nodes.indices.dropFirst()),
                        "the nodes' ids are not in document order")
            }
            let input = "import/input." + fileExtension
            ScratchFolder.write(input, bytes)
            let options = ImportOptions(into: ScratchFolder.root + "/import/articles", dryRun: true, today: "2020-01-01")
            let report = ArticleImporter.run([ScratchFolder.root + "/" + input], options: options)
            _ = report.lines()
        }
    }
}
