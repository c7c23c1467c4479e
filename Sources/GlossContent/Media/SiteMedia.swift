/// What the image stage found the site's files to be: the input analysis resolves image and
/// file references against, and the render stage writes markup from.
public struct SiteMedia: Sendable, Hashable {
    /// By source path (`content/articles/x/photo.jpg`).
    public private(set) var files: [String: MediaFile] = [:]
    /// Source path by published path, so a page-relative reference to a static file is found.
    public private(set) var outputs: [String: String] = [:]

    public init(_ files: [MediaFile] = []) {
        for file in files {
            self.files[file.file.path] = file
            outputs[file.file.output] = file.file.path
        }
    }

    /// Files the image stage has not looked at: each one is a plain file.
    public init(unprobed files: [SiteFile]) {
        self.init(files.map { MediaFile(file: $0, kind: .file) })
    }

    public subscript(path: String) -> MediaFile? { files[path] }

    /// Files in path order.
    public var all: [MediaFile] { files.keys.sorted().compactMap { files[$0] } }
}

/// One file and what it is.
public struct MediaFile: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A photo or raster picture, published only as resized copies without metadata.
        case picture(Picture)
        /// An SVG drawing, published only as cleaned (no scripts, handlers or outside references).
        case drawing(Drawing)
        /// Any other file: published byte for byte.
        case file
        /// A picture Gloss will not publish (unreadable, hostile, unsupported), and why.
        case refused(String)
    }

    public var file: SiteFile
    public var kind: Kind

    public init(file: SiteFile, kind: Kind) {
        self.file = file
        self.kind = kind
    }

    /// True for what may be shown with `![alt](…)`.
    public var isImage: Bool {
        switch kind {
        case .picture, .drawing: true
        case .file: Self.imageExtensions.contains(file.path.fileExtension)
        case .refused: false
        }
    }

    /// Extensions of images browsers show, for files the image stage did not open (static files).
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "gif", "avif", "svg"]
}

/// An SVG drawing after cleaning.
public struct Drawing: Sendable, Hashable {
    /// The cleaned document, as published.
    public var bytes: [UInt8]
    /// From the root's `width`/`height` (or `viewBox`), in CSS pixels, when it says.
    public var width: Int?
    public var height: Int?

    public init(bytes: [UInt8], width: Int?, height: Int?) {
        self.bytes = bytes
        self.width = width
        self.height = height
    }
}

extension String {
    /// The lower-cased extension of a path's last component ("" when none).
    public var fileExtension: String {
        let name = split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
