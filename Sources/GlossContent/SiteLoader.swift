import Foundation

/// Everything a site says, validated: the output of the load stage. Later stages may rely on
/// it: slugs and ids are unique, every reference names an item that is here, every URL passed
/// `LinkPolicy`, and tags are spelt one way per page. Whatever failed a check was reported and
/// left out, so no later stage needs to check again.
public struct SiteContent: Sendable {
    /// Absolute path of the site folder.
    public var root: String
    public var config: SiteConfig
    /// Newest first; ties by slug, so order never depends on the file system.
    public var articles: [Article]
    /// By slug.
    public var entities: [Entity]
    /// By id.
    public var annotations: [Annotation]
    /// Editors' digests, by date then slug.
    public var digests: [Digest]
    /// The files of the site's own `Templates/` folder, by path relative to it
    /// (`article.mustache`, `assets/site.css`), read under the same rule as content.
    public var templates: [String: [UInt8]]
    /// Every file beside content and under `static/` (see `SiteFile`), and what each is once the
    /// image stage has looked (until then, every one is a plain file).
    public var media = SiteMedia()
}

/// What a site is made from, relative to its folder; nothing else in it (the output, a README,
/// tools) is read. The preview watches these, and `gloss build` compares them with last time's.
public enum SiteInputs {
    public static let folders = ["content", "Templates", "static"]
    public static let configFile = "gloss.yml"
}

/// Reads a site folder: `gloss.yml`, everything under `content/`, `Templates/` and `static/`,
/// each file through `SiteFolder`'s rule. Every problem becomes a diagnostic and loading goes on, so one
/// run reports them all.
public enum SiteLoader {
    /// - Parameter cache: parsed files of an earlier load (the preview keeps one), reused when a
    ///   file's size and modification time are unchanged.
    public static func load(from root: String, includeDrafts: Bool = false,
                            cache: LoadCache? = nil) -> (content: SiteContent?, diagnostics: [Diagnostic]) {
        let site = SiteFolder(root: URL(fileURLWithPath: root).standardizedFileURL.path)
        let root = site.root
        var diagnostics: [Diagnostic] = []
        let config = loadConfig(site, diagnostics: &diagnostics)

        let start = cache?.begin(root: root) ?? LoadCache.Start()
        let previous = start.entries, trusted = start.trusted
        let listing = start.listing ?? {
            var attachments: [ContentTree.File] = [], found: [Diagnostic] = []
            let files = contentFiles(site, attachments: &attachments, diagnostics: &found) { path in
                trusted(path) ? previous[path]?.stamp : nil
            }
            return LoadCache.Listing(files: files, attachments: attachments, diagnostics: found,
                                     paths: cache == nil ? [] : Set(files.map(\.path) + attachments.map(\.path)))
        }()
        let files = listing.files, attachments = listing.attachments
        diagnostics += listing.diagnostics
        // Cached files first, in a few chunks: one file at a time, 60,000 lookups cost more in
        // handing out work than in looking up. Then the rest, one at a time (their cost varies).
        var parsed = files.concurrentChunks { chunk in
            chunk.map { file in previous[file.path].flatMap { $0.stamp == file.stamp ? $0 : nil } }
        }
        let unparsed = parsed.indices.filter { parsed[$0] == nil }
        let fresh = unparsed.concurrentMapBalanced { index -> LoadCache.Entry in
            let (value, diagnostics) = parse(files[index].path, root: root)
            return LoadCache.Entry(stamp: files[index].stamp, value: value, diagnostics: diagnostics)
        }
        for (index, entry) in zip(unparsed, fresh) { parsed[index] = entry }
        let loaded = parsed.map { $0! }
        cache?.finish(files.map(\.path), loaded, listing: listing)

        var items = LoadedItems()
        for (path, item) in zip(files.map(\.path), loaded) {
            diagnostics += item.diagnostics
            items.add(item.value, path: path)
        }
        let content = items.checked(includeDrafts: includeDrafts, diagnostics: &diagnostics)
        let templates = templateFiles(site, diagnostics: &diagnostics)
        guard let config else { return (nil, diagnostics.sorted()) }
        return (SiteContent(root: root, config: config, articles: content.articles, entities: content.entities,
                            annotations: content.annotations, digests: content.digests, templates: templates,
                            media: SiteMedia(unprobed: siteFiles(root: root, attachments: attachments, contentFiles: files))),
                diagnostics.sorted())
    }

    static func loadConfig(_ site: SiteFolder, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let bytes: [UInt8]
        switch site.contents(of: "gloss.yml") {
        case .success(let read): bytes = read
        case .failure(let diagnostic):
            var info = stat()
            diagnostics.append(lstat(site.root + "/gloss.yml", &info) == 0 ? diagnostic
                : .error("gloss.yml", "no gloss.yml in \(site.root): a site folder needs one with at least `title:` (run `gloss init` to start a site)"))
            return nil
        }
        switch SourceFile.parse(path: "gloss.yml", bytes: bytes) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let file):
            let decoded = FrontMatterDecoder.decode(SiteConfigFields.self, yaml: file.body, path: "gloss.yml", firstLine: 1)
            diagnostics += decoded.diagnostics
            return decoded.value?.config
        }
    }

    /// Every Markdown file under `content/`, sorted, with its stamp (`known` may supply it, when a
    /// file watcher vouches for it); other files go to `attachments` (photos, documents: see
    /// `SiteFile`). Markdown Gloss does not read is reported, not skipped silently.
    static func contentFiles(_ site: SiteFolder, attachments: inout [ContentTree.File], diagnostics: inout [Diagnostic],
                             known: @Sendable (String) -> ContentTree.Stamp? = { _ in nil }) -> [ContentTree.File] {
        guard let found = ContentTree.files(in: site, under: "content", known: { known("content/" + $0) }) else {
            diagnostics.append(.error("content", "no content/ folder in \(site.root)"))
            return []
        }
        diagnostics += found.diagnostics
        return found.files.compactMap { file in
            let path = "content/" + file.path
            let section = file.path.prefix { $0 != "/" }
            if !file.path.hasSuffix(".md") {
                attachments.append(ContentTree.File(path: path, stamp: file.stamp))
            } else if !["articles", "entities", "annotations", "digests"].contains(section) {
                diagnostics.append(.warning(path, "Gloss reads content/articles, entities, annotations and digests; this file is not used"))
            } else {
                return ContentTree.File(path: path, stamp: file.stamp)
            }
            return nil
        }
    }

    /// The site's `Templates/` files (none when it has no such folder).
    static func templateFiles(_ site: SiteFolder, diagnostics: inout [Diagnostic]) -> [String: [UInt8]] {
        var info = stat()
        guard lstat(site.root + "/Templates", &info) == 0,
              let found = ContentTree.files(in: site, under: "Templates") else { return [:] }
        diagnostics += found.diagnostics
        var templates: [String: [UInt8]] = [:]
        for file in found.files {
            switch SiteFolder.readFile(site.root + "/Templates/" + file.path) {
            case .success(let bytes): templates[file.path] = bytes
            case .failure(let failure): diagnostics.append(.error("Templates/" + file.path, failure.message))
            }
        }
        return templates
    }
}
