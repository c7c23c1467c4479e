import Foundation
import GlossHTML

/// Where a story image really is: lazy-loading pages keep the URL in `data-src`, `srcset` or a
/// `<noscript>` copy and put a placeholder in `src`; trackers, icons and logos are not pictures.
enum StoryImage {
    typealias NodeID = HTMLDocument.NodeID
    static let sourceAttributes = ["data-src", "data-original", "data-lazy-src", "data-url", "data-hi-res-src", "data-full-src", "src"]

    static func source(of id: NodeID, in document: HTMLDocument) -> String? {
        guard !isDecoration(id, in: document) else { return nil }
        for name in sourceAttributes {
            if let value = document.attribute(name, of: id), isUsable(value) { return value }
        }
        for name in ["srcset", "data-srcset"] {
            if let value = document.attribute(name, of: id), let best = largest(inSrcset: value) { return best }
        }
        // A <picture>'s <source srcset>, or the <noscript> copy beside a lazy image.
        guard let parent = document[id].parent else { return nil }
        for sibling in document[parent].children where sibling != id {
            if document.isElement(sibling, "source"), let value = document.attribute("srcset", of: sibling), let best = largest(inSrcset: value) { return best }
            if document.isElement(sibling, "noscript"), let img = document.first("img", under: sibling),
               let value = document.attribute("src", of: img), isUsable(value) { return value }
        }
        return nil
    }

    static func isUsable(_ value: String) -> Bool {
        let lower = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !lower.isEmpty, !lower.hasPrefix("data:"), !lower.hasPrefix("javascript:"), !lower.hasPrefix("about:") else { return false }
        return !words(lower).contains { ContentRules.nonStoryImageWords.contains($0) }
    }

    /// "a.jpg 480w, b.jpg 1024w" → "b.jpg".
    static func largest(inSrcset srcset: String) -> String? {
        var best: (url: String, width: Double)?
        for candidate in srcset.split(separator: ",") {
            let parts = candidate.split(separator: " ", omittingEmptySubsequences: true)
            guard let url = parts.first.map(String.init), isUsable(url) else { continue }
            let width = parts.dropFirst().first.flatMap { Double($0.dropLast()) } ?? 1
            if width > best?.width ?? -1 { best = (url, width) }
        }
        return best?.url
    }

    /// Small by its own size attributes, or named as an icon, logo, avatar, tracker.
    static func isDecoration(_ id: NodeID, in document: HTMLDocument) -> Bool {
        for name in ["width", "height"] {
            if let value = document.attribute(name, of: id), let size = Int(value.prefix { $0.isNumber }), size <= ContentRules.minImageSide { return true }
        }
        let label = ((document.attribute("class", of: id) ?? "") + " " + (document.attribute("id", of: id) ?? "")).lowercased()
        return words(label).contains { ContentRules.nonStoryImageWords.contains($0) }
    }

    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
