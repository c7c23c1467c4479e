import Foundation
import GlossHTML

/// The story of a saved page: which elements hold it (the page's own `articleBody` markup or
/// JSON-LD when they are trustworthy, else readability's scoring), what inside them is page
/// furniture and which rule says so, and the Markdown of the rest.
struct ArticleExtractor {
    typealias NodeID = HTMLDocument.NodeID

    struct Extraction {
        var blocks: [MarkdownBlock] = []
        var dropped: [DroppedLine] = []
        /// How the story was found, for the report.
        var container = ""
        var length = 0
        /// The story's first element, for what is looked for before it (a dateline under the headline).
        var start: NodeID?
    }

    let facts: PageFacts
    let metadata: PageMetadata
    let baseURL: URL?
    var savedFiles: SavedPageFiles?

    var document: HTMLDocument { facts.document }

    /// Readability's passes, strictest first: a story shorter than `enoughText` characters is
    /// looked for again with fewer rules; when no pass finds enough, `shortStory` picks.
    static let passes: [(options: ContentScorer.Options, cleanConditionally: Bool)] = [
        (.init(stripFurniture: true, weighClasses: true), true),
        (.init(stripFurniture: false, weighClasses: true), true),
        (.init(stripFurniture: false, weighClasses: false), true),
        (.init(stripFurniture: false, weighClasses: false), false),
    ]
    static let enoughText = 500

    func extract() -> Extraction {
        var results: [Extraction] = []
        for pass in Self.passes {
            let scorer = ContentScorer(facts, options: pass.options)
            var (members, how) = storyElements(scorer)
            // The lead says what the description says: whether a pass found enough is the story's to say.
            var leadLength = 0
            if let lead = lead(before: members) {
                members.insert(lead, at: 0)
                how += ", with the lead set apart before it" + describe(lead)
                leadLength = facts.chars[lead]
            }
            var extraction = clean(members, scorer: scorer, conditionally: pass.cleanConditionally)
            extraction.container = how
            if extraction.length - leadLength >= Self.enoughText { return withoutWhatTheBodyLacks(extraction) }
            results.append(extraction)
        }
        let short = shortStory(results)
        return linkedDataStory(instead: short) ?? short
    }

    /// Paragraphs and list items between the story's first and last that its JSON-LD `articleBody` lacks
    /// (a teaser, a promotion, a caption the cleaning kept), when it holds the rest: the page
    /// says what its story is. Only between: a body cut short (a paywall's teaser) says nothing of
    /// what follows it, nor of a standfirst or kicker before it.
    func withoutWhatTheBodyLacks(_ found: Extraction) -> Extraction {
        guard let body = metadata.articleBody, body.spaceSeparatedWords.count >= ContentRules.linkedDataStoryMinWords else { return found }
        let target = TextShingles(body, size: 3)
        // Paragraphs and list items (WAZ's promotion is a list) are judged: a body may leave out
        // the story's headings, tables and quoted posts.
        let shared = found.blocks.map { block -> Double? in
            guard !block.isImage, !"#>|".contains(block.markdown.first ?? "#") else { return nil }
            let own = TextShingles(block.plain, size: 3)
            return own.hashes.isEmpty ? nil : Double(own.shared(with: target)) / Double(own.hashes.count)
        }
        let held = shared.indices.filter { (shared[$0] ?? 0) >= ContentRules.bodyHoldsBlockShare }
        guard let first = held.first, let last = held.last,
              Double(held.count) >= ContentRules.bodyHeldMinShare * Double(shared.compactMap { $0 }.count) else { return found }
        var result = found
        var kept: [MarkdownBlock] = []
        for (index, block) in found.blocks.enumerated() {
            let lacking = index > first && index < last && shared[index] == 0
                && block.plain.spaceSeparatedWords.count >= ContentRules.bodyLacksMinWords
            if lacking {
                result.dropped.append(DroppedLine(line: block.line, rule: "not-in-article-body", outcome: "dropped", text: block.plain))
            } else {
                kept.append(block)
            }
        }
        result.blocks = kept
        result.length = kept.reduce(0) { $0 + $1.plain.count }
        return result
    }

    /// A page that renders its story with a script has only the headline and a summary in its
    /// HTML, and the story in its JSON-LD `articleBody`: when every pass found less than half of
    /// that text, the story is the `articleBody`, a paragraph per line (it has no markup to keep),
    /// under the standfirst the HTML shows (the page's description) when the body leaves it out.
    func linkedDataStory(instead found: Extraction) -> Extraction? {
        guard let body = metadata.articleBody else { return nil }
        let words = body.spaceSeparatedWords.count
        let foundWords = found.blocks.reduce(0) { $0 + $1.plain.spaceSeparatedWords.count }
        guard words >= ContentRules.linkedDataStoryMinWords, Double(foundWords) < ContentRules.linkedDataStoryMaxShare * Double(words) else { return nil }
        let line = JSONLinkedData.scripts(in: document).first.map { document[$0].line } ?? 1
        let paragraphs = body.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var blocks = paragraphs.map { MarkdownBlock(markdown: MarkdownEscaper.paragraph($0), plain: $0, line: line) }
        func comparable(_ text: String) -> String { TextNormaliser.normalise(text).lowercased().trimmingCharacters(in: .whitespacesAndNewlines) }
        let summary = metadata.summary.map(comparable) ?? ""
        let standfirst = found.blocks.first { !summary.isEmpty && comparable($0.plain) == summary }
        if let standfirst, !comparable(body).contains(summary) { blocks.insert(standfirst, at: 0) }
        let left = found.blocks.filter { !$0.isImage && $0 != standfirst }.map { DroppedLine(line: $0.line, rule: "outside-story", outcome: "left out", text: $0.plain) }
        return Extraction(blocks: blocks, dropped: found.dropped + left, container: "the page's JSON-LD articleBody (its HTML holds \(foundWords) of its \(words) words)",
                          length: blocks.reduce(0) { $0 + $1.plain.count }, start: found.start)
    }

    /// The story when every pass found less than `enoughText`, in order:
    /// - the element the page names as its story (a paywalled item's one open paragraph in
    ///   `article-body`), when it holds more text than any pass found elsewhere;
    /// - the result holding most of what the page's own description says (a two-sentence item
    ///   beside a longer sign-up dialog, which a pass that ignores class names settles on);
    /// - the element that says what the description says (a video page's text is its description,
    ///   under the player, in a block classed as a caption), when no result holds it;
    /// - the longest, as readability keeps it.
    func shortStory(_ results: [Extraction]) -> Extraction {
        let longest = results.enumerated().max { ($0.element.length, -$0.offset) < ($1.element.length, -$1.offset) }?.element ?? Extraction()
        if let named = storyNamedElement(), let pass = Self.passes.first {
            var extraction = clean([named], scorer: ContentScorer(facts, options: pass.options), conditionally: pass.cleanConditionally)
            extraction.container = "the element the page names as its story" + describe(named)
            if extraction.length > longest.length { return extraction }
        }
        guard let summary = metadata.summary, summary.count >= ContentRules.leadMinChars else { return longest }
        let target = TextShingles(summary, size: 3)
        func held(_ extraction: Extraction) -> Double {
            let text = TextShingles(extraction.blocks.map(\.plain).joined(separator: " "), size: 3)
            return target.isEmpty ? 0 : Double(target.shared(with: text)) / Double(target.hashes.count)
        }
        let scored = results.enumerated().map { (held: held($0.element), length: $0.element.length, order: -$0.offset, extraction: $0.element) }
        if let best = scored.max(by: { ($0.held, $0.length, $0.order) < ($1.held, $1.length, $1.order) }),
           best.held >= ContentRules.shortStoryMinSummaryShare { return best.extraction }
        guard let described = describedElement(target), let pass = Self.passes.last else { return longest }
        var extraction = clean([described], scorer: ContentScorer(facts, options: pass.options), conditionally: pass.cleanConditionally)
        extraction.container = "the element that says what the page's description says" + describe(described)
        return held(extraction) >= ContentRules.shortStoryMinSummaryShare ? extraction : longest
    }

    /// The elements holding the story and how they were found.
    func storyElements(_ scorer: ContentScorer) -> ([NodeID], String) {
        var (top, members) = scorer.choose()
        var how = "the best-scored element" + describe(top) + (members.count > 1 ? " and \(members.count - 1) sibling(s)" : "")
        if let story = wholeStory(in: members) {
            how = "the page's own story" + describe(story) + ", not the next story with it in the best-scored element" + describe(top)
            (top, members) = (story, [story])
        }
        let scoredLength = members.reduce(0) { $0 + facts.chars[$1] }
        // The page marks its story: itemprop/property="articleBody" (several parts are taken in order).
        let marked = document.nodes.indices.filter { id in
            document[id].kind == .element && !facts.excluded[id]
                && [document.attribute("itemprop", of: id), document.attribute("property", of: id)].contains { $0?.lowercased().contains("articlebody") == true }
        }
        let outermost = marked.filter { id in !document.ancestors(of: id).contains(where: marked.contains) }
        let markedLength = outermost.reduce(0) { $0 + facts.chars[$1] }
        if markedLength >= ContentRules.signalMinChars, Double(markedLength) >= ContentRules.signalMinShare * Double(scoredLength) {
            return (outermost, "the page's articleBody element" + (outermost.count > 1 ? "s (\(outermost.count))" : "") + describe(outermost[0]))
        }
        // The scorer settled on page furniture (a cookie notice beside a post that is all links):
        // the page's one element named as its story (`entry-content`) is the story.
        if scorer.isFurniture(top), let named = storyNamedElement() {
            return ([named], "the element the page names as its story" + describe(named) + ", not the best-scored" + describe(top))
        }
        // The page gives its text in JSON-LD: the element whose text agrees with it best.
        if let body = metadata.articleBody, body.spaceSeparatedWords.count >= 50 {
            let target = TextShingles(body, size: 3)
            var candidates: Set<NodeID> = Set(members)
            let ranked = scorer.scores.indices.filter { scorer.scores[$0] != nil }.sorted { scorer.score($0) > scorer.score($1) }.prefix(5)
            let outside: Set<NodeID> = [document.root, document.html ?? document.root, document.body ?? document.root]
            for id in [top] + ranked { candidates.insert(id); candidates.formUnion(document.ancestors(of: id).prefix(4).filter { !outside.contains($0) }) }
            func agreement(_ ids: [NodeID]) -> Double { target.f1(TextShingles(ids.map { facts.text($0) }.joined(separator: " "), size: 3)) }
            let current = agreement(members)
            if let (bestID, bestAgreement) = candidates.filter({ document[$0].kind == .element }).map({ ($0, agreement([$0])) }).max(by: { ($0.1, -$0.0) < ($1.1, -$1.0) }),
               bestAgreement >= ContentRules.jsonBodyMinAgreement, bestAgreement > current + 0.02 {
                return ([bestID], "the element matching the page's JSON-LD articleBody" + describe(bestID))
            }
        }
        // The page's one <article> around the best container: the story may go on outside the container
        // (a split body, a paragraph set apart); whatever else the <article> holds is cleaned out below.
        let articles = document.elements("article").filter { !facts.excluded[$0] }
        if articles.count == 1, let article = articles.first, document.ancestors(of: top).contains(article),
           Double(facts.proseChars[article]) > ContentRules.articleMoreProse * Double(members.reduce(0) { $0 + facts.proseChars[$1] }) {
            return ([article], "the page's <article> around the best-scored element" + describe(top))
        }
        return (members, how)
    }

    /// The page's own story when the chosen elements hold two or more <article>s that are whole
    /// stories, each with its own <h1> and a story's length: pages that load the next story below
    /// the first (Dagbladet) score their common container above either. (Forum posts and FAQ items
    /// are <article>s too, but without a headline each.) The page's story is the one holding its
    /// title, else the first.
    func wholeStory(in members: [NodeID]) -> NodeID? {
        let chosen = Set(members)
        let headlined = Set(document.elements("h1").flatMap { document.ancestors(of: $0) })
        let stories = document.elements("article").filter { id in
            !facts.excluded[id] && headlined.contains(id) && facts.proseChars[id] >= ContentRules.wholeStoryMinProse
                && document.ancestors(of: id).contains(where: chosen.contains)
        }
        let outermost = stories.filter { id in !document.ancestors(of: id).contains(where: stories.contains) }
        guard outermost.count >= 2 else { return nil }
        let title = metadata.title.map { TextNormaliser.normalise($0).lowercased() } ?? ""
        return outermost.first { !title.isEmpty && facts.text($0).lowercased().contains(title) } ?? outermost[0]
    }

    /// The one outermost element whose class names it the story (`ContentRules.storyMarkers`), when
    /// it holds text; nil when there is none or several (a list of teasers).
    func storyNamedElement() -> NodeID? {
        let named = document.nodes.indices.filter { id in
            document[id].kind == .element && !["html", "body"].contains(document[id].name) && !facts.excluded[id] && facts.chars[id] >= ContentRules.minParagraphChars
                && ContentRules.storyMarkerFinder.occursAny(in: Array(facts.classes[id].utf8))
        }
        let outermost = named.filter { id in !document.ancestors(of: id).contains(where: named.contains) }
        return outermost.count == 1 ? outermost[0] : nil
    }

    /// Marks furniture inside the story's elements, reports it, and converts the rest.
    func clean(_ members: [NodeID], scorer: ContentScorer, conditionally: Bool) -> Extraction {
        let total = members.reduce(0) { $0 + facts.chars[$1] }
        let prose = members.reduce(0) { $0 + facts.proseChars[$1] }
        // The best-scored element and the elements around it are the story, whatever their class names say.
        let core: Set<NodeID> = scorer.core.map { Set([$0] + document.ancestors(of: $0)) } ?? []
        var dropped = [Bool](repeating: false, count: document.nodes.count)
        var report: [DroppedLine] = []
        var furnitureDrops: Set<NodeID> = []
        for member in members {
            var stack = document[member].children.reversed().map { ($0, false) }
            while let (id, inHeader) = stack.popLast() {
                let node = document[id]
                // Inside the story's header only its standfirst, a paragraph of prose, is story text.
                if inHeader, !isStandfirst(id) {
                    if facts.proseChars[id] > 0, node.kind == .element {
                        stack.append(contentsOf: node.children.reversed().map { ($0, true) })
                    } else {
                        dropped[id] = true
                        if facts.chars[id] > 0 { report.append(DroppedLine(line: node.line, rule: "header", outcome: "dropped", text: shortText(id))) }
                    }
                    continue
                }
                guard node.kind == .element else { continue }
                if facts.excluded[id] { dropped[id] = true; continue }
                if !core.contains(id), let rule = dropRule(id, storyLength: total, storyProse: prose, scorer: scorer, conditionally: conditionally) {
                    // A header, or a block classed as one (`article-page-title`), may hold the standfirst.
                    if rule == "header", facts.proseChars[id] > 0 {
                        stack.append(contentsOf: node.children.reversed().map { ($0, true) })
                        continue
                    }
                    dropped[id] = true
                    if ContentRules.sectionRules.contains(rule) { furnitureDrops.insert(id) }
                    if facts.chars[id] > 0 { report.append(DroppedLine(line: node.line, rule: rule, outcome: "dropped", text: shortText(id))) }
                    continue
                }
                stack.append(contentsOf: node.children.reversed().map { ($0, false) })
            }
        }
        dropTrailingLinksAndHeadings(in: members, total: total, &dropped, &report, furnitureDrops: &furnitureDrops)
        for member in members { dropOrphanHeadings(under: member, &dropped, &report, furnitureDrops: furnitureDrops) }
        let blocks = HTMLToMarkdown(baseURL: baseURL, savedFiles: savedFiles).blocks(of: members, in: document, dropped: dropped)
        return Extraction(blocks: blocks, dropped: report, length: blocks.reduce(0) { $0 + $1.plain.count }, start: members.first)
    }

    func describe(_ id: NodeID) -> String {
        let node = document[id]
        var label = node.name
        if let value = document.attribute("id", of: id), !value.isEmpty { label += " id=\"\(value)\"" }
        if let value = document.attribute("class", of: id), !value.isEmpty { label += " class=\"\(value.prefix(60))\"" }
        return " <\(label)> (line \(node.line))"
    }
}
