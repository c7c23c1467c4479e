import Foundation
import GlossContent

/// The theme loader copies files under `Templates/assets/` into the output, following symbolic
/// links. The preview refuses to serve an output file whose source is a link to something outside
/// the site folder (a stray `ln -s ~/.ssh/id_rsa Templates/assets/`), and says so.
enum SymlinkGuard {
    static func outsideLinks(in files: [String: [UInt8]], root: String) -> [String] {
        let fm = FileManager.default
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        var refused: [String] = []
        for path in files.keys where path.hasPrefix("assets/") {
            let source = root + "/Templates/" + path
            guard fm.fileExists(atPath: source) else { continue }   // a built-in asset
            let real = URL(fileURLWithPath: source).resolvingSymlinksInPath().path
            if !real.hasPrefix(realRoot + "/") { refused.append(path) }
        }
        return refused.sorted()
    }
}

extension SiteSnapshot {
    /// The snapshot without the given paths.
    func removing(_ paths: [String]) -> SiteSnapshot {
        var copy = self
        for path in paths { copy.remove(path) }
        return copy
    }
}
