import Foundation
import GlossImages

/// The photo desk of `make bench`: generated articles as page folders, each with a camera
/// photo as its lead image (GPS position, photographer, some turned by EXIF orientation) and a
/// second one as a captioned, credited figure. Pictures are made by libvips
/// (`SamplePictures`), so nothing is fetched or committed.
public enum PhotoBenchmarkSite {
    /// Writes the site under `root` with `photos` pictures (two per article); returns the
    /// number of pictures written.
    @discardableResult
    public static func write(to root: String, photos: Int, width: Int = 2_000, height: Int = 1_333) throws -> Int {
        try BenchmarkSite.write(to: root, articles: 0, entities: 100)
        let articles = (photos + 1) / 2
        var written = 0
        for index in 0..<articles {
            let folder = "\(root)/content/articles/\(2000 + index % 25)/\(BenchmarkSite.articleSlug(index))"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let camera = SamplePictures.Metadata(orientation: index % 4 == 0 ? 6 : nil,
                                                 position: (35.0 + Double(index % 90) / 100, 139.0 + Double(index % 70) / 100),
                                                 artist: "Staff photographer \(index % 7)")
            try Data(SamplePictures.make(width: width, height: height, seed: 2 * index + 1, metadata: camera))
                .write(to: URL(fileURLWithPath: folder + "/lead.jpg"))
            written += 1
            var text = BenchmarkSite.article(index, articles: articles, entities: 100, tags: 30, edit: nil)
                .replacingOccurrences(of: "source: Generated Wire\n",
                                      with: "source: Generated Wire\nimage: lead.jpg\nimage_alt: Scene of dispatch \(index)\nimage_credit: Staff photographer\n")
            if written < photos {
                try Data(SamplePictures.make(width: height, height: width, seed: 2 * index + 2, metadata: camera))
                    .write(to: URL(fileURLWithPath: folder + "/detail.jpg"))
                written += 1
                text += "\n![A detail from dispatch \(index)](detail.jpg)\nWhat the delegation saw on arrival.\nCredit: Staff photographer\n"
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/index.md"))
        }
        return written
    }
}
