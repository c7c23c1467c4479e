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
    }

    let facts: PageFacts
    let metadata: PageMetadata
    let baseURL: URL?
    var savedFiles: SavedPageFiles?

    var document: HTMLDocument { facts.document }

    /// Readability's passes, strictest first: a story shorter than `enoughText` characters is
    /// looked for again with fewer rules, and the longest result is kept.
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
            if let lead = lead(before: members) {
                members.insert(lead, at: 0)
                how += ", with the lead set apart before it" + describe(lead)
            }
            var extraction = clean(members, scorer: scorer, conditionally: pass.cleanConditionally)
            extraction.container = how
            if extraction.length >= Self.enoughText { return extraction }
            results.append(extraction)
        }
        return shortStory(results)
    }

    /// The story when every pass found less than `enoughText`, in order:
    /// - the element the page names as its story (a paywalled item's one open paragraph in
    ///   `article-body`), when it holds more text than any pass found elsewhere;
    /// - the result holding most of what the page's own description says (a two-sentence item
    ///   beside a longer sign-up dialog, which a pass that ignores class names settles on);
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
        guard let best = scored.max(by: { ($0.held, $0.length, $0.order) < ($1.held, $1.length, $1.order) }),
              best.held >= ContentRules.shortStoryMinSummaryShare else { return longest }
        return best.extraction
    }

    /// The elements holding the story and how they were found.
    func storyElements(_ scorer: ContentScorer) -> ([NodeID], String) {
        let (top, members) = scorer.choose()
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
        return (members, "the best-scored element" + describe(top) + (members.count > 1 ? " and \(members.count - 1) sibling(s)" : ""))
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

    /// The story's lead set apart just before it (`<div class="article__lead">` and then the body):
    /// story text, which readers see first, when it says what the page's own description says.
    func lead(before members: [NodeID]) -> NodeID? {
        guard let first = members.first, let summary = metadata.summary, summary.count >= ContentRules.leadMinChars,
              let parent = document[first].parent else { return nil }
        let siblings = document[parent].children
        guard let index = siblings.firstIndex(of: first),
              let previous = siblings[..<index].last(where: { facts.chars[$0] > 0 || facts.images[$0] > 0 }),
              document[previous].kind == .element, !facts.excluded[previous], facts.furniture[previous] == nil,
              facts.proseChars[previous] > 0, facts.linkDensity(previous) < 0.3 else { return nil }
        let lead = facts.text(previous)
        guard !facts.text(first).hasPrefix(lead.prefix(60)) else { return nil }
        return TextShingles(summary, size: 3).f1(TextShingles(lead, size: 3)) >= ContentRules.leadMinAgreement ? previous : nil
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
        dropTrailingLinks(in: members, total: total, &dropped, &report, furnitureDrops: &furnitureDrops)
        for member in members { dropOrphanHeadings(under: member, &dropped, &report, furnitureDrops: furnitureDrops) }
        let blocks = HTMLToMarkdown(baseURL: baseURL, savedFiles: savedFiles).blocks(of: members, in: document, dropped: dropped)
        return Extraction(blocks: blocks, dropped: report, length: blocks.reduce(0) { $0 + $1.plain.count })
    }

    /// Blocks that are nothing but links after the story's last sentence (`<h3>Mehr lesen:</h3>
    /// <p><a>…</a></p><p><a>…</a></p>`, a row of category links): further reading, not the story.
    /// A link alone between paragraphs stays (the story may point to a document there).
    func dropTrailingLinks(in members: [NodeID], total: Int, _ dropped: inout [Bool], _ report: inout [DroppedLine], furnitureDrops: inout Set<NodeID>) {
        var leaves: [NodeID] = []
        var stack = members.reversed().map { $0 }
        while let id = stack.popLast() {
            guard !dropped[id], document[id].kind == .element, facts.chars[id] > 0 || facts.images[id] > 0 else { continue }
            let blocks = document[id].children.filter { document[$0].kind == .element && HTMLToMarkdown.blockElements.contains(document[$0].name) && !dropped[$0] && (facts.chars[$0] > 0 || facts.images[$0] > 0) }
            if blocks.isEmpty || ContentRules.headingTags.contains(document[id].name) { leaves.append(id) } else { stack.append(contentsOf: blocks.reversed()) }
        }
        var trailing: [NodeID] = []
        for id in leaves.reversed() {
            if ContentRules.headingTags.contains(document[id].name) { continue }
            guard facts.images[id] == 0, facts.linkChars[id] == facts.chars[id] else { break }
            trailing.append(id)
        }
        guard !trailing.isEmpty, Double(trailing.reduce(0) { $0 + facts.chars[$1] }) <= ContentRules.furnitureMaxShare * Double(total) else { return }
        for id in trailing.reversed() {
            dropped[id] = true
            furnitureDrops.insert(id)
            report.append(DroppedLine(line: document[id].line, rule: "related", outcome: "dropped", text: shortText(id)))
        }
    }

    /// A heading whose section was all dropped ("Related posts" over a list of links, "Share this
    /// article" over the buttons) goes with it, in any language.
    func dropOrphanHeadings(under member: NodeID, _ dropped: inout [Bool], _ report: inout [DroppedLine], furnitureDrops: Set<NodeID>) {
        var stack = [member]
        while let id = stack.popLast() {
            guard !dropped[id] else { continue }
            let children = document[id].children.filter { document[$0].kind == .element || facts.chars[$0] > 0 }
            for (index, child) in children.enumerated() where ContentRules.headingTags.contains(document[child].name) && !dropped[child] {
                let section = children[(index + 1)...].prefix { !ContentRules.headingTags.contains(document[$0].name) }
                let kept = section.filter { !dropped[$0] && (facts.chars[$0] > 0 || facts.images[$0] > 0) }
                let droppedText = section.contains { dropped[$0] && facts.chars[$0] > 0 && furnitureDrops.contains($0) }
                guard kept.isEmpty, droppedText, facts.chars[child] > 0, !isProse(child) else { continue }
                dropped[child] = true
                report.append(DroppedLine(line: document[child].line, rule: "orphan-heading", outcome: "dropped", text: facts.text(child)))
            }
            stack.append(contentsOf: children.reversed())
        }
    }

    /// The rule that makes an element inside the story furniture, if one does.
    func dropRule(_ id: NodeID, storyLength: Int, storyProse: Int, scorer: ContentScorer, conditionally: Bool) -> String? {
        let node = document[id]
        let share = storyLength == 0 ? 0 : Double(facts.chars[id]) / Double(storyLength)
        if node.name == "h1" { return "title" }
        // The figure makes it the image's caption.
        if node.name == "figcaption", document.ancestors(of: id).contains(where: { document.isElement($0, "figure") }) { return nil }
        // Headings are the story's structure (their ids are anchors made from their text: "nav_…", "toc-…").
        var classRule = ContentRules.headingTags.contains(node.name) ? nil : facts.furniture[id]
        // A paragraph of prose is no tag list, share bar or menu, whatever a generated class name
        // holds (`tagStyle_z4kqwb`, a CSS-in-JS name, is not `tags`).
        if let rule = classRule, ContentRules.neverProseRules.contains(rule), node.name == "p", isProse(id) { classRule = nil }
        if let rule = ContentRules.furnitureTags[node.name] ?? classRule, share <= ContentRules.furnitureMaxShare, !isStoryImage(id) {
            return rule
        }
        if node.name == "p", isShoutedLink(id) { return "related" }
        if repeatsImageText(id) { return "caption" }
        if ["div", "aside", "section"].contains(node.name), share <= ContentRules.furnitureMaxShare, isEmbeddedStory(id) { return "related" }
        // Judging a block by its links or images never removes a large part of the story's prose.
        guard conditionally, ContentRules.conditionallyCleaned.contains(node.name),
              Double(facts.proseChars[id]) <= ContentRules.conditionalMaxProseShare * Double(storyProse) else { return nil }
        let chars = max(facts.chars[id], 1)
        let inFigure = document.ancestors(of: id).contains { document.isElement($0, "figure") }
        let isList = node.name == "ul" || node.name == "ol" || Double(facts.listChars[id]) / Double(chars) > 0.9
        if !isList, isLinkedSentence(id) { return nil }
        return ContentRules.conditionalDrop(BlockFacts(
            chars: facts.chars[id], commas: facts.commas[id], paragraphs: facts.paragraphs[id], images: facts.images[id],
            listItems: facts.listItems[id], inputs: facts.inputs[id], embeds: facts.embeds[id], linkDensity: facts.linkDensity(id),
            headingDensity: Double(facts.headingChars[id]) / Double(chars), weight: scorer.weight(id), score: 0, isList: isList, inFigure: inFigure))
    }

    /// One paragraph that is a sentence around an inline link (see `ContentRules.linkedSentenceMinOwnChars`).
    func isLinkedSentence(_ id: NodeID) -> Bool {
        facts.paragraphs[id] == 1 && facts.listItems[id] == 0 && facts.images[id] == 0
            && facts.chars[id] - facts.linkChars[id] >= ContentRules.linkedSentenceMinOwnChars && facts.text(id).endsSentence
    }

    /// A paragraph that is nothing but a link in capitals (`<p><a><strong>WHAT ARE CHINA'S OVERSEAS
    /// POLICE STATIONS?</strong></a></p>`): a teaser for another story or an app, as Fox News puts
    /// them between paragraphs. No paragraph of a story is all link and all capitals.
    func isShoutedLink(_ id: NodeID) -> Bool {
        guard facts.chars[id] >= ContentRules.shoutedLinkMinChars, facts.linkChars[id] == facts.chars[id] else { return false }
        let text = facts.text(id)
        return text.contains { $0.isLetter } && !text.contains { $0.isLowercase }
    }

    /// A block just after an image that says what the image's alt or title says, with at most a
    /// button's words more (`<div class="description"><a>Enlarge</a> <strong>Kommt das iPhone 14
    /// ohne Notch?</strong>`): the image's caption, which the image keeps. Not the standfirst,
    /// which some pages give as the lead image's alt text too: the page's description says it.
    func repeatsImageText(_ id: NodeID) -> Bool {
        guard facts.images[id] == 0, facts.chars[id] > 0, let parent = document[id].parent else { return false }
        let siblings = document[parent].children.filter { document[$0].kind == .element || facts.chars[$0] > 0 }
        guard let index = siblings.firstIndex(of: id), index > 0, case let previous = siblings[index - 1],
              facts.images[previous] > 0, facts.chars[previous] == 0,
              let image = document.isElement(previous, "img") ? previous : document.elements("img", under: previous).first else { return false }
        let text = facts.text(id)
        if let summary = metadata.summary, summary.hasPrefix(text.prefix(60)) || text.hasPrefix(summary.prefix(60)) { return false }
        return ["alt", "title"].contains { name in
            guard let said = document.attribute(name, of: image).map(TextNormaliser.singleLine), said.count >= ContentRules.captionMinChars else { return false }
            return text.contains(said) && text.count - said.count <= ContentRules.captionMaxExtraChars
        }
    }

    /// A box inside the story that is another story: its first two blocks are its own headline and
    /// its own byline (the Daily Mail's boxes: `Prince Charles: One million young people need …`,
    /// `By Tom Pyman for MailOnline`, then that story's text).
    func isEmbeddedStory(_ id: NodeID) -> Bool {
        var blocks: [NodeID] = []
        var stack = [id]
        while let next = stack.popLast(), blocks.count < 2 {
            let name = document[next].name
            if next != id, ContentRules.headingTags.contains(name) || name == "p" {
                if facts.chars[next] > 0 { blocks.append(next) }
                continue
            }
            stack.append(contentsOf: document[next].children.filter { document[$0].kind == .element }.reversed())
        }
        guard blocks.count == 2, ContentRules.headingTags.contains(document[blocks[0]].name) else { return false }
        return BoilerplateRules.bylineAuthor(LineShape(facts.text(blocks[1]))) != nil
    }

    /// A paragraph of prose in the story's header: the standfirst, which opens the story. One
    /// without a final stop (the Evening Standard's) is the standfirst when it is what the page's
    /// description says.
    func isStandfirst(_ id: NodeID) -> Bool {
        guard document.isElement(id, "p"), facts.furniture[id] == nil else { return false }
        if isProse(id) { return true }
        guard let summary = metadata.summary, facts.chars[id] >= ContentRules.standfirstMinChars, facts.linkDensity(id) < 0.3 else { return false }
        return TextShingles(summary, size: 3).f1(TextShingles(facts.text(id), size: 3)) >= ContentRules.leadMinAgreement
    }

    /// A sentence of story length, not a label: a heading written as one (`<h2>The mother of a woman
    /// who took … moments before her death.</h2>`) is story text, whatever section it heads.
    func isProse(_ id: NodeID) -> Bool {
        facts.chars[id] >= ContentRules.standfirstMinChars && facts.linkDensity(id) < 0.3 && facts.text(id).endsSentence
    }

    /// An element's text for the report, cut to 160 characters.
    func shortText(_ id: NodeID) -> String {
        let text = facts.text(id)
        return text.count > 160 ? String(text.prefix(160)) + "\u{2026}" : text
    }

    /// A figure or picture wrapper holding a story image keeps it even when its class says "caption" or "credit".
    func isStoryImage(_ id: NodeID) -> Bool {
        ["figure", "picture"].contains(document[id].name) && facts.images[id] > 0
    }

    func describe(_ id: NodeID) -> String {
        let node = document[id]
        var label = node.name
        if let value = document.attribute("id", of: id), !value.isEmpty { label += " id=\"\(value)\"" }
        if let value = document.attribute("class", of: id), !value.isEmpty { label += " class=\"\(value.prefix(60))\"" }
        return " <\(label)> (line \(node.line))"
    }
}
