import Testing
@testable import GlossContent

/// Content is read in composed form (NFC), whatever form a file was saved in.
@Suite struct CanonicalTextTests {
    @Test func decomposedTextIsComposed() {
        #expect(Array(CanonicalText.composed("Jose\u{301} Mourinho").unicodeScalars) == Array("Jos\u{E9} Mourinho".unicodeScalars))
        // A composition exclusion becomes its decomposition (Bengali YYA), as NFC says.
        #expect(Array(CanonicalText.composed("\u{09DF}").unicodeScalars) == ["\u{09AF}", "\u{09BC}"])
        // Hangul jamo compose into a syllable.
        #expect(CanonicalText.composed("\u{1100}\u{1161}").unicodeScalars.first == "\u{AC00}")
    }

    @Test func composedTextIsLeftAsItIs() {
        for text in ["Plain ASCII", "Zelenskyy in Kyiv, Citroën, Ærø, naïve", "Ελλάδα, Україна, 日本語, עברית"] {
            #expect(!CanonicalText.mayChange(text.utf8), "\(text)")
            #expect(Array(CanonicalText.composed(text).utf8) == Array(text.utf8))
        }
    }

    @Test func filesAreReadComposed() throws {
        guard case .success(let file) = SourceFile.parse(path: "a.md", bytes: Array("---\ntitle: Jose\u{301}\n---\nJose\u{301} spoke.\n".utf8)) else {
            Issue.record("not parsed")
            return
        }
        #expect(file.frontMatter.unicodeScalars.contains("\u{E9}"))
        #expect(Array(file.body.unicodeScalars) == Array("Jos\u{E9} spoke.\n".unicodeScalars))
    }
}
