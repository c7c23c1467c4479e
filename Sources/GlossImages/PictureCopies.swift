import GlossContent

/// Makes the published copies of a picture: decoded once, upright and in sRGB, at the widest
/// copy's width (JPEG and WebP shrink while decoding), then each narrower copy from that, each
/// encoded without metadata in every format it is published in.
enum PictureCopies {
    /// The copies' bytes by width and format.
    static func make(from bytes: [UInt8], picture: Picture) throws -> [Key: [UInt8]] {
        let variants = picture.variants(output: "copy")
        let widths = Array(Set(variants.map(\.width))).sorted(by: >)
        guard let widest = widths.first else { return [:] }
        let decoded = try bytes.withUnsafeBytes { try Vips.decode($0, width: widest, animated: picture.animated) }
        var copies: [Key: [UInt8]] = [:]
        for width in widths {
            let sized = width == widest ? decoded : try decoded.resized(toWidth: width)
            for variant in variants where variant.width == width {
                copies[Key(width: width, format: variant.format)] = try sized.encoded(as: variant.format)
            }
        }
        return copies
    }

    /// A picture at its own size, without metadata, in its own format (a static file that
    /// held a GPS position).
    static func stripped(_ bytes: [UInt8], picture: Picture) throws -> [UInt8] {
        let decoded = try bytes.withUnsafeBytes { try Vips.decode($0, width: picture.width, animated: picture.animated) }
        return try decoded.encoded(as: picture.format == .heif ? .jpeg : picture.format)
    }

    struct Key: Hashable {
        var width: Int
        var format: Picture.Format

        /// The copy's file name in its cache folder.
        var fileName: String { "\(width).\(format.fileExtension)" }
    }
}
