import GlossAnalysis
import GlossContent

/// An image as a template shows it (`partials/image`): the copy browsers without WebP load
/// (`src`), every copy by width for the browser to choose from (`srcset`, and `webpSrcset`
/// for a WebP `<source>`), the intrinsic size (`width`, `height`: no layout shift), and
/// `loading`: "lazy" except for an image on the first screen.
struct ImageItem: Hashable, Encodable {
    var src: String
    var srcset: String?
    var webpSrcset: String?
    /// How wide the image is shown, for the browser's choice in `srcset` (see `Layout`).
    var sizes: String?
    var width: Int?
    var height: Int?
    /// Both `width` and `height` are known.
    var hasSize = false
    var alt: String
    var title: String?
    var loading: String

    /// Where an image is shown, in the built-in theme: what `sizes` says. A theme with other
    /// widths writes its own `sizes` in its `partials/image`.
    enum Layout {
        /// The text column: `--measure` (38rem of 18px), less the page's padding on phones.
        case column
        /// A card's thumbnail in article lists.
        case thumbnail

        var sizes: String {
            switch self {
            case .column: "(min-width: 730px) 684px, calc(100vw - 45px)"
            case .thumbnail: "144px"
            }
        }
    }

    /// - Parameter eager: the image may be on the first screen: loaded at once, first.
    init(_ image: SiteImage, on page: Route, layout: Layout, eager: Bool) {
        alt = image.alt
        title = image.title
        loading = eager ? "eager" : "lazy"
        switch image.source {
        case .remote(let url):
            src = url
        case .file(let file):
            src = page.link(toPath: SitePath.percentEncoded(file.file.output))
            switch file.kind {
            case .picture(let picture) where file.file.origin == .content:
                let variants = picture.variants(output: file.file.output)
                let link = { (variant: Picture.Variant) in "\(page.link(toPath: SitePath.percentEncoded(variant.path))) \(variant.width)w" }
                let fallback = variants.filter { $0.format != .webp || picture.format == .webp }
                let webp = picture.format == .webp || picture.animated ? [] : variants.filter { $0.format == .webp }
                // The fallback `src`: the copy nearest the width shown.
                let middle = layout == .thumbnail ? fallback.first : fallback.last { $0.width <= 960 } ?? fallback.first
                src = middle.map { page.link(toPath: SitePath.percentEncoded($0.path)) } ?? src
                srcset = fallback.count > 1 ? fallback.map(link).joined(separator: ", ") : nil
                webpSrcset = webp.isEmpty ? nil : webp.map(link).joined(separator: ", ")
                sizes = srcset == nil && webpSrcset == nil ? nil : layout.sizes
                width = picture.width
                height = picture.height
            case .picture(let picture):
                width = picture.width
                height = picture.height
            case .drawing(let drawing):
                width = drawing.width
                height = drawing.height
            case .file, .refused:
                break
            }
        }
        hasSize = width != nil && height != nil
    }
}

/// An image for link previews and feeds: absolute, in a format every reader takes (the
/// widest JPEG or PNG copy; SVG is left out, as previews do not show it).
struct SocialImage: Hashable, Encodable {
    var url: String
    var mediaType: String
    var width: Int?
    var height: Int?
    var hasSize = false
    var alt: String

    init?(_ image: SiteImage, base: String) {
        alt = image.alt
        switch image.source {
        case .remote(let address):
            guard address.lowercased().hasPrefix("https://") || address.lowercased().hasPrefix("http://") else { return nil }
            url = address
            mediaType = "image/" + (address.fileExtension == "png" ? "png" : address.fileExtension == "webp" ? "webp" : "jpeg")
        case .file(let file):
            guard case .picture(let picture) = file.kind else { return nil }
            let copy = file.file.origin == .content
                ? picture.variants(output: file.file.output).last { $0.format != .webp || picture.format == .webp }
                : nil
            url = base + SitePath.percentEncoded(copy?.path ?? file.file.output)
            mediaType = (copy?.format ?? picture.format).mediaType
            width = copy?.width ?? picture.width
            height = copy?.height ?? picture.height
            hasSize = true
        }
    }
}

extension ArticleItem {
    /// Cards as a list shows them: the first card's picture is on the first screen.
    static func firstImageEager(_ cards: [ArticleItem]) -> [ArticleItem] {
        guard var first = cards.first, var image = first.image else { return cards }
        image.loading = "eager"
        first.image = image
        return [first] + cards.dropFirst()
    }
}
