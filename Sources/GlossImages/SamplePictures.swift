import CVips
import GlossContent

/// Pictures made from nothing, for tests and benchmarks: no photo needs to be committed. Each
/// is a colour gradient with seeded grain (so encoders do real work), optionally carrying
/// what cameras record: an EXIF orientation, a GPS position, the photographer's name.
package enum SamplePictures {
    package struct Metadata: Sendable {
        /// EXIF orientation 1–8 (6: the camera was turned; viewers turn the picture a quarter).
        package var orientation: Int?
        /// Latitude and longitude, written as EXIF GPS tags.
        package var position: (latitude: Double, longitude: Double)?
        package var artist: String?

        package init(orientation: Int? = nil, position: (latitude: Double, longitude: Double)? = nil, artist: String? = nil) {
            self.orientation = orientation
            self.position = position
            self.artist = artist
        }
    }

    /// A JPEG (or, for `.png`/`.webp`/`.gif`, that format without metadata) of `width` × `height`.
    package static func make(width: Int, height: Int, format: Picture.Format = .jpeg, seed: Int = 1,
                             metadata: Metadata = Metadata()) throws -> [UInt8] {
        if let started = Vips.started { throw started }
        var made: UnsafeMutablePointer<VipsImage>?
        guard gloss_vips_sample(Int32(width), Int32(height), Int32(seed), &made) == 0, let made else {
            throw Vips.Failure(description: Vips.takeError())
        }
        let picture = VipsPicture(made)
        guard format == .jpeg else { return try picture.encoded(as: format) }
        if let orientation = metadata.orientation { vips_image_set_int(picture.image, "orientation", Int32(orientation)) }
        if let (latitude, longitude) = metadata.position {
            vips_image_set_string(picture.image, "exif-ifd3-GPSLatitudeRef", latitude < 0 ? "S" : "N")
            vips_image_set_string(picture.image, "exif-ifd3-GPSLatitude", rational(abs(latitude)))
            vips_image_set_string(picture.image, "exif-ifd3-GPSLongitudeRef", longitude < 0 ? "W" : "E")
            vips_image_set_string(picture.image, "exif-ifd3-GPSLongitude", rational(abs(longitude)))
        }
        if let artist = metadata.artist { vips_image_set_string(picture.image, "exif-ifd0-Artist", artist) }
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        guard gloss_vips_jpeg_keeping_metadata(picture.image, &bytes, &length) == 0, let bytes else {
            throw Vips.Failure(description: Vips.takeError())
        }
        defer { g_free(bytes) }
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }

    /// Degrees as EXIF's degrees/minutes/seconds rationals.
    static func rational(_ degrees: Double) -> String {
        let whole = Int(degrees), minutes = Int((degrees - Double(whole)) * 60)
        let seconds = Int(((degrees - Double(whole)) * 60 - Double(minutes)) * 60 * 100)
        return "\(whole)/1 \(minutes)/1 \(seconds)/100"
    }
}
