import GlossContent

/// Says what a picture file is from its header alone, and refuses what could cost unbounded
/// memory or time before a single pixel is decoded: files over `maxBytes`, formats browsers
/// cannot be given, and sizes over `maxSide` or `maxPixels` (a "decompression bomb" is a small
/// file claiming a huge size).
enum PictureReader {
    /// 64 MiB: a 60-megapixel camera JPEG is about 30 MiB.
    static let maxBytes = 64 << 20
    /// Pixels per side: more than any camera, less than libvips's own limit.
    static let maxSide = 30_000
    /// Pixels in all (every frame of an animation counted): 100 million, a 12,000 × 8,000 photo.
    static let maxPixels = 100_000_000

    /// The formats Gloss publishes, by the libvips loader that recognised the bytes. The loader
    /// is chosen from the bytes, so a file's name never picks the code that reads it.
    static let loaders: [String: Picture.Format] = [
        "VipsForeignLoadJpegBuffer": .jpeg, "VipsForeignLoadPngBuffer": .png, "VipsForeignLoadWebpBuffer": .webp,
        "VipsForeignLoadNsgifBuffer": .gif, "VipsForeignLoadHeifBuffer": .heif,
    ]

    /// Names these rules (limits, formats) for the cache: change it when they change.
    static let rules = "r1-\(maxBytes >> 20)-\(maxSide)-\(maxPixels / 1_000_000)"

    /// What the header says, checked.
    struct Facts {
        var picture: Picture
        var hasLocation: Bool
    }

    static func read(_ bytes: [UInt8]) -> Result<Facts, Refusal> {
        bytes.withUnsafeBytes { raw in
            guard let loader = Vips.loader(of: raw), let format = loaders[loader] else {
                return .failure(Refusal("not a JPEG, PNG, WebP, GIF or HEIC picture"))
            }
            let header: Vips.Header
            do { header = try Vips.header(of: raw) } catch { return .failure(Refusal("unreadable \(format.rawValue.uppercased()): \(error)")) }
            let pages = max(1, header.pages)
            let frameHeight = pages > 1 && header.pageHeight > 0 ? header.pageHeight : header.height
            let animated = pages > 1 && (format == .gif || format == .webp)
            let frames = animated ? pages : 1
            guard header.width > 0, frameHeight > 0, header.width <= maxSide, frameHeight <= maxSide,
                  header.width * frameHeight <= maxPixels / frames else {
                let size = "\(header.width) × \(frameHeight) pixels" + (frames > 1 ? " × \(frames) frames" : "")
                return .failure(Refusal("\(size) is too large (at most \(maxSide) pixels a side and \(maxPixels / 1_000_000) million pixels in all)"))
            }
            let turned = header.orientation >= 5 && header.orientation <= 8
            let picture = Picture(format: format, width: turned ? frameHeight : header.width, height: turned ? header.width : frameHeight,
                                  animated: animated, digest: Vips.sha256(raw))
            return .success(Facts(picture: picture, hasLocation: header.hasLocation))
        }
    }

    /// Why a picture is not published.
    struct Refusal: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
