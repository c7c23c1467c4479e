/// A raster picture as the image stage read it from its header, and the resized copies it is
/// published as. The copies follow from these facts alone, so pages can be written before (or
/// without) the pictures being processed.
public struct Picture: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case jpeg, png, webp, gif
        /// HEIC/AVIF from phones: browsers do not all show HEIC, so it is published as JPEG.
        case heif

        /// The format of the copies browsers without WebP get.
        var published: Format { self == .heif ? .jpeg : self }

        public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
        public var mediaType: String { "image/\(rawValue)" }
    }

    public var format: Format
    /// Upright size (EXIF orientation applied), in pixels.
    public var width: Int
    public var height: Int
    public var animated: Bool
    /// SHA-256 of the file's bytes (hex): the cache key of the copies.
    public var digest: String

    public init(format: Format, width: Int, height: Int, animated: Bool, digest: String) {
        self.format = format
        self.width = width
        self.height = height
        self.animated = animated
        self.digest = digest
    }

    /// Widths of the copies: each of these narrower than the picture, and the picture's own
    /// width up to the largest (never enlarged).
    public static let widths = [480, 960, 1600]

    /// The copies to publish for a picture published at `output` (`articles/x/photo.jpg` →
    /// `articles/x/photo-480.jpg`, `…-480.webp`, …), narrowest first; an animation has one copy.
    public func variants(output: String) -> [Variant] {
        let top = min(width, Self.widths[Self.widths.count - 1])
        let sizes = animated ? [top] : Self.widths.filter { $0 < top } + [top]
        let formats: [Format] = animated || format == .webp ? [format.published] : [format.published, .webp]
        let stem = output.fileExtension.isEmpty ? output : String(output.dropLast(output.fileExtension.utf8.count + 1))
        return sizes.flatMap { size in
            formats.map { format in
                Variant(width: size, height: max(1, (height * size + width / 2) / max(width, 1)), format: format,
                        path: "\(stem)-\(size).\(format.fileExtension)")
            }
        }
    }

    /// One published copy.
    public struct Variant: Sendable, Hashable {
        public var width: Int
        public var height: Int
        public var format: Format
        /// From the output root.
        public var path: String
    }
}
