/// How copies are encoded. Part of the cache's name (`ImageCache.recipe`): change a number
/// here and every picture is made again.
enum EncodingSettings {
    static let jpegQuality = 82
    static let webpQuality = 80
    /// libwebp's effort, 0–6: 4 is its default; every step up costs about a third more time.
    static let webpEffort = 4

    /// Bumped when how copies are made changes (v3: metadata removed field by field, and WebP's
    /// metadata chunks by libwebpmux).
    static var recipe: String { "v3-j\(jpegQuality)w\(webpQuality)e\(webpEffort)" }
}
