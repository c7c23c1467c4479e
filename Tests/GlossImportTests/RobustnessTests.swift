import Foundation
import GlossContent
import Testing
@testable import GlossImport

/// No input may crash the importer: random bytes and mangled versions of real inputs.
@Suite struct RobustnessTests {
    static let samples: [String] = [
        Fixtures.text("seed-" + Fixtures.seedName), FeedReaderTests.rss, FeedReaderTests.atom, BatchImportTests.csv,
        "{\"title\": \"x\", \"text\": \"y\"}\n", "<html><body><p>Hi</p></body></html>",
    ]

    @Test func mangledInputsNeverCrash() {
        var random = SplitMix64(seed: 42)
        let scratch = Scratch()
        defer { scratch.remove() }
        var paths: [String] = []
        for (index, sample) in Self.samples.enumerated() {
            for variant in 0..<12 {
                var bytes = Array(sample.utf8)
                switch variant % 4 {
                case 0: bytes = Array(bytes.prefix(random.below(max(bytes.count, 1))))  // truncated
                case 1: for _ in 0..<8 where !bytes.isEmpty { bytes[random.below(bytes.count)] = UInt8(random.below(128)) }  // ASCII noise
                case 2: for _ in 0..<8 where !bytes.isEmpty { let specials = Array("<\"&,\n\r;".utf8); bytes.insert(specials[random.below(specials.count)], at: random.below(bytes.count)) }
                default: bytes = (0..<random.below(400)).map { _ in UInt8(random.below(256)) }  // random bytes
                }
                for ext in ["txt", "xml", "csv", "jsonl", "html"] {
                    paths.append(scratch.write("f\(index)-\(variant).\(ext)", bytes: bytes))
                }
            }
        }
        let report = scratch.importFiles(paths)
        #expect(report.recordsIn == report.written + report.rejected)
        #expect(report.recordsIn >= paths.count)
    }

    @Test func randomTextThroughEveryStage() {
        var random = SplitMix64(seed: 7)
        let alphabet = Array("aZ 09.,;:!?\"'()[]<>/&#*_-—–\u{A0}\u{200B}\n\n\r\té©READ MORE:By ".unicodeScalars)
        for _ in 0..<300 {
            var text = String.UnicodeScalarView()
            for _ in 0..<random.below(300) { text.append(alphabet[random.below(alphabet.count)]) }
            let string = String(text)
            _ = clean(string)
            _ = HTMLToMarkdown().blocks(string)
            _ = DateParser.iso(from: string)
            _ = CSVParser(bytes: Array(string.utf8)).parse()
            _ = EntityScanner(registry: nil).scan(title: string, text: string, tags: [string])
        }
    }
}

