import GlossAnalysis
import GlossContent

/// A graph to draw: entities as nodes, most important first, and co-mentions as edges between
/// node positions. `weight` sizes a node (its mentions); `count` is the number of articles two
/// entities share and `strength` breaks ties between equal counts (the sum, over those
/// articles, of the smaller of the two mention counts: pairs both discussed at length first).
struct GraphData: Hashable, Sendable {
    struct Node: Hashable, Sendable {
        var entity: EntityID
        var weight: Int
        var isFocus = false
    }

    struct Edge: Hashable, Sendable {
        var a: Int
        var b: Int
        var count: Int
        var strength: Int
    }

    var nodes: [Node]
    var edges: [Edge]
    /// Entities that could have been shown (mentioned at all, or co-mentioned with the focus).
    var candidates: Int
}

/// Which entities and connections a graph shows, so that it stays a picture and not a hairball:
/// a bounded number of nodes, and for each node only its strongest few edges (plus whatever
/// keeps connected entities connected).
enum GraphSelection {
    /// The site graph: the `maxNodes` most mentioned entities and, for each, its
    /// `edgesPerNode` strongest co-mentions among them.
    static func site(_ site: AnalysedSite, maxNodes: Int = 60, edgesPerNode: Int = 3) -> GraphData {
        let entities = site.registry.entities
        let facts = site.index.entities
        let mentioned = entities.indices.filter { facts[$0].mentionCount > 0 }
        let chosen = mentioned.sorted {
            (facts[$1].mentionCount, entities[$0].name, $0) < (facts[$0].mentionCount, entities[$1].name, $1)
        }.prefix(maxNodes)
        let nodes = chosen.map { GraphData.Node(entity: $0, weight: facts[$0].mentionCount) }
        var slot = [Int](repeating: -1, count: entities.count)
        for (position, node) in nodes.enumerated() { slot[node.entity.index] = position }
        var pairs = PairCounts(nodes: nodes.count)
        var present: [(node: Int, count: Int)] = []
        for article in site.articles {
            present.removeAll(keepingCapacity: true)
            for mention in article.mentions where slot[mention.entity.index] >= 0 { present.append((slot[mention.entity.index], mention.count)) }
            pairs.add(present)
        }
        let edges = strongest(pairs.edges(), nodes: nodes, perNode: edgesPerNode) { entities[$0].name }
        return GraphData(nodes: nodes, edges: edges, candidates: mentioned.count)
    }

    /// An entity and the `maxNeighbours` entities it appears with most, counted in `mentions`,
    /// the articles that mention it (and only those, so its page depends on no other article).
    /// Every neighbour is joined to the focus; between neighbours, each keeps its strongest two.
    static func neighbourhood(of focus: EntityID, in mentions: [(article: AnalysedArticle, count: Int)], registry: EntityRegistry,
                              maxNeighbours: Int = 8) -> GraphData {
        let entities = registry.entities
        var company: [EntityID: (shared: Int, strength: Int, mentions: Int)] = [:]
        for mention in mentions {
            for other in mention.article.mentions where other.entity != focus {
                var entry = company[other.entity] ?? (0, 0, 0)
                entry.shared += 1
                entry.strength += min(mention.count, other.count)
                entry.mentions += other.count
                company[other.entity] = entry
            }
        }
        guard !company.isEmpty else { return GraphData(nodes: [], edges: [], candidates: 0) }
        let ranked = company.keys.sorted {
            let (a, b) = (company[$0] ?? (0, 0, 0), company[$1] ?? (0, 0, 0))
            return (b.shared, b.strength, b.mentions, entities[$0].name, $0) < (a.shared, a.strength, a.mentions, entities[$1].name, $1)
        }
        let neighbours = ranked.prefix(maxNeighbours)
        var nodes = [GraphData.Node(entity: focus, weight: mentions.reduce(0) { $0 + $1.count }, isFocus: true)]
        nodes += neighbours.map { GraphData.Node(entity: $0, weight: company[$0]?.mentions ?? 0) }
        var slot: [EntityID: Int] = [:]
        for (position, node) in nodes.enumerated() { slot[node.entity] = position }
        var pairs = PairCounts(nodes: nodes.count)
        var present: [(node: Int, count: Int)] = []
        for mention in mentions {
            present.removeAll(keepingCapacity: true)
            for other in mention.article.mentions {
                if let position = slot[other.entity], position > 0 { present.append((position, other.count)) }
            }
            pairs.add(present)
        }
        let spokes = neighbours.enumerated().map { offset, entity in
            GraphData.Edge(a: 0, b: offset + 1, count: company[entity]?.shared ?? 0, strength: company[entity]?.strength ?? 0)
        }
        let between = strongest(pairs.edges(), nodes: nodes, perNode: 2, connect: false) { entities[$0].name }
        return GraphData(nodes: nodes, edges: spokes + between, candidates: company.count)
    }

    /// For each node its `perNode` strongest edges (by count, then strength, then the other
    /// node's weight and name), and, when `connect` is set, a maximum spanning forest too, so
    /// that entities connected in the full graph stay connected in the drawing. Strongest first.
    static func strongest(_ edges: [GraphData.Edge], nodes: [GraphData.Node], perNode: Int, connect: Bool = true,
                          name: (EntityID) -> String) -> [GraphData.Edge] {
        let rank = { (edge: GraphData.Edge) in (edge.count, edge.strength, nodes[edge.a].weight + nodes[edge.b].weight) }
        let before = { (x: GraphData.Edge, y: GraphData.Edge) -> Bool in
            if rank(x) != rank(y) { return rank(x) > rank(y) }
            return (name(nodes[x.a].entity), name(nodes[x.b].entity), x.a, x.b) < (name(nodes[y.a].entity), name(nodes[y.b].entity), y.a, y.b)
        }
        let sorted = edges.sorted(by: before)
        var kept = [Bool](repeating: false, count: sorted.count)
        var taken = [Int](repeating: 0, count: nodes.count)
        // Strongest first: an edge is kept when it is among the best `perNode` of either end.
        var perEnd = [[Int]](repeating: [], count: nodes.count)
        for (position, edge) in sorted.enumerated() {
            perEnd[edge.a].append(position)
            perEnd[edge.b].append(position)
        }
        for node in nodes.indices {
            for position in perEnd[node] where taken[node] < perNode {
                kept[position] = true
                taken[node] += 1
            }
        }
        if connect {
            var forest = DisjointSets(count: nodes.count)
            for (position, edge) in sorted.enumerated() where forest.union(edge.a, edge.b) { kept[position] = true }
        }
        return sorted.indices.filter { kept[$0] }.map { sorted[$0] }
    }
}

/// Co-mention counts between the nodes of a graph, one article at a time, in flat arrays.
struct PairCounts {
    let nodes: Int
    private var count: [Int]
    private var strength: [Int]

    init(nodes: Int) {
        self.nodes = nodes
        count = [Int](repeating: 0, count: nodes * nodes)
        strength = [Int](repeating: 0, count: nodes * nodes)
    }

    /// One article: the nodes it mentions, each with its number of mentions.
    mutating func add(_ present: [(node: Int, count: Int)]) {
        for i in present.indices {
            for j in present.indices where present[i].node < present[j].node {
                let at = present[i].node * nodes + present[j].node
                count[at] += 1
                strength[at] += min(present[i].count, present[j].count)
            }
        }
    }

    func edges() -> [GraphData.Edge] {
        var edges: [GraphData.Edge] = []
        for a in 0..<nodes {
            for b in (a + 1)..<max(a + 1, nodes) where count[a * nodes + b] > 0 {
                edges.append(GraphData.Edge(a: a, b: b, count: count[a * nodes + b], strength: strength[a * nodes + b]))
            }
        }
        return edges
    }
}

/// Union–find with path halving, for the spanning forest.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Joins the sets of `a` and `b`; false when they were already one.
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        let (ra, rb) = (find(a), find(b))
        guard ra != rb else { return false }
        parent[max(ra, rb)] = min(ra, rb)
        return true
    }
}
