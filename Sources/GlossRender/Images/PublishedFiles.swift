import GlossContent

/// The site's own files (photo copies, attachments, `static/`) among the files Gloss makes.
/// A file of `static/` may replace a file Gloss makes that is not a page (your own
/// `robots.txt`, a favicon); anything that would overwrite a page, or two files landing on one
/// path, is an error naming the file.
enum PublishedFiles {
    /// - Parameter written: files Gloss made that are written already, so not in `made`.
    static func merge(_ media: [OutputFile], into made: [OutputFile], written: Set<String> = [], sources: [MediaFile],
                      diagnostics: inout [Diagnostic]) -> [OutputFile] {
        // Which source each published path comes from, for messages.
        var origin: [String: MediaFile] = [:]
        for file in sources {
            origin[file.file.output] = file
            if case .picture(let picture) = file.kind, file.file.origin == .content {
                for variant in picture.variants(output: file.file.output) { origin[variant.path] = file }
            }
        }
        var index = Dictionary(made.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        var files = made
        var claimed: [String: String] = [:]
        for file in media {
            let source = origin[file.path]
            let name = source?.file.path ?? file.path
            if let other = claimed[file.path] {
                diagnostics.append(.error(name, "published as \(file.path), as \(other) is too: rename one of them"))
                continue
            }
            claimed[file.path] = name
            let existing = index[file.path]
            let replacesNonPage = existing != nil && source?.file.origin == .static && !file.path.hasSuffix(".html")
            if written.contains(file.path) || (existing != nil && !replacesNonPage) {
                diagnostics.append(.error(name, "would be published as \(file.path), which Gloss writes itself: rename it"))
                continue
            }
            if let existing {
                files[existing] = file
            } else {
                index[file.path] = files.count
                files.append(file)
            }
        }
        return files
    }
}
