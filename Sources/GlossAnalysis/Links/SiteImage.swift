import GlossContent

/// An image in content, found: a file of the site (with what the image stage read from it),
/// or an address written as it is. The render stage writes its element for the page it lands
/// on: resized copies with `srcset`, its size, lazy loading.
public struct SiteImage: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case file(MediaFile)
        /// `https://…`, `//host/…` or `/…`: written as it is.
        case remote(String)
    }

    public var source: Source
    public var alt: String
    /// The title, when it is not a figure's caption or credit (a tooltip).
    public var title: String?
    /// 0-based, among the images of its text: the first may be on the first screen.
    public var position: Int
}

/// An image standing on its own with a caption or a credit: `<figure>` and `<figcaption>`.
/// Caption and credit come from the lines after the image (their Markdown kept, entities
/// linked: placeholders of kind `figurePart`) or from the image's title (plain text).
public struct SiteFigure: Sendable, Hashable {
    public var image: SiteImage
    /// Placeholders whose HTML is the caption and the credit.
    public var caption: Int?
    public var credit: Int?
    public var titleCaption: String?
    public var titleCredit: String?

    /// A title's caption and credit: `"Abe and Trump at dinner. Credit: Kevin Lamarque"`.
    static func split(title: String) -> (caption: String?, credit: String?) {
        let bytes = Array(title.utf8)
        let word = Array("credit:".utf8)
        let marker = bytes.indices.reversed().first { start in
            start + word.count <= bytes.count && zip(bytes[start...], word).allSatisfy { $0 | 0x20 == $1 | 0x20 }
        }
        let clean = { (slice: ArraySlice<UInt8>) -> String? in
            let text = String(decoding: slice, as: UTF8.self).trimmingWhitespace()
            return text.isEmpty ? nil : text
        }
        guard let marker else { return (clean(bytes[...]), nil) }
        return (clean(bytes[..<marker]), clean(bytes[(marker + word.count)...]))
    }
}
