import GlossAnalysis
import GlossContent
import GlossTestSupport
import Testing
@testable import GlossRender

/// Which entities and connections the graphs show, on small generated sites.
@Suite struct GraphSelectionTests {
    /// `entities` people; article i mentions person i % entities and the two after it, and
    /// person 0 (a hub) in every other article, once per name (twice for the hub).
    static func site(entities: Int, articles: Int) throws -> AnalysedSite {
        var archive = "-- gloss.yml --\ntitle: Graph test\n"
        for e in 0..<entities {
            archive += "-- content/entities/p\(e).md --\n---\nname: Person Number\(e)x\nkind: \(e % 3 == 0 ? "place" : "person")\n---\nSomeone.\n"
        }
        for a in 0..<articles {
            let day = 1 + a % 28
            var names = (0..<3).map { "Person Number\((a + $0) % entities)x" }
            if a % 2 == 0 { names += ["Person Number0x", "Person Number0x"] }
            archive += "-- content/articles/a\(a).md --\n---\ntitle: Article \(a)\ndate: 2024-0\(1 + a / 28 % 9)-\(day < 10 ? "0" : "")\(day)\n---\n"
                + names.joined(separator: " met ") + ".\n"
        }
        let test = try TestSite(archive)
        defer { test.remove() }
        let (content, diagnostics) = SiteLoader.load(from: test.root)
        return SiteAnalyser.analyse(try #require(content, "\(diagnostics)"))
    }

    /// The articles that mention `entity`, with its count in each: a neighbourhood's input.
    static func mentions(of entity: EntityID, in site: AnalysedSite) -> [(article: AnalysedArticle, count: Int)] {
        site.index.entities[entity].mentions.map { (site.articles[$0.article], $0.count) }
    }

    @Test func theSiteGraphShowsTheMostMentionedAndEachOnesStrongestEdges() throws {
        let site = try Self.site(entities: 80, articles: 120)
        let graph = GraphSelection.site(site, maxNodes: 30, edgesPerNode: 3)
        #expect(graph.nodes.count == 30 && graph.candidates == 80)
        // Most mentioned first; the hub leads.
        let totals: [Int] = graph.nodes.map { site.index.entities[$0.entity].mentionCount }
        #expect(totals == totals.sorted(by: >))
        #expect(site.registry.entities[graph.nodes[0].entity].slug == "p0")
        #expect(graph.nodes.map(\GraphData.Node.weight) == totals)
        // Every edge is between shown nodes, strongest first.
        #expect(graph.edges.allSatisfy { $0.a < $0.b && $0.b < graph.nodes.count && $0.count > 0 })
        let counts: [Int] = graph.edges.map(\GraphData.Edge.count)
        #expect(counts == counts.sorted(by: >))
        // Filtered, yet connected: the hub connects everyone, so the drawing does too.
        var sets = DisjointSets(count: graph.nodes.count)
        for edge in graph.edges { _ = sets.union(edge.a, edge.b) }
        let roots = Set(graph.nodes.indices.map { sets.find($0) })
        #expect(roots.count == 1)
        #expect(graph.edges.count <= 3 * graph.nodes.count)
    }

    @Test func aNeighbourhoodIsTheEntityAndItsStrongestCompanyInItsOwnArticles() throws {
        let site = try Self.site(entities: 40, articles: 60)
        let focus = try #require(site.registry.entities.firstIndex { $0.slug == "p5" })
        let graph = GraphSelection.neighbourhood(of: focus, in: Self.mentions(of: focus, in: site), registry: site.registry, maxNeighbours: 4)
        #expect(graph.nodes.first?.entity == focus && graph.nodes.first?.isFocus == true)
        #expect(graph.nodes.first?.weight == site.index.entities[focus].mentionCount)
        #expect(graph.nodes.count == 5 && graph.nodes.dropFirst().allSatisfy { !$0.isFocus })
        // Every neighbour is joined to the focus, with the number of shared articles, most first:
        // p5 is named in articles 3–5 and 43–45: four shared with p4 and p6, two with p3 and p7.
        let spokes = graph.edges.filter { $0.a == 0 }
        #expect(spokes.map(\.count) == [4, 4, 2, 2])
        #expect(Set(spokes.prefix(2).map { site.registry.entities[graph.nodes[$0.b].entity].slug }) == ["p4", "p6"])
        for spoke in spokes {
            let other = graph.nodes[spoke.b].entity
            let shared = site.index.entities[focus].mentions.filter { m in site.articles[m.article].mentions.contains { $0.entity == other } }.count
            #expect(spoke.count == shared)
        }
        // Only co-mentions inside the focus's articles count between neighbours.
        let focusArticles = site.index.entities[focus].mentions.map { site.articles[$0.article] }
        for edge in graph.edges where edge.a > 0 {
            let (x, y) = (graph.nodes[edge.a].entity, graph.nodes[edge.b].entity)
            let together = focusArticles.filter { article in
                article.mentions.contains { $0.entity == x } && article.mentions.contains { $0.entity == y }
            }
            #expect(edge.count == together.count)
        }
    }

    @Test func anEntityNobodyAppearsWithHasNoNeighbourhood() throws {
        let site = try Self.site(entities: 5, articles: 0)
        #expect(GraphSelection.neighbourhood(of: 0, in: [], registry: site.registry).nodes.isEmpty)
        #expect(GraphSelection.site(site).nodes.isEmpty)
    }

    @Test func strongestKeepsTheBestEdgesPerNodeAndASpanningForest() {
        let nodes = (0..<5).map { GraphData.Node(entity: EntityID($0), weight: 10 - $0) }
        // A star on 0 with counts 9…6, plus a weak 3–4 edge and a strong 1–2.
        let edges = [GraphData.Edge(a: 0, b: 1, count: 9, strength: 9), GraphData.Edge(a: 0, b: 2, count: 8, strength: 8),
                     GraphData.Edge(a: 0, b: 3, count: 7, strength: 7), GraphData.Edge(a: 0, b: 4, count: 6, strength: 6),
                     GraphData.Edge(a: 1, b: 2, count: 8, strength: 1), GraphData.Edge(a: 3, b: 4, count: 1, strength: 1)]
        let kept = GraphSelection.strongest(edges, nodes: nodes, perNode: 1) { "n\($0.index)" }
        // Node 0 keeps 0–1; node 2 keeps 0–2 (strength breaks the tie with 1–2); 3 and 4 keep their spokes.
        #expect(kept.map { [$0.a, $0.b] } == [[0, 1], [0, 2], [0, 3], [0, 4]])
        let unconnected = GraphSelection.strongest(edges, nodes: nodes, perNode: 1, connect: false) { "n\($0.index)" }
        #expect(unconnected.count == 4)
    }
}
