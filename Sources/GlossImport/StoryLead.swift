import GlossHTML

// The story's lead and standfirst where pages set them apart from its element: before it, in the
// story's header, under the page's headline; and, when nothing else holds the story, the element
// that says what the page's description says. Each is story text only when it says what the
// description says.

extension ArticleExtractor {
    /// The story's lead set apart before it (`<div class="article__lead">` and then the body, the
    /// lead above a picture and a share bar around the body's wrapper, the standfirst in the
    /// story's header or in a block classed as a teaser): looked for among the few blocks before
    /// the story's first element and before each of its nearest ancestors, then under the page's
    /// headline. Nil when the story already opens with it.
    func lead(before members: [NodeID]) -> NodeID? {
        guard let first = members.first else { return nil }
        let story = facts.text(first)
        /// Not the words the story opens with (then the lead is already in it).
        func isApart(_ id: NodeID) -> Bool { !story.hasPrefix(facts.text(id).prefix(60)) }
        var node = first
        for _ in 0..<ContentRules.leadLevels {
            guard let parent = document[node].parent, parent != document.body, let index = document[parent].children.firstIndex(of: node) else { break }
            let before = document[parent].children[..<index].reversed().filter { facts.chars[$0] > 0 || facts.images[$0] > 0 }
            for previous in before.prefix(ContentRules.leadBlocks) {
                guard document[previous].kind == .element, !facts.excluded[previous], facts.proseChars[previous] > 0 else { continue }
                // The story's header (its headline and standfirst): the standfirst inside it.
                if document.isElement(previous, "header") || facts.furniture[previous] == "header" {
                    guard let standfirst = document.descendants(of: previous).first(where: { isLeadBlock($0) && saysTheDescription($0) }) else { continue }
                    return isApart(standfirst) ? standfirst : nil
                }
                // A teaser is the story's own when it says what the description says (German CMSs' name for a standfirst).
                guard [nil, "related"].contains(facts.furniture[previous]) else { continue }
                guard isApart(previous) else { return nil }
                if saysTheDescription(previous) { return previous }
            }
            node = parent
        }
        // The standfirst under the page's headline, in a header of its own well before the story.
        let ancestors = Set(document.ancestors(of: first))
        for heading in document.elements("h1") where heading < first && !facts.excluded[heading] {
            guard let parent = document[heading].parent, let index = document[parent].children.firstIndex(of: heading) else { continue }
            let after = document[parent].children[(index + 1)...].filter { facts.chars[$0] > 0 }.prefix(ContentRules.standfirstBlocks)
            if let standfirst = after.first(where: { block in
                document[block].kind == .element && block < first && !ancestors.contains(block) && facts.proseChars[block] > 0
                    && isApart(block) && saysTheDescription(block)
            }) { return standfirst }
        }
        return nil
    }

    /// A paragraph, or a `<div>` of text alone, that can be a lead.
    func isLeadBlock(_ id: NodeID) -> Bool {
        (document.isElement(id, "p") || (document.isElement(id, "div") && facts.paragraphs[id] == 0)) && !facts.excluded[id] && facts.proseChars[id] > 0
    }

    /// Whether a block's words are what the page's description says (F1 of word triples at least
    /// `ContentRules.leadMinAgreement`), mostly not links: the story's own lead or standfirst.
    func saysTheDescription(_ id: NodeID) -> Bool {
        guard let summary = metadata.summary, summary.count >= ContentRules.leadMinChars, facts.linkDensity(id) < 0.3 else { return false }
        return TextShingles(summary, size: 3).f1(TextShingles(facts.text(id), size: 3)) >= ContentRules.leadMinAgreement
    }

    /// The innermost element of the page's text whose words agree with the description best, at
    /// least as well as a lead must (`ContentRules.leadMinAgreement`).
    func describedElement(_ summary: TextShingles) -> NodeID? {
        let length = metadata.summary?.count ?? 0
        var best: (id: NodeID, agreement: Double)?
        for id in document.nodes.indices where document[id].kind == .element && !facts.excluded[id]
            && facts.chars[id] >= length / 2 && facts.chars[id] <= 3 * length {
            let agreement = summary.f1(TextShingles(facts.text(id), size: 3))
            if agreement >= ContentRules.leadMinAgreement, agreement >= (best?.agreement ?? 0) { best = (id, agreement) }
        }
        return best?.id
    }
}
