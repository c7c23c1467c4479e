import Foundation
import GlossContent

/// The image stage, between load and analysis (`examine`: what each file is) and after it
/// (`publish`: the files to write). Pictures are read and made on every core, one picture per
/// core at a time, each in bounded memory (`PictureReader`'s limits); copies come from the
/// cache whenever the picture's bytes were seen before. A long-running preview keeps one stage.
public final class ImageStage: @unchecked Sendable {
    public let root: String
    let cache: ImageCache
    private let lock = NSLock()
    /// Cleaned SVGs by path and stamp (cheap to redo, but the preview asks on every save).
    private var drawings: [String: (token: String, result: Result<Drawing, PictureReader.Refusal>)] = [:]
    /// Static pictures that hold a GPS position, from the last `examine`.
    private var located: Set<String> = []

    /// Extensions of the pictures Gloss reads (its header decides what it really is).
    static let pictureExtensions: Set<String> = ["jpg", "jpeg", "jpe", "png", "webp", "gif", "heic", "heif", "avif"]

    /// - Parameter root: the site folder; the cache is `.gloss-cache/images/` in it.
    public init(site root: String) {
        self.root = root
        cache = ImageCache(folder: root + "/.gloss-cache/images/" + EncodingSettings.recipe)
    }

    /// Says what each file is: pictures by their header (refused when hostile or unreadable),
    /// SVGs cleaned, anything else a plain file never opened.
    public func examine(_ media: SiteMedia) -> (media: SiteMedia, diagnostics: [Diagnostic]) {
        let examined = media.all.concurrentMap { file -> (MediaFile, [Diagnostic], located: Bool) in
            let ext = file.file.path.fileExtension
            if ext == "svg" { return self.drawing(file) }
            guard Self.pictureExtensions.contains(ext) else { return (file, [], false) }
            switch self.picture(file.file) {
            case .success(let facts):
                let warning: [Diagnostic] = file.file.origin == .static && facts.hasLocation
                    ? [.warning(file.file.path, "holds the GPS position where it was taken; published re-encoded, without its metadata")] : []
                return (MediaFile(file: file.file, kind: .picture(facts.picture)), warning, file.file.origin == .static && facts.hasLocation)
            case .failure(let refusal):
                // Static files are published as they are, even when Gloss cannot read them.
                return (MediaFile(file: file.file, kind: file.file.origin == .static ? .file : .refused(refusal.reason)), [], false)
            }
        }
        cache.saveIndex(keeping: Set(media.all.map(\.file.path)))
        lock.withLock { located = Set(examined.filter(\.located).map(\.0.file.path)) }
        return (SiteMedia(examined.map(\.0)), examined.flatMap(\.1))
    }

    private func picture(_ file: SiteFile) -> Result<PictureReader.Facts, PictureReader.Refusal> {
        if let known = cache.known(file.path, stamp: file.stamp) { return known }
        let result: Result<PictureReader.Facts, PictureReader.Refusal>
        switch FileBytes.read(root + "/" + file.path, limit: PictureReader.maxBytes) {
        case .success(let bytes): result = PictureReader.read(bytes)
        case .failure(.tooLarge(let size)):
            result = .failure(.init("file is \(size >> 20) MiB; Gloss reads pictures of at most \(PictureReader.maxBytes >> 20) MiB"))
        case .failure(.unreadable(let why)): return .failure(.init("cannot read file: \(why)"))
        }
        cache.remember(file.path, stamp: file.stamp, result)
        return result
    }

    private func drawing(_ file: MediaFile) -> (MediaFile, [Diagnostic], located: Bool) {
        let path = file.file.path, token = file.file.stamp.token
        let result: Result<Drawing, PictureReader.Refusal>
        if let known = lock.withLock({ drawings[path] }), known.token == token {
            result = known.result
        } else {
            switch FileBytes.read(root + "/" + path, limit: SVGCleaner.maxBytes) {
            case .success(let bytes): result = SVGCleaner.clean(bytes)
            case .failure(.tooLarge(let size)): result = .failure(.init("SVG is \(size >> 10) KiB; Gloss reads SVG files of at most \(SVGCleaner.maxBytes >> 20) MiB"))
            case .failure(.unreadable(let why)): result = .failure(.init("cannot read file: \(why)"))
            }
            lock.withLock { drawings[path] = (token, result) }
        }
        switch result {
        case .success(let drawing): return (MediaFile(file: file.file, kind: .drawing(drawing)), [], false)
        case .failure(let refusal):
            let warning: [Diagnostic] = file.file.origin == .static ? [.warning(path, "not published: \(refusal.reason)")] : []
            return (MediaFile(file: file.file, kind: .refused(refusal.reason)), warning, false)
        }
    }

    /// The files to write for `files` (the ones analysis found used, and every static file):
    /// pictures as their copies (made now unless cached, or only named when `make` is false,
    /// for `gloss check`), drawings cleaned, anything else as it is, read when written.
    public func publish(_ files: [MediaFile], make: Bool = true) -> (files: [OutputFile], diagnostics: [Diagnostic], made: Int) {
        let located = lock.withLock { self.located }
        let results = files.concurrentMap { file -> (files: [OutputFile], diagnostics: [Diagnostic], made: Bool) in
            let path = file.file.path
            switch file.kind {
            case .file, .picture where file.file.origin == .static && !located.contains(path):
                let disk = OutputFile.DiskFile(path: self.root + "/" + path, version: file.file.stamp.token)
                return ([OutputFile(path: file.file.output, disk: disk)], [], false)
            case .drawing(let drawing):
                return ([OutputFile(path: file.file.output, bytes: drawing.bytes)], [], false)
            case .refused:
                return ([], [], false)
            case .picture(let picture):
                return self.copies(of: file, picture, make: make)
            }
        }
        return (results.flatMap(\.files), results.flatMap(\.diagnostics), results.filter(\.made).count)
    }

    /// A picture's copies: from the cache, or made and stored in it.
    private func copies(of file: MediaFile, _ picture: Picture, make: Bool) -> (files: [OutputFile], diagnostics: [Diagnostic], made: Bool) {
        let path = file.file.path
        let stripped = file.file.origin == .static
        let names: [(output: String, key: PictureCopies.Key)] = stripped
            ? [(file.file.output, PictureCopies.Key(width: 0, format: picture.format == .heif ? .jpeg : picture.format))]
            : picture.variants(output: file.file.output).map { ($0.path, PictureCopies.Key(width: $0.width, format: $0.format)) }
        let entry = cache.entry(picture.digest)
        let outputs = names.map {
            OutputFile(path: $0.output, disk: .init(path: entry + "/" + $0.key.fileName, version: picture.digest + "/" + $0.key.fileName, isImmutable: true))
        }
        guard make, !cache.has(picture.digest, names.map(\.key.fileName)) else { return (outputs, [], false) }
        let failure = { (why: String) -> (files: [OutputFile], diagnostics: [Diagnostic], made: Bool) in
            ([], [.error(path, "picture cannot be published: \(why)")], false)
        }
        guard case .success(let bytes) = FileBytes.read(root + "/" + path, limit: PictureReader.maxBytes) else {
            return failure("cannot read it again")
        }
        guard bytes.withUnsafeBytes(Vips.sha256) == picture.digest else { return failure("it changed while the site was being built; build again") }
        do {
            let copies: [String: [UInt8]] = stripped
                ? [names[0].key.fileName: try PictureCopies.stripped(bytes, picture: picture)]
                : Dictionary(uniqueKeysWithValues: try PictureCopies.make(from: bytes, picture: picture).map { ($0.key.fileName, $0.value) })
            try cache.store(picture.digest, copies)
        } catch {
            return failure("\(error)")
        }
        return (outputs, [], true)
    }
}
