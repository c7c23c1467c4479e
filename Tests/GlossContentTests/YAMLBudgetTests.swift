import Testing
@testable import GlossContent

/// Front matter within a budget of values after alias expansion: an alias bomb is an error at
/// once, wherever it hides (a value, a key, an ignored field, a merge), never a hang.
@Suite struct YAMLBudgetTests {
    /// Nine levels of nine aliases each: 9^9, about 387 million values.
    static func bomb(_ use: String) -> String {
        var lines = ["title: A", "date: 2024-05-01", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]") }
        return (lines + [use]).joined(separator: "\n")
    }

    @Test(arguments: ["tags: *a9", "related: *a9", "? *a9\n: 1", "m: {<<: *a9}", "tags: [*a8, *a8]"])
    func aliasBombsAreRefused(_ use: String) {
        let decoded = FrontMatterDecoder.decode(ArticleFields.self, yaml: Self.bomb(use), path: "a.md", firstLine: 2)
        #expect(decoded.value == nil)
        #expect(decoded.diagnostics.map(\.description).contains {
            $0.hasPrefix("a.md:") && $0.contains("error: YAML expands to more than 100000 values")
        }, "\(decoded.diagnostics)")
    }

    @Test("text repeated through aliases counts as what it repeats")
    func repeatedTextIsCounted() {
        let big = String(repeating: "x", count: 1 << 20)
        let yaml = "title: A\ndate: 2024-05-01\nb: &b \"\(big)\"\ntags: [" + Array(repeating: "*b", count: 5).joined(separator: ", ") + "]"
        let decoded = FrontMatterDecoder.decode(ArticleFields.self, yaml: yaml, path: "a.md", firstLine: 2)
        #expect(decoded.diagnostics.map(\.description).contains { $0.contains("error: YAML expands to more than 4 MiB of text") })
    }

    @Test("ordinary aliases and deep but allowed nesting pass; libyaml refuses deeper than 1,000 levels")
    func withinBudget() {
        let fine = FrontMatterDecoder.decode(ArticleFields.self, yaml: "title: &t A\ndate: 2024-05-01\nsummary: *t\nrelated: "
                                                 + String(repeating: "[", count: 900) + String(repeating: "]", count: 900),
                                             path: "a.md", firstLine: 2)
        #expect(fine.value?.summary == "A")
        let deep = FrontMatterDecoder.decode(ArticleFields.self, yaml: "title: A\ndate: 2024-05-01\nrelated: "
                                                 + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
                                             path: "a.md", firstLine: 2)
        #expect(deep.value == nil && deep.diagnostics.map(\.description).contains { $0.contains("malformed YAML") && $0.contains("nesting level") })
    }
}
