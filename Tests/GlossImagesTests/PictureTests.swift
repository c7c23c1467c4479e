import Foundation
import Testing
@testable import GlossContent
@testable import GlossImages

/// Pictures read from their header, made into copies without metadata, and hostile ones refused.
@Suite struct PictureTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name)
        return [UInt8](try Data(contentsOf: url))
    }

    /// Two builds of one site (or tests run side by side) share `.gloss-cache/images/`: storing
    /// the same picture at the same moment must not fail either of them.
    @Test func buildsStoringOnePictureAtOnceBothSucceed() throws {
        let folder = NSTemporaryDirectory() + "gloss-image-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let failures = NSLock()
        nonisolated(unsafe) var failed: [String] = []
        DispatchQueue.concurrentPerform(iterations: 6_000) { round in
            do {
                try ImageCache(folder: folder).store("ab\(round % 2)", ["w480.jpg": [1, 2, 3], "w960.jpg": [4, 5, 6]])
            } catch {
                failures.withLock { failed.append("\(error)") }
            }
        }
        #expect(failed.isEmpty, "\(failed.count) stores failed: \(failed.first ?? "")")
        for round in 0..<2 { #expect(ImageCache(folder: folder).has("ab\(round)", ["w480.jpg", "w960.jpg"])) }
    }

    @Test func headerGivesTheUprightSizeAndSaysWhereItWasTaken() throws {
        let facts = try PictureReader.read(Self.fixture("located.jpg")).get()
        #expect(facts.picture.format == .jpeg)
        // Stored 120 × 80 with EXIF orientation 6: a quarter turn shows it 80 × 120.
        #expect((facts.picture.width, facts.picture.height) == (80, 120))
        #expect(facts.hasLocation)
        #expect(facts.picture.digest.count == 64)
        #expect(try PictureReader.read(Self.fixture("located.png")).get().hasLocation)
    }

    @Test func copiesAreUprightAndCarryNoMetadata() throws {
        let bytes = try Self.fixture("located.jpg")
        let picture = try PictureReader.read(bytes).get().picture
        let copies = try PictureCopies.make(from: bytes, picture: picture)
        #expect(Set(copies.keys) == [.init(width: 80, format: .jpeg), .init(width: 80, format: .webp)])
        for (key, copy) in copies {
            let facts = try PictureReader.read(copy).get()
            #expect(facts.picture.format == key.format)
            #expect((facts.picture.width, facts.picture.height) == (80, 120), "orientation applied, not merely recorded")
            #expect(!facts.hasLocation)
            let header = try copy.withUnsafeBytes { try Vips.header(of: $0) }
            #expect(header.orientation == 1)
            #expect(!Self.contains(copy, "GPS") && !Self.contains(copy, "Photographer") && !Self.contains(copy, "shot at home"))
        }
    }

    @Test func pngCopiesLoseTheirExifToo() throws {
        let bytes = try Self.fixture("located.png")
        let picture = try PictureReader.read(bytes).get().picture
        for copy in try PictureCopies.make(from: bytes, picture: picture).values {
            #expect(!(try PictureReader.read(copy).get().hasLocation))
            #expect(!Self.contains(copy, "eXIf") && !Self.contains(copy, "Exif"))
        }
    }

    @Test func variantsAreNeverEnlargedAndFollowTheWidths() {
        let wide = Picture(format: .jpeg, width: 3000, height: 2000, animated: false, digest: "d")
        #expect(wide.variants(output: "articles/a/p.jpg").map(\.path) == [
            "articles/a/p-480.jpg", "articles/a/p-480.webp", "articles/a/p-960.jpg", "articles/a/p-960.webp",
            "articles/a/p-1600.jpg", "articles/a/p-1600.webp",
        ])
        #expect(wide.variants(output: "p.jpg").last?.height == 1067)
        let small = Picture(format: .png, width: 700, height: 100, animated: false, digest: "d")
        #expect(small.variants(output: "x/chart.png").map(\.path) == ["x/chart-480.png", "x/chart-480.webp", "x/chart-700.png", "x/chart-700.webp"])
        let heic = Picture(format: .heif, width: 400, height: 300, animated: false, digest: "d")
        #expect(heic.variants(output: "IMG_1.HEIC").map(\.path) == ["IMG_1-400.jpg", "IMG_1-400.webp"])
    }

    @Test func animationsKeepTheirFrames() throws {
        let bytes = try Self.fixture("animated.gif")
        let picture = try PictureReader.read(bytes).get().picture
        #expect(picture.animated && (picture.width, picture.height) == (40, 30))
        let copies = try PictureCopies.make(from: bytes, picture: picture)
        #expect(Array(copies.keys) == [.init(width: 40, format: .gif)])
        let copy = try #require(copies.values.first)
        let header = try copy.withUnsafeBytes { try Vips.header(of: $0) }
        #expect(header.pages == 2)
    }

    @Test(arguments: ["bomb.png", "bomb.jpg"])
    func decompressionBombsAreRefusedFromTheirHeader(_ name: String) throws {
        let started = ContinuousClock.now
        guard case .failure(let refusal) = PictureReader.read(try Self.fixture(name)) else {
            Issue.record("\(name) was accepted")
            return
        }
        #expect(refusal.reason.contains("50000 × 50000"))
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    @Test func notAPictureIsRefusedWhateverItsName() {
        guard case .failure(let refusal) = PictureReader.read(Array("<html><script>alert(1)</script>".utf8)) else {
            Issue.record("accepted")
            return
        }
        #expect(refusal.reason.contains("not a JPEG"))
    }

    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        return bytes.indices.contains { start in bytes[start...].starts(with: needle) }
    }

    /// A processing instruction without data (`<?x?>`) crashed Foundation's XMLParser when a feed
    /// had one (found by the import-feed fuzzer); an SVG is parsed by the same parser.
    @Test func anSVGWithAnEmptyProcessingInstructionIsCleanedNotACrash() throws {
        let svg = "<?xml version=\"1.0\"?>\n<?x?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><?y?><path d=\"M0 0L10 10\"/></svg>"
        let drawing = try SVGCleaner.clean(Array(svg.utf8)).get()
        let text = String(decoding: drawing.bytes, as: UTF8.self)
        #expect(text.contains("<path") && !text.contains("<?x?>") && !text.contains("<?y?>"), "\(text)")
    }

    /// A declared encoding libxml2 hands to iconv crashed its push parser on a UTF-7 feed; an SVG
    /// declaring one is refused before it is parsed.
    @Test func anSVGInAnEncodingLibxml2DoesNotReadItselfIsRefused() {
        let svg = "<?xml version=\"1.0\" encoding=\"utf-7\">?\n<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0\u{0E}\"/></svg>"
        guard case .failure(let refusal) = SVGCleaner.clean(Array(svg.utf8)) else { Issue.record("an SVG in UTF-7 was cleaned"); return }
        #expect(refusal.reason == "SVG declares encoding `utf-7`, which Gloss does not read")
    }
}
