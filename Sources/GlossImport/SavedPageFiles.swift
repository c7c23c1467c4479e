import Foundation
import GlossContent

/// The files a browser saved with a page ("Save page, complete": `Page.html` and `Page_files/`).
/// A story picture found among them is copied into the article's folder and referenced by its
/// new name, so the digest shows the picture the editor saved, not a link back to the publisher.
/// One instance per page, used by that page's conversion alone.
final class SavedPageFiles: @unchecked Sendable {
    struct Picture: Sendable, Hashable {
        /// The file's name in the article's folder: lowercase letters, digits, `-` and the extension.
        var name: String
        /// The saved file, as a resolved absolute path inside the page's folder.
        var source: String
    }

    static let pictureExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "heic", "heif"]

    /// The folder holding the saved page, symbolic links resolved.
    let folder: String
    private var nameOfSource: [String: String] = [:]

    init(pageFile: String) {
        folder = URL(fileURLWithPath: pageFile).deletingLastPathComponent().resolvingSymlinksInPath().path
    }

    /// The picture to copy for an image address of the page, when the address is a relative path
    /// to a picture file saved inside the page's folder (never above it, even through a link).
    /// A file keeps its name across the extractor's passes; names are unique among all of them.
    func picture(for address: String) -> Picture? {
        guard let source = localFile(address) else { return nil }
        if let name = nameOfSource[source] { return Picture(name: name, source: source) }
        let name = uniqueName(Self.safeName(for: (source as NSString).lastPathComponent))
        nameOfSource[source] = name
        return Picture(name: name, source: source)
    }

    private func localFile(_ address: String) -> String? {
        var path = address.trimmingCharacters(in: .whitespacesAndNewlines)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        // An address with a scheme ("https:", "file:") or from the root of a host is not a saved file.
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("\\"),
              !(path.split(separator: "/", maxSplits: 1).first ?? "").contains(":"),
              let decoded = path.removingPercentEncoding, !decoded.contains("\0") else { return nil }
        let resolved = URL(fileURLWithPath: folder).appendingPathComponent(decoded).standardizedFileURL.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(folder + "/"), Self.pictureExtensions.contains((resolved as NSString).pathExtension.lowercased()) else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return resolved
    }

    /// "Trump Tower (1).JPG" → "trump-tower-1.jpg": the stem made a slug, as titles are, so the
    /// name is one every file system and URL takes as it is.
    static func safeName(for fileName: String) -> String {
        let stem = Slug.make(from: (fileName as NSString).deletingPathExtension)
        return (stem.isEmpty ? "picture" : String(stem.prefix(80))) + "." + (fileName as NSString).pathExtension.lowercased()
    }

    private func uniqueName(_ name: String) -> String {
        let taken = Set(nameOfSource.values)
        guard taken.contains(name) else { return name }
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        var number = 2
        while taken.contains("\(stem)-\(number).\(ext)") { number += 1 }
        return "\(stem)-\(number).\(ext)"
    }
}
