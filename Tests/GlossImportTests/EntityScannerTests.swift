import GlossAnalysis
import GlossContent
import GlossTestSupport
import Testing
@testable import GlossImport

/// `gloss import` counts registry entities by the same rule as links: a surname inside someone
/// else's name is not the registered person, and that longer name is a candidate instead.
@Suite struct EntityScannerTests {
    @Test func namesInsideLongerNamesAreNotCountedAndBecomeCandidates() throws {
        let site = try TestSite("-- gloss.yml --\ntitle: T\n-- content/entities/john-smith.md --\n---\nname: John Smith\nkind: person\naliases: [Smith, Mr Smith]\n---\n")
        defer { site.remove() }
        let (content, diagnostics) = SiteLoader.load(from: site.root)
        var errors: [Diagnostic] = []
        let registry = EntityRegistry(entities: try #require(content, "\(diagnostics)").entities, diagnostics: &errors)
        let findings = EntityScanner(registry: registry).scan(
            title: "Jane Smith wins the seat",
            text: "Jane Smith won by 400 votes against John Smith. Mr Smith, who held the seat, conceded. Sir Ian Smith and Jane Smith celebrated.",
            tags: [])
        #expect(findings.found.map(\.slug) == ["john-smith"])
        #expect(findings.found.first?.count == 2)
        #expect(findings.candidates.map(\.name) == ["Jane Smith"])
        // Never named in full, the registered man is not the `Mr Smith` of a story about another Smith.
        let other = EntityScanner(registry: registry).scan(title: "Nick Smith holds the seat", text: "Nick Smith won by 400 votes. Mr Smith thanked his agent.", tags: [])
        #expect(other.found.isEmpty)
    }
}
