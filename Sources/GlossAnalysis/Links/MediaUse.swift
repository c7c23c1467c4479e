import GlossContent

/// One question analysis asked of the site's files, and the answer: what a body's images and
/// links found (or did not). An analysis kept by the preview's cache is reused only while
/// every answer still holds, so a photo that changes size, or appears where one was missing,
/// is analysed again.
public struct MediaLookup: Sendable, Hashable {
    public enum Key: Sendable, Hashable {
        /// A file by its path from the site folder (`content/articles/x/photo.jpg`).
        case source(String)
        /// A file by where it is published (`logo.png`, from `static/`).
        case output(String)
    }

    public var key: Key
    public var found: MediaFile?

    func holds(in media: SiteMedia) -> Bool { Self.find(key, in: media) == found }

    static func find(_ key: Key, in media: SiteMedia) -> MediaFile? {
        switch key {
        case .source(let path): media[path]
        case .output(let path): media.outputs[path].flatMap { media[$0] }
        }
    }
}

/// The site's files as one document's analysis sees them: every lookup is remembered.
final class MediaLookups {
    let media: SiteMedia
    private(set) var lookups: [MediaLookup] = []

    init(_ media: SiteMedia) { self.media = media }

    func file(_ key: MediaLookup.Key) -> MediaFile? {
        let found = MediaLookup.find(key, in: media)
        lookups.append(MediaLookup(key: key, found: found))
        return found
    }
}

extension Array where Element == MediaLookup {
    /// True when every lookup gives the same answer in `media`.
    func hold(in media: SiteMedia) -> Bool { allSatisfy { $0.holds(in: media) } }

    /// The files found, by source path: what the content uses.
    var usedFiles: Set<String> { Set(compactMap { $0.found?.file.path }) }
}
