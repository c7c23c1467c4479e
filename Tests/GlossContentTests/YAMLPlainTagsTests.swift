import Testing
import Yams
@testable import GlossContent

/// `YAMLPlainTags` may only make decoding faster: a scalar it calls text is text to Yams' own
/// resolver, and a settled document decodes to the same values.
@Suite struct YAMLPlainTagsTests {
    @Test func whatItCallsTextIsTextToYamsResolver() {
        var samples = ["title", "Title", "yes", "Yes", "YES", "no", "on", "OFF", "true", "False", "null", "NULL", "Null", "~", "",
                       "y", "n", "nan", "inf", ".inf", ".NaN", "e3", "x1", "0x1F", "1_000", "1:30", "2020-01-06", "<<", "=",
                       "Ünïcode", "日本", "a b", "true\n", "null\n", "on ", " on", "trueish", "nullable", "Oslo"]
        var generator = SplitMix64(seed: 2026)
        let alphabet = Array("aeinoNOlLsStTrRuUfFyY~.-+_:0189 <=\n")
        for _ in 0..<3000 {
            samples.append(String((0...generator.below(6)).map { _ in alphabet[generator.below(alphabet.count)] }))
        }
        for sample in samples where YAMLPlainTags.canOnlyBeText(sample) {
            #expect(Resolver.default.resolveTag(of: Node(sample)) == .str, "\(sample.debugDescription)")
        }
        #expect(YAMLPlainTags.canOnlyBeText("title") && YAMLPlainTags.canOnlyBeText("Oslo") && YAMLPlainTags.canOnlyBeText("Ünïcode"))
        #expect(!YAMLPlainTags.canOnlyBeText("yes") && !YAMLPlainTags.canOnlyBeText("null") && !YAMLPlainTags.canOnlyBeText("2020-01-06"))
    }

    struct Fields: Decodable, Equatable {
        var title: String
        var draft: Bool
        var weight: Int?
        var summary: String?
        var tags: [String]
        var source: [String: String]
    }

    /// Front matter is composed without resolver rules (see `YAMLPlainTags`) and settled after.
    @Test func aSettledDocumentDecodesToTheSameValues() throws {
        let yaml = "title: Oslo talks\ndraft: yes\nweight: 0x10\nsummary: ~\ntags: [trade, on, Null, x]\nsource: {name: Reuters, date: 2020-01-06}\n"
        let plain = try YAMLDecoder().decode(Fields.self, from: try #require(try Yams.compose(yaml: yaml)))
        let composed = try #require(try Yams.compose(yaml: yaml, .basic))
        let settled = try YAMLDecoder().decode(Fields.self, from: YAMLPlainTags.settle(composed))
        #expect(settled == plain)
        #expect(settled == Fields(title: "Oslo talks", draft: true, weight: 16, summary: nil, tags: ["trade", "on", "Null", "x"],
                                  source: ["name": "Reuters", "date": "2020-01-06"]))
    }

    @Test func duplicateKeysAreStillFoundWithoutResolverRules() {
        let decoded = FrontMatterDecoder.decode(Fields.self, yaml: "title: a\ndraft: no\ntitle: b\n", path: "a.md", firstLine: 2)
        #expect(decoded.value == nil)
        #expect(decoded.diagnostics.map(\.description).contains { $0.hasPrefix("a.md:") && $0.contains("title") })
    }
}

extension YAMLPlainTagsTests.Fields: FrontMatterFields {
    static var fieldNames: [String] { ["title", "draft", "weight", "summary", "tags", "source"] }
}
