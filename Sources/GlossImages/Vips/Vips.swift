import CVips
import GlossContent

/// The only code that touches libvips (and GLib) pointers. Callers get Swift values: a header's
/// facts, encoded bytes, a digest; pictures in progress are `VipsPicture`s, each owning one
/// reference, released when it goes. libvips is thread-safe; each pipeline runs on the thread
/// that asks for it (one libvips thread each: Gloss runs one per core).
enum Vips {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// libvips is started once per process; nil when it could not start (then every picture fails).
    static let started: Failure? = gloss_vips_start() == 0 ? nil : Failure(description: "libvips could not start: \(takeError())")

    /// What a picture's header says (pixels are not decoded).
    struct Header {
        /// libvips's loader for it (`VipsForeignLoadJpegBuffer`…), found from its first bytes, not its name.
        var loader: String
        /// As stored, before orientation.
        var width: Int
        var height: Int
        /// EXIF orientation (1–8; 5–8 turn it a quarter).
        var orientation: Int
        var pages: Int
        var pageHeight: Int
        /// EXIF GPS tags, or XMP naming a GPS position: where the picture was taken.
        var hasLocation: Bool
    }

    /// The loader that would read `bytes`, or nil when no (allowed) loader recognises them.
    static func loader(of bytes: UnsafeRawBufferPointer) -> String? {
        guard started == nil, let base = bytes.baseAddress, let name = vips_foreign_find_load_buffer(base, bytes.count) else {
            vips_error_clear()
            return nil
        }
        return String(cString: name)
    }

    static func header(of bytes: UnsafeRawBufferPointer) throws -> Header {
        if let started { throw started }
        guard let loader = loader(of: bytes) else { throw Failure(description: "not a picture libvips can read") }
        guard let image = gloss_vips_open(bytes.baseAddress, bytes.count) else { throw Failure(description: takeError()) }
        defer { g_object_unref(image) }
        return Header(loader: loader, width: Int(vips_image_get_width(image)), height: Int(vips_image_get_height(image)),
                      orientation: Int(vips_image_get_orientation(image)), pages: Int(vips_image_get_n_pages(image)),
                      pageHeight: Int(vips_image_get_page_height(image)), hasLocation: hasLocation(image))
    }

    /// True when the header holds EXIF GPS fields (libexif's IFD 3) or XMP mentioning GPS.
    private static func hasLocation(_ image: UnsafeMutablePointer<VipsImage>) -> Bool {
        guard let fields = vips_image_get_fields(image) else { return false }
        defer { g_strfreev(fields) }
        var index = 0
        while let field = fields[index] {
            let name = String(cString: field)
            if name.hasPrefix("exif-ifd3-") { return true }
            if name == "xmp-data" {
                var data: UnsafeRawPointer?
                var length = 0
                if vips_image_get_blob(image, field, &data, &length) == 0, let data {
                    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
                    if text.contains("GPSLatitude") || text.contains("GPSLongitude") { return true }
                }
            }
            index += 1
        }
        return false
    }

    /// The picture decoded at `width` pixels wide at most, upright, in sRGB (every frame of an
    /// animation when `animated`), held in memory so smaller copies can be made from it.
    static func decode(_ bytes: UnsafeRawBufferPointer, width: Int, animated: Bool) throws -> VipsPicture {
        if let started { throw started }
        var out: UnsafeMutablePointer<VipsImage>?
        guard gloss_vips_thumbnail_buffer(bytes.baseAddress, bytes.count, Int32(width), animated ? 1 : 0, &out) == 0, let out else {
            throw Failure(description: takeError())
        }
        let streamed = VipsPicture(out)
        // Decoding happens here, while `bytes` is alive; the copy no longer needs them.
        guard let memory = gloss_vips_in_memory(streamed.image) else { throw Failure(description: takeError()) }
        return VipsPicture(memory)
    }

    /// SHA-256 of the bytes, in hex (GLib's).
    static func sha256(_ bytes: UnsafeRawBufferPointer) -> String {
        guard let hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, bytes.baseAddress?.assumingMemoryBound(to: guchar.self), gsize(bytes.count)) else {
            return ""
        }
        defer { g_free(hex) }
        return String(cString: hex)
    }

    /// The message libvips left for the last failure on any thread, and a clean slate.
    static func takeError() -> String {
        guard let copy = vips_error_buffer_copy() else { return "libvips failed" }
        defer { g_free(copy) }
        let text = String(cString: copy).split(separator: "\n").last.map(String.init) ?? ""
        return text.isEmpty ? "libvips failed" : text
    }
}

/// A decoded picture in libvips, owned (one reference).
final class VipsPicture {
    let image: UnsafeMutablePointer<VipsImage>

    init(_ image: UnsafeMutablePointer<VipsImage>) { self.image = image }

    deinit { g_object_unref(image) }

    var width: Int { Int(vips_image_get_width(image)) }
    var height: Int { Int(vips_image_get_height(image)) }

    /// A copy at most `width` pixels wide.
    func resized(toWidth width: Int) throws -> VipsPicture {
        var out: UnsafeMutablePointer<VipsImage>?
        guard gloss_vips_thumbnail_image(image, Int32(width), &out) == 0, let out else { throw Vips.Failure(description: Vips.takeError()) }
        return VipsPicture(out)
    }

    /// Encoded without any metadata (EXIF with GPS, XMP, IPTC, ICC, comments).
    func encoded(as format: Picture.Format) throws -> [UInt8] {
        let source = format == .jpeg || format == .heif ? try withoutAlpha() : self
        var bare: UnsafeMutablePointer<VipsImage>?
        guard gloss_vips_without_metadata(source.image, &bare) == 0, let bare else { throw Vips.Failure(description: Vips.takeError()) }
        let clean = VipsPicture(bare)
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        let status: Int32
        switch format {
        case .jpeg, .heif: status = gloss_vips_jpeg(clean.image, Int32(EncodingSettings.jpegQuality), &bytes, &length)
        case .webp: status = gloss_vips_webp(clean.image, Int32(EncodingSettings.webpQuality), Int32(EncodingSettings.webpEffort), &bytes, &length)
        case .png: status = gloss_vips_png(clean.image, &bytes, &length)
        case .gif: status = gloss_vips_gif(clean.image, &bytes, &length)
        }
        guard status == 0, let bytes else { throw Vips.Failure(description: Vips.takeError()) }
        defer { g_free(bytes) }
        guard format == .webp else { return Array(UnsafeRawBufferPointer(start: bytes, count: length)) }
        var stripped = WebPData()
        guard gloss_webp_without_metadata(bytes.assumingMemoryBound(to: UInt8.self), length, &stripped) == 0, let data = stripped.bytes else {
            throw Vips.Failure(description: "libwebpmux could not rewrite the WebP file")
        }
        defer { WebPDataClear(&stripped) }
        return Array(UnsafeBufferPointer(start: data, count: stripped.size))
    }

    /// This picture, or a copy on white when it has transparency (grey or colour with alpha).
    private func withoutAlpha() throws -> VipsPicture {
        guard vips_image_hasalpha(image) != 0 else { return self }
        var out: UnsafeMutablePointer<VipsImage>?
        guard gloss_vips_flatten(image, &out) == 0, let out else { throw Vips.Failure(description: Vips.takeError()) }
        return VipsPicture(out)
    }
}
