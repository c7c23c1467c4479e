import Foundation
import GlossContent
@testable import GlossImages
import GlossTestSupport
import Testing
@testable import GlossBuild
@testable import GlossRender

/// Photos and files beside content, end to end: found from the Markdown, published as resized
/// copies without metadata, written into pages for any depth, and every problem reported where
/// the Markdown says it.
@Suite struct ImageSiteTests {
    static let site = """
    -- gloss.yml --
    title: Photo Digest
    base_url: https://example.org/digest/
    -- content/articles/2018/abe-dinner/index.md --
    ---
    title: Abe and Trump at dinner
    date: 2018-09-23
    image: lead.jpg
    image_alt: The two leaders at a table
    image_credit: Kevin Lamarque / Reuters
    ---
    Shinzo Abe met Donald Trump at Trump Tower.

    ![Abe and Trump shake hands](handshake.jpg)
    The two leaders before *dinner*.
    Credit: Kevin Lamarque / Reuters

    Read [the statement](statement.pdf).

    ![the route](route.svg "Their route credit: OpenStreetMap")
    -- content/articles/plain.md --
    ---
    title: A plain article
    date: 2018-09-20
    ---
    A loose photo: ![A harbour](harbour.png)
    """

    /// The site above with its pictures: a 3,000 × 2,000 camera JPEG turned on its side with a
    /// GPS position, a lead photo, a PNG beside a loose article, an SVG with a script, a PDF.
    static func make(_ extra: String = "") throws -> TestSite {
        let site = try TestSite(Self.site + extra)
        let camera = SamplePictures.Metadata(orientation: 6, position: (35.6895, 139.6917), artist: "A Photographer")
        try site.write("content/articles/2018/abe-dinner/handshake.jpg", bytes: SamplePictures.make(width: 3000, height: 2000, metadata: camera))
        try site.write("content/articles/2018/abe-dinner/lead.jpg", bytes: SamplePictures.make(width: 1200, height: 800, seed: 2, metadata: camera))
        try site.write("content/articles/harbour.png", bytes: SamplePictures.make(width: 600, height: 400, format: .png))
        try site.write("content/articles/2018/abe-dinner/route.svg", """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150" onload="alert(1)"><script>alert(2)</script>\
        <path d="M0 0L300 150" stroke="black"/></svg>
        """)
        try site.write("content/articles/2018/abe-dinner/statement.pdf", "%PDF-1.4 not really")
        return site
    }

    static func page(_ files: [OutputFile], _ path: String) -> String {
        files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    @Test func photosArePublishedAsCopiesWithoutMetadataAndWrittenForThePage() throws {
        let site = try Self.make()
        defer { site.remove() }
        let result = SiteBuilder.build(BuildOptions(source: site.root))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let files = try #require(result.files)
        let paths = Set(files.map(\.path))
        // The camera's 3,000 × 2,000 picture is 2,000 × 3,000 upright: 480, 960 and 1,600 wide.
        for width in [480, 960, 1600] {
            for ext in ["jpg", "webp"] { #expect(paths.contains("articles/abe-dinner/handshake-\(width).\(ext)")) }
        }
        #expect(paths.contains("articles/harbour-600.png") && paths.contains("articles/harbour-480.webp"))
        #expect(paths.contains("articles/abe-dinner/statement.pdf") && paths.contains("articles/abe-dinner/route.svg"))
        // Originals are never published.
        #expect(!paths.contains("articles/abe-dinner/handshake.jpg") && !paths.contains("articles/abe-dinner/lead.jpg"))
        for file in files where ["jpg", "webp", "png"].contains(file.path.fileExtension) {
            let facts = try PictureReader.read(try file.contents()).get()
            #expect(!facts.hasLocation, "\(file.path) keeps a GPS position")
            #expect(!ImageSiteTests.contains(try file.contents(), "Photographer"), "\(file.path) keeps the artist")
        }
        let copy = try #require(files.first { $0.path == "articles/abe-dinner/handshake-480.jpg" })
        #expect(try PictureReader.read(try copy.contents()).get().picture.height == 720, "upright: 480 × 720")

        let article = Self.page(files, "articles/abe-dinner/index.html")
        #expect(article.contains("<img src=\"handshake-960.jpg\" srcset=\"handshake-480.jpg 480w, handshake-960.jpg 960w, handshake-1600.jpg 1600w\" sizes=\""))
        #expect(article.contains("width=\"2000\" height=\"3000\" alt=\"Abe and Trump shake hands\" loading=\"lazy\""))
        #expect(article.contains("<source type=\"image/webp\" srcset=\"handshake-480.webp 480w, handshake-960.webp 960w, handshake-1600.webp 1600w\""))
        #expect(article.contains("<figcaption><span class=\"caption\">The two leaders before <em>dinner</em>.</span> <span class=\"credit\">Credit: Kevin Lamarque / Reuters</span></figcaption>"))
        #expect(article.contains("<span class=\"caption\">Their route</span> <span class=\"credit\">Credit: OpenStreetMap</span>"))
        #expect(article.contains("<img src=\"route.svg\" width=\"300\" height=\"150\" alt=\"the route\""))
        #expect(article.contains("<a href=\"statement.pdf\">the statement</a>"))
        // The lead photo is the first thing on the page: loaded at once.
        #expect(article.contains("alt=\"The two leaders at a table\" loading=\"eager\" decoding=\"async\""))
        #expect(article.contains("<meta property=\"og:image\" content=\"https://example.org/digest/articles/abe-dinner/lead-800.jpg\">"))
        #expect(article.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        let svg = Self.page(files, "articles/abe-dinner/route.svg")
        #expect(!svg.contains("script") && !svg.contains("onload") && svg.contains("<path"))

        // Written relative to the page they land on: the home page lists the article's card.
        let home = Self.page(files, "index.html")
        #expect(home.contains("<img src=\"articles/abe-dinner/lead-480.jpg\""))
        #expect(Self.page(files, "articles/plain/index.html").contains("<img src=\"../../articles/harbour-600.png\""))
        #expect(Self.page(files, "feed.xml").contains("<link rel=\"enclosure\" type=\"image/jpeg\" href=\"https://example.org/digest/articles/abe-dinner/lead-800.jpg\"/>"))
        #expect(Self.page(files, "feed.json").contains("\"image\" : \"https://example.org/digest/articles/abe-dinner/lead-800.jpg\""))
    }

    /// Cards are shared by pages whose links look alike; a lead picture's link from its own
    /// article's page ("lead-480.jpg") is not what a tag page as deep needs. Asked in this
    /// order (the article's page first), a shared card once sent tag pages to missing files.
    @Test func aCardMadeOnItsArticlesPageIsNotReusedWhereItsPictureLinkDiffers() throws {
        let site = try Self.make()
        defer { site.remove() }
        let analysed = try #require(SiteBuilder.build(BuildOptions(source: site.root)).analysed)
        let article = try #require(analysed.articles.elements.first { $0.article.slug == "abe-dinner" })
        let shared = SharedPageContext(site: analysed, theme: try #require(Theme.load(siteTemplates: [:]).theme), cards: ArticleCards())
        let own = PageContext(route: .article("abe-dinner"), shared: shared).card(article)
        let tag = PageContext(route: .tag("diplomacy"), shared: shared).card(article)
        #expect(own.image?.src == "lead-480.jpg")
        #expect(tag.image?.src == "../../articles/abe-dinner/lead-480.jpg")
        #expect(tag.image?.srcset?.hasPrefix("../../articles/abe-dinner/lead-480.jpg 480w") == true)
    }

    @Test func missingAndWrongImagesAreErrorsWhereTheMarkdownSaysSo() throws {
        let site = try Self.make("""

        -- content/articles/broken.md --
        ---
        title: Broken
        date: 2018-09-21
        image: nowhere.jpg
        ---
        First ![gone](gone.jpg) then ![a document](2018/abe-dinner/statement.pdf) and ![](harbour.png).
        """)
        defer { site.remove() }
        let result = SiteBuilder.build(BuildOptions(source: site.root))
        #expect(result.files == nil)
        let messages = result.diagnostics.filter { $0.file == "content/articles/broken.md" }.map(\.description)
        #expect(messages.contains("content/articles/broken.md:4:1: error: image `nowhere.jpg` not found (no file content/articles/nowhere.jpg)"))
        #expect(messages.contains("content/articles/broken.md:6:7: error: image `gone.jpg` not found (no file content/articles/gone.jpg)"))
        #expect(messages.contains { $0.hasPrefix("content/articles/broken.md:6:30: error: `2018/abe-dinner/statement.pdf` is not an image") })
        #expect(messages.contains { $0.hasPrefix("content/articles/broken.md:6:79: warning: image `harbour.png` has no alt text") })
    }

    @Test func unusedFilesAreReportedOnceAndNotPublished() throws {
        let site = try Self.make()
        defer { site.remove() }
        try site.write("content/articles/2018/abe-dinner/raw-original.jpg", bytes: SamplePictures.make(width: 100, height: 80))
        let result = SiteBuilder.build(BuildOptions(source: site.root))
        let warnings = result.diagnostics.filter { $0.file.hasSuffix("raw-original.jpg") }.map(\.description)
        #expect(warnings == ["content/articles/2018/abe-dinner/raw-original.jpg:1:1: warning: not used by any page (no image or link names it); it is not published"])
        #expect(result.files?.contains { $0.path.contains("raw-original") } == false)
    }

    @Test func hostilePicturesAreRefusedBeforeDecoding() throws {
        let site = try Self.make("""

        -- content/articles/hostile.md --
        ---
        title: Hostile
        date: 2018-09-22
        ---
        ![A bomb](bomb.png) and ![fake](fake.jpg) and ![bad svg](entities.svg)
        """)
        defer { site.remove() }
        // A PNG whose header claims 50,000 × 50,000 pixels (10 GB decoded), in 100 bytes.
        try site.write("content/articles/bomb.png", bytes: Self.bombPNG)
        try site.write("content/articles/fake.jpg", "<script>alert(1)</script>")
        try site.write("content/articles/entities.svg", "<!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&a;</svg>")
        let started = ContinuousClock.now
        let result = SiteBuilder.build(BuildOptions(source: site.root))
        #expect(ContinuousClock.now - started < .seconds(30))
        let messages = result.diagnostics.filter { $0.file == "content/articles/hostile.md" }.map(\.message)
        #expect(messages.contains { $0.contains("`bomb.png` is not published: 50000 × 50000 pixels is too large") })
        #expect(messages.contains { $0.contains("`fake.jpg` is not published: not a JPEG, PNG, WebP, GIF or HEIC picture") })
        #expect(messages.contains { $0.contains("`entities.svg` is not published: SVG declares XML entities") })
    }

    @Test func staticFilesAreCopiedAsTheyAreButNeverWithAPosition() throws {
        let site = try Self.make()
        defer { site.remove() }
        try site.write("static/robots.txt", "User-agent: *\nDisallow: /drafts/\n")
        try site.write("static/favicon.ico", "not parsed")
        try site.write("static/images/logo.png", bytes: SamplePictures.make(width: 64, height: 64, format: .png))
        try site.write("static/images/located.jpg", bytes: SamplePictures.make(width: 64, height: 48, metadata: .init(position: (1, 2))))
        let result = SiteBuilder.build(BuildOptions(source: site.root))
        let files = try #require(result.files, "\(result.diagnostics)")
        #expect(Self.page(files, "robots.txt") == "User-agent: *\nDisallow: /drafts/\n", "a static file replaces a made one")
        #expect(Self.page(files, "favicon.ico") == "not parsed")
        let logo = try #require(files.first { $0.path == "images/logo.png" })
        #expect(try logo.contents() == (try SamplePictures.make(width: 64, height: 64, format: .png)))
        let located = try #require(files.first { $0.path == "images/located.jpg" })
        #expect(!(try PictureReader.read(try located.contents()).get().hasLocation))
        #expect(result.diagnostics.contains { $0.file == "static/images/located.jpg" && $0.message.contains("GPS position") })
        // `gloss build` hands feeds and data to its sink as they are made, but not a file a
        // static one replaces: that one comes back with the rest, the static copy in it.
        let sunk = SunkPaths()
        let streamed = SiteBuilder.build(BuildOptions(source: site.root), sink: sunk.add)
        let rest = try #require(streamed.files, "\(streamed.diagnostics)")
        #expect(Self.page(rest, "robots.txt") == "User-agent: *\nDisallow: /drafts/\n" && !sunk.paths.contains("robots.txt"))
        #expect(sunk.paths.contains("feed.xml") && Set(streamed.written) == Set(sunk.paths))
        // A static file may not take a page's place.
        try site.write("static/articles/plain/index.html", "<p>mine</p>")
        let clash = SiteBuilder.build(BuildOptions(source: site.root))
        #expect(clash.files == nil)
        #expect(clash.diagnostics.contains { $0.file == "static/articles/plain/index.html" && $0.message.contains("which Gloss writes itself") })
    }

    @Test func unchangedPicturesAreNotMadeAgain() throws {
        let site = try Self.make()
        defer { site.remove() }
        let loaded = try #require(SiteLoader.load(from: site.root).content)
        let stage = ImageStage(site: site.root)
        let media = stage.examine(loaded.media).media
        let pictures = media.all.filter { if case .picture = $0.kind { true } else { false } }
        #expect(pictures.count == 3)
        #expect(stage.publish(pictures).made == 3)
        #expect(stage.publish(pictures).made == 0)
        // A new stage (a new `gloss build`) reads the cache beside gloss.yml.
        let again = ImageStage(site: site.root)
        #expect(again.publish(again.examine(loaded.media).media.all.filter { if case .picture = $0.kind { true } else { false } }).made == 0)
        // Another picture under the same name is made anew.
        try site.write("content/articles/harbour.png", bytes: SamplePictures.make(width: 600, height: 400, format: .png, seed: 9))
        let changed = try #require(SiteLoader.load(from: site.root).content)
        let fresh = ImageStage(site: site.root)
        #expect(fresh.publish(fresh.examine(changed.media).media.all.filter { if case .picture = $0.kind { true } else { false } }).made == 1)
    }

    /// A cached copy is published as a hard link to its cache file (readable by all), and a
    /// rebuild knows it unchanged by that link alone: 1,000 photos cost no copying on a rebuild.
    @Test func cachedCopiesArePublishedAsLinksAndKeptOnARebuild() throws {
        let site = try Self.make()
        defer { site.remove() }
        let output = site.root + "/out"
        let files = try #require(SiteBuilder.build(BuildOptions(source: site.root)).files)
        try SiteWriter.write(files, to: output, source: site.root, options: .init(reuseUnchanged: true))
        let copy = try #require(files.first { $0.path.hasSuffix("handshake-960.jpg") })
        let cached = try #require(copy.disk)
        #expect(cached.isImmutable && cached.path.contains("/.gloss-cache/images/"))
        #expect(OutputFolder.isSameFile(output + "/" + copy.path, cached.path))
        let mode = try FileManager.default.attributesOfItem(atPath: output + "/" + copy.path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
        try site.write("content/articles/plain.md", "---\ntitle: A plain article\ndate: 2018-09-20\n---\nEdited. ![A harbour](harbour.png)\n")
        let rebuilt = try #require(SiteBuilder.build(BuildOptions(source: site.root)).files)
        let outcome = try SiteWriter.write(rebuilt, to: output, source: site.root, options: .init(reuseUnchanged: true))
        #expect(outcome.updated.contains("articles/plain/index.html") && !outcome.updated.contains(copy.path))
        #expect(OutputFolder.isSameFile(output + "/" + copy.path, cached.path))
        // A static file is the user's to edit in place: copied, never linked.
        let statics = try #require(files.first { $0.path.hasSuffix("statement.pdf") })
        #expect(statics.disk?.isImmutable != true)
    }

    @Test func aCachedBuildSeesAPictureChangeSize() throws {
        let site = try Self.make()
        defer { site.remove() }
        let cache = BuildCache()
        let first = SiteBuilder.build(BuildOptions(source: site.root), cache: cache)
        #expect(Self.page(first.files ?? [], "articles/plain/index.html").contains("width=\"600\" height=\"400\""))
        try site.write("content/articles/harbour.png", bytes: SamplePictures.make(width: 300, height: 400, format: .png))
        let cached = SiteBuilder.build(BuildOptions(source: site.root), cache: cache)
        let fresh = SiteBuilder.build(BuildOptions(source: site.root))
        #expect(Self.page(cached.files ?? [], "articles/plain/index.html").contains("width=\"300\" height=\"400\""))
        #expect(cached.files?.map(\.path) == fresh.files?.map(\.path))
        #expect(Self.page(cached.files ?? [], "index.html") == Self.page(fresh.files ?? [], "index.html"))
    }

    /// A valid PNG header and first row claiming 50,000 × 50,000 grey pixels (2.5 GB decoded),
    /// its row in one stored (uncompressed) deflate block: 50 KB.
    static let bombPNG: [UInt8] = {
        func chunk(_ kind: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(kind.utf8) + data
            return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
        }
        let header = bigEndian(50_000) + bigEndian(50_000) + [8, 0, 0, 0, 0]
        let row = [UInt8](repeating: 0, count: 50_001)
        let length = UInt16(row.count)
        // zlib: header, one final stored block (length, its complement), the row, Adler-32.
        let adler = UInt32(row.count % 65_521) << 16 | 1
        let zlib: [UInt8] = [0x78, 0x01, 0x01, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            + row + bigEndian(adler)
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", zlib) + chunk("IEND", [])
    }()

    static func bigEndian(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        return bytes.indices.contains { bytes[$0...].starts(with: needle) }
    }
}

/// The paths a build's sink was given, from any thread.
final class SunkPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var added: [String] = []
    var paths: [String] { lock.withLock { added } }

    func add(_ files: [OutputFile]) { lock.withLock { added += files.map(\.path) } }
}
