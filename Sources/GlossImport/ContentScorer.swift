import GlossHTML

/// Finds the element that holds the story the way readability does: every paragraph votes for
/// its nearest ancestors with a score from its length and commas; containers start from their
/// tag and class, lose the share of their text that is links, and the best one (with the
/// siblings that score nearly as well) is the story.
struct ContentScorer {
    typealias NodeID = HTMLDocument.NodeID

    struct Options {
        /// Leave out furniture-named subtrees before scoring (the first, strictest pass).
        var stripFurniture = true
        /// Use class and id words in scores.
        var weighClasses = true
    }

    let facts: PageFacts
    let options: Options
    private(set) var scores: [Double?]

    init(_ facts: PageFacts, options: Options) {
        self.facts = facts
        self.options = options
        scores = [Double?](repeating: nil, count: facts.document.nodes.count)
        vote()
    }

    var document: HTMLDocument { facts.document }

    /// A furniture-named element that does not also call itself the story (readability's "unlikely candidate").
    func isFurniture(_ id: NodeID) -> Bool {
        guard facts.furniture[id] != nil else { return false }
        return !ContentRules.candidateWords.contains { facts.classes[id].containsBytes($0) }
    }

    private mutating func vote() {
        var stripped = [Bool](repeating: false, count: facts.document.nodes.count)
        for id in document.nodes.indices where document[id].kind == .element {
            if let parent = document[id].parent, stripped[parent] { stripped[id] = true; continue }
            if options.stripFurniture, isFurniture(id), document[id].name != "body" { stripped[id] = true }
        }
        for id in document.nodes.indices where facts.chars[id] >= ContentRules.minParagraphChars && document[id].kind == .element && !facts.excluded[id] && !stripped[id] {
            let name = document[id].name
            let length: Int, commas: Int, firstVoter: NodeID?
            if ContentRules.scoredTags.contains(name), facts.chars[id] >= ContentRules.minParagraphChars {
                (length, commas, firstVoter) = (facts.chars[id], facts.commas[id], document[id].parent)
            } else if HTMLToMarkdown.blockElements.contains(name), !ContentRules.scoredTags.contains(name), facts.ownChars[id] >= ContentRules.minParagraphChars {
                (length, commas, firstVoter) = (facts.ownChars[id], facts.ownCommas[id], id)  // its own text, as a paragraph inside it
            } else {
                continue
            }
            let score = 1 + Double(commas + 1) + min(Double(length / 100), 3)
            var ancestor = firstVoter
            var level = 0
            while let current = ancestor, level < ContentRules.votingAncestors, document[current].kind == .element {
                if scores[current] == nil { scores[current] = initialScore(current) }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                scores[current]? += score / divider
                ancestor = document[current].parent
                level += 1
            }
        }
        for id in scores.indices where scores[id] != nil { scores[id]? *= 1 - facts.linkDensity(id) }
    }

    func initialScore(_ id: NodeID) -> Double {
        ContentRules.tagWeight(document[id].name) + weight(id)
    }

    func weight(_ id: NodeID) -> Double {
        options.weighClasses ? facts.classWeight[id] : 0
    }

    func score(_ id: NodeID) -> Double { scores[id] ?? 0 }

    /// The best-scored element itself (the story's core, before climbing to a container).
    var core: NodeID? {
        let body = document.body ?? document.root
        return scores.indices.filter { scores[$0] != nil && $0 != body }.max { (score($0), -$0) < (score($1), -$1) }
    }

    /// The story's container and the siblings that join it, in page order.
    func choose() -> (top: NodeID, members: [NodeID]) {
        let body = document.body ?? document.root
        let ranked = scores.indices.filter { scores[$0] != nil && $0 != body }.sorted { (score($0), -$0) > (score($1), -$1) }
        guard var top = ranked.first, score(top) > 0 else { return (body, [body]) }
        let topScore = score(top)

        // Several strong candidates under one ancestor: the story is split in parts, take the ancestor.
        let alternatives = ranked.dropFirst().prefix(4).filter { score($0) / topScore >= 0.75 }.map { Set(document.ancestors(of: $0)) }
        if alternatives.count >= 3 {
            var parent = document[top].parent
            while let current = parent, current != body {
                if alternatives.filter({ $0.contains(current) }).count >= 3 { top = current; break }
                parent = document[current].parent
            }
        }
        // Climb while the parent scores better (a story whose paragraphs sit in several wrappers).
        var lastScore = score(top)
        var parent = document[top].parent
        while let current = parent, current != body {
            guard scores[current] != nil else { parent = document[current].parent; continue }
            if score(current) < lastScore / 3 { break }
            if score(current) > lastScore { top = current; break }
            lastScore = score(current)
            parent = document[current].parent
        }
        // A story split in parts that sit in separate wrappers (a column interrupted by adverts): a
        // strong cousin of the best container, near it and named like it, brings in their common ancestor.
        let cousinThreshold = max(10, score(top) * ContentRules.splitStoryShare)
        for candidate in ranked.prefix(10) where candidate != top && score(candidate) >= cousinThreshold {
            let aboveTop = document.ancestors(of: top), aboveCandidate = document.ancestors(of: candidate)
            guard !aboveTop.contains(candidate), !aboveCandidate.contains(top), facts.linkDensity(candidate) < 0.25,
                  let common = aboveTop.prefix(ContentRules.splitStoryLevels).first(where: { aboveCandidate.prefix(ContentRules.splitStoryLevels).contains($0) }),
                  common != body, sameKind(top, candidate) else { continue }
            top = common
        }
        // An only child says nothing its parent does not.
        while let current = document[top].parent, current != body,
              document[current].children.filter({ document[$0].kind == .element }).count == 1 {
            top = current
        }
        return (top, siblings(of: top))
    }

    /// Two parts of one story: a class word in common, or both several paragraphs long.
    func sameKind(_ a: NodeID, _ b: NodeID) -> Bool {
        let first = Set(facts.tokens[a]).subtracting(["div", "col", "row", "clearfix", "container", "wrapper"])
        if !first.isEmpty, !first.isDisjoint(with: facts.tokens[b]) { return true }
        return facts.paragraphs[a] >= 3 && facts.paragraphs[b] >= 3
    }

    private func siblings(of top: NodeID) -> [NodeID] {
        guard let parent = document[top].parent else { return [top] }
        let topScore = score(top)
        let threshold = max(10, topScore * ContentRules.siblingShare)
        let topClass = document.attribute("class", of: top) ?? ""
        var members: [NodeID] = []
        for sibling in document[parent].children where document[sibling].kind == .element && !facts.excluded[sibling] {
            if sibling == top { members.append(sibling); continue }
            let sameClass = !topClass.isEmpty && document.attribute("class", of: sibling) == topClass
            let bonus = sameClass ? topScore * ContentRules.siblingShare : 0
            if scores[sibling] != nil, score(sibling) + bonus >= threshold {
                members.append(sibling)
            } else if sameClass, facts.chars[sibling] > 0, facts.linkDensity(sibling) < 0.25 {
                members.append(sibling)  // a row of the same kind whose paragraphs sit too deep to have voted for it
            } else if document[sibling].name == "p" {
                let length = facts.chars[sibling], density = facts.linkDensity(sibling)
                let text = facts.text(sibling)
                if length > 80 && density < 0.25 { members.append(sibling) }
                else if length < 80, length > 0, density == 0, text.contains(". ") || text.hasSuffix(".") { members.append(sibling) }
            }
        }
        return members
    }
}
