import Foundation
import GlossAnalysis
import GlossContent

/// The site an import writes into: found by walking up from --into to a folder holding
/// gloss.yml, so entities can be matched against its registry and stubs written beside it.
struct SiteContext: Sendable {
    var root: String?
    var registry: EntityRegistry?
    var entitySlugs: Set<String> = []

    static func locate(from folder: String) -> SiteContext {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("gloss.yml").path) { return load(root: url.path) }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path || url.path == "/" { return SiteContext() }
            url = parent
        }
    }

    static func load(root: String) -> SiteContext {
        let (content, _) = SiteLoader.load(from: root, includeDrafts: true)
        var context = SiteContext(root: root)
        let entities = content?.entities ?? []
        var diagnostics: [Diagnostic] = []
        context.registry = EntityRegistry(entities: entities, diagnostics: &diagnostics)
        context.entitySlugs = Set(entities.map(\.slug)).union(ArticleFileWriter.articleSlugs(under: root + "/content/entities"))
        return context
    }
}

/// Writes `content/entities/<slug>.md` stubs for candidate names, never over an existing entity.
struct EntityStubWriter {
    let site: SiteContext
    let dryRun: Bool
    private var written: Set<String> = []

    init(site: SiteContext, dryRun: Bool) {
        self.site = site
        self.dryRun = dryRun
    }

    /// The path written (or that would be), or why not.
    mutating func write(name: String) -> Result<String, ReadProblem> {
        guard let root = site.root else {
            return .failure(ReadProblem(line: 1, message: "no gloss.yml above the --into folder, so no content/entities/ to write \"\(name)\" into"))
        }
        let slug = Slug.make(from: name)
        guard !slug.isEmpty else { return .failure(ReadProblem(line: 1, message: "\"\(name)\" has no letters or digits for a file name")) }
        let path = root + "/content/entities/" + slug + ".md"
        guard !site.entitySlugs.contains(slug), !written.contains(slug), !FileManager.default.fileExists(atPath: path) else {
            return .failure(ReadProblem(line: 1, message: "entity `\(slug)` already exists; not overwritten"))
        }
        written.insert(slug)
        guard !dryRun else { return .success(path) }
        do {
            try FileManager.default.createDirectory(atPath: root + "/content/entities", withIntermediateDirectories: true)
            try Data(FrontMatterWriter.entityStub(name: name).utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            return .success(path)
        } catch {
            return .failure(ReadProblem(line: 1, message: "cannot write \(path): \(error.localizedDescription)"))
        }
    }
}
