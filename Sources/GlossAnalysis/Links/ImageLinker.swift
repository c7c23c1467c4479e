import GlossContent
import GlossMarkdown

/// Finds a document's images and the files they show: a path is read from the Markdown file
/// (`photo.jpg` beside it, `../shared/map.svg`), or failing that from the page the text
/// belongs to (a file of `static/`); `https:` and `/…` addresses are written as they are.
/// Each image becomes a node; one standing alone on its line with a caption, a credit or a
/// title becomes a figure (`makeFigures`, run after every other edit of the text).
enum ImageLinker {
    static func link(_ document: MarkdownDocument, home: Route, file: String, firstLine: Int, nodes: BodyNodes) {
        var replacements: [(image: MarkdownImage, placeholder: Placeholder)] = []
        for image in document.images() {
            let place = (line: firstLine + image.line - 1, column: image.column)
            guard let source = source(of: image.url, home: home, file: file, nodes: nodes, at: place) else { continue }
            if image.alt.trimmingWhitespace().isEmpty {
                nodes.problems.append(.warning(file, line: place.line, column: place.column,
                    "image `\(image.url)` has no alt text: say what it shows for readers who cannot see it (`![what it shows](\(image.url))`)"))
            }
            let node = SiteImage(source: source, alt: image.alt, title: image.title.isEmpty ? nil : image.title,
                                 position: replacements.count)
            replacements.append((image, nodes.placeholder(.image(node))))
        }
        if !replacements.isEmpty { document.replaceImages(replacements) }
    }

    /// Paragraphs that are an image and its caption lines, or an image with a title, become
    /// figures; their caption and credit keep their Markdown.
    /// - Returns: the text blocks that became figures.
    @discardableResult
    static func makeFigures(_ document: MarkdownDocument, nodes: BodyNodes) -> Set<Int> {
        document.makeFigures { shape in
            guard nodes.nodes.indices.contains(shape.image), case .image(var image) = nodes.nodes[shape.image] else { return nil }
            let titled: (caption: String?, credit: String?) = image.title.map(SiteFigure.split) ?? (nil, nil)
            guard shape.hasCaption || shape.hasCredit || titled.caption != nil || titled.credit != nil else { return nil }
            image.title = nil
            let caption = shape.hasCaption ? nodes.placeholder(.figurePart) : nil
            let credit = shape.hasCredit ? nodes.placeholder(.figurePart) : nil
            let figure = SiteFigure(image: image, caption: caption?.number, credit: credit?.number,
                                    titleCaption: titled.caption, titleCredit: titled.credit)
            return (nodes.placeholder(.figure(figure)), caption, credit)
        }
    }

    /// An article's lead picture (`image:` in its front matter).
    static func lead(_ lead: LeadImage, file: String, nodes: BodyNodes) -> SiteImage? {
        let reported = nodes.problems.count
        guard let source = source(of: lead.source, home: .home, file: file, nodes: nodes, at: (lead.line, 1)) else {
            if nodes.problems.count == reported {
                nodes.problems.append(.error(file, line: lead.line, "`image`: `\(lead.source)` is not a picture Gloss can show; use a file beside the article or an https: address"))
            }
            return nil
        }
        if (lead.alt ?? "").trimmingWhitespace().isEmpty {
            nodes.problems.append(.warning(file, line: lead.line, "`image` has no `image_alt:`: say what the picture shows for readers who cannot see it"))
        }
        return SiteImage(source: source, alt: lead.alt ?? "", title: nil, position: 0)
    }

    /// What an image address shows, or nil (with a problem noted) when it shows nothing Gloss
    /// can publish. Addresses with other schemes (`data:`) are left to cmark: nil, no problem.
    static func source(of url: String, home: Route, file: String, nodes: BodyNodes,
                       at place: (line: Int, column: Int)) -> SiteImage.Source? {
        if isRemote(url) { return .remote(url) }
        let address = Substring(url.prefix { $0 != "?" && $0 != "#" })
        guard !address.isEmpty, !SitePath.isExternal(address) else { return nil }
        let problem = { (message: String) -> SiteImage.Source? in
            nodes.problems.append(.error(file, line: place.line, column: place.column, message))
            return nil
        }
        guard let found = find(address, home: home, file: file, files: nodes.files) else {
            let looked = resolvedSource(address, file: file).map { " (no file \($0))" } ?? ""
            return problem("image `\(url)` not found\(looked)")
        }
        if case .refused(let why) = found.kind { return problem("image `\(url)` is not published: \(why)") }
        guard found.isImage else { return problem("`\(url)` is not an image browsers show (JPEG, PNG, WebP, GIF, HEIC or SVG); link to it instead: [text](\(url))") }
        return .file(found)
    }

    /// A file of the site by a relative address: from the Markdown file's folder, then from
    /// the page (`@/…` is from `content/`).
    static func find(_ address: Substring, home: Route, file: String, files: MediaLookups) -> MediaFile? {
        if let source = resolvedSource(address, file: file), let found = files.file(.source(source)) { return found }
        guard !address.hasPrefix("@/"), let output = SitePath.resolve(Substring(SitePath.percentDecoded(address)), from: home.url) else { return nil }
        return files.file(.output(output))
    }

    /// The site path an address names when read from the Markdown file.
    static func resolvedSource(_ address: Substring, file: String) -> String? {
        let decoded = SitePath.percentDecoded(address)
        if decoded.hasPrefix("@/") { return "content/" + decoded.dropFirst(2) }
        return SitePath.resolve(Substring(decoded), from: SitePath.folder(of: file))
    }

    static func isRemote(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || url.hasPrefix("//") || (url.hasPrefix("/") && !url.hasPrefix("//"))
    }
}
