import GlossHTML

// The rules that judge one block inside the story's elements (ArticleExtractor.clean): furniture
// by class, tag or shape, captions, boxed stories, the standfirst, and further reading after the
// story's last sentence.

extension ArticleExtractor {
    /// Blocks that are nothing but links after the story's last sentence (`<h3>Mehr lesen:</h3>
    /// <p><a>…</a></p><p><a>…</a></p>`, a row of category links, or links under a label of their
    /// own, `<p><b>Related</b><br><a>…</a><br><a>…</a></p>`): further reading, not the story.
    /// A link alone between paragraphs stays (the story may point to a document there). Then any
    /// heading left at the story's end, which heads nothing.
    func dropTrailingLinksAndHeadings(in members: [NodeID], total: Int, _ dropped: inout [Bool], _ report: inout [DroppedLine], furnitureDrops: inout Set<NodeID>) {
        var leaves: [NodeID] = []
        var stack = members.reversed().map { $0 }
        while let id = stack.popLast() {
            guard !dropped[id], document[id].kind == .element, facts.chars[id] > 0 || facts.images[id] > 0 else { continue }
            let blocks = document[id].children.filter { child in
                document[child].kind == .element && HTMLToMarkdown.blockElements.contains(document[child].name) && !dropped[child]
                    && (facts.chars[child] > 0 || facts.images[child] > 0)
            }
            if blocks.isEmpty || ContentRules.headingTags.contains(document[id].name) {
                leaves.append(id)
            } else {
                stack.append(contentsOf: blocks.reversed())
            }
        }
        var trailing: [NodeID] = []
        for id in leaves.reversed() {
            // Headings, and lines the text rules drop at a page's end (`Follow us: @site`), come between.
            if ContentRules.headingTags.contains(document[id].name)
                || (facts.images[id] == 0 && BoilerplateRules.firstMatch(LineShape(facts.text(id)), in: .tail, byShape: false) != nil) { continue }
            guard facts.images[id] == 0, facts.linkChars[id] == facts.chars[id] || isLabelledLinks(id) else { break }
            trailing.append(id)
        }
        if !trailing.isEmpty, Double(trailing.reduce(0) { $0 + facts.chars[$1] }) <= ContentRules.furnitureMaxShare * Double(total) {
            for id in trailing.reversed() {
                dropped[id] = true
                furnitureDrops.insert(id)
                report.append(DroppedLine(line: document[id].line, rule: "related", outcome: "dropped", text: shortText(id)))
            }
        }
        dropAuthorBox(leaves, &dropped, &report)
        // A heading that ends the story heads nothing: what it headed went ("Recommended reading"
        // over a row of teasers the cleaning took), or never was. A sentence set as a heading
        // ("Deadpool 2 opens in theatres on May 18.") is the story's last line.
        for id in leaves.reversed() where !dropped[id] {
            guard ContentRules.headingTags.contains(document[id].name), !isProse(id), !facts.text(id).endsSentence,
                  !keepsContent(after: id, in: members, dropped) else { break }
            dropped[id] = true
            report.append(DroppedLine(line: document[id].line, rule: "orphan-heading", outcome: "dropped", text: facts.text(id)))
        }
    }

    /// The writer's box at the story's end (`<h2>Die Autorin</h2><p>Anne-Marie Slaughter (*1958)
    /// war …</p>`): its heading names it, and the few lines under it are about the writer, not the story.
    private func dropAuthorBox(_ leaves: [NodeID], _ dropped: inout [Bool], _ report: inout [DroppedLine]) {
        let kept = leaves.filter { !dropped[$0] }
        guard let heading = kept.lastIndex(where: { ContentRules.headingTags.contains(document[$0].name) }),
              heading + 1 < kept.count, ContentRules.isAuthorBoxHeading(facts.text(kept[heading])) else { return }
        let box = kept[heading...]
        guard box.dropFirst().reduce(0, { $0 + facts.chars[$1] }) <= ContentRules.authorBoxMaxChars else { return }
        for id in box {
            dropped[id] = true
            report.append(DroppedLine(line: document[id].line, rule: "byline", outcome: "dropped", text: shortText(id)))
        }
    }

    /// Links under a short label in one block (`Related stories: <a>…</a> <a>…</a>`), mostly link
    /// and no sentence: a story's closing sentence around a link ends with its stop.
    func isLabelledLinks(_ id: NodeID) -> Bool {
        let label = facts.chars[id] - facts.linkChars[id]
        return label <= ContentRules.linkLabelMaxChars && Double(facts.linkChars[id]) >= ContentRules.labelledLinksMinShare * Double(facts.chars[id])
            && !facts.text(id).endsSentence
    }

    /// A heading whose section was all dropped ("Related posts" over a list of links, "Share this
    /// article" over the buttons, or over a wrapper of them) goes with it, in any language.
    func dropOrphanHeadings(under member: NodeID, _ dropped: inout [Bool], _ report: inout [DroppedLine], furnitureDrops: Set<NodeID>) {
        var stack = [member]
        while let id = stack.popLast() {
            guard !dropped[id] else { continue }
            let children = document[id].children.filter { document[$0].kind == .element || facts.chars[$0] > 0 }
            for (index, child) in children.enumerated() where ContentRules.headingTags.contains(document[child].name) && !dropped[child] {
                let section = children[(index + 1)...].prefix { !ContentRules.headingTags.contains(document[$0].name) }
                let droppedText = section.contains { block in
                    ([block] + document.descendants(of: block)).contains { dropped[$0] && facts.chars[$0] > 0 && furnitureDrops.contains($0) }
                }
                guard !section.contains(where: { keepsContent($0, dropped) }), droppedText, facts.chars[child] > 0, !isProse(child) else { continue }
                dropped[child] = true
                report.append(DroppedLine(line: document[child].line, rule: "orphan-heading", outcome: "dropped", text: facts.text(child)))
            }
            stack.append(contentsOf: children.reversed())
        }
    }

    /// Whether the story keeps anything after `id`: loose text (`<h2>Fazit</h2><br>Das Warten…`)
    /// is no block of its own, so it is looked for among the siblings of `id` and its ancestors.
    func keepsContent(after id: NodeID, in members: [NodeID], _ dropped: [Bool]) -> Bool {
        var current = id
        while !members.contains(current), let parent = document[current].parent {
            let siblings = document[parent].children
            if let index = siblings.firstIndex(of: current), siblings[(index + 1)...].contains(where: { keepsContent($0, dropped) }) { return true }
            current = parent
        }
        return false
    }

    /// Whether anything a reader would see is left under `id`: text of its own, an image, or a
    /// child that keeps some.
    func keepsContent(_ id: NodeID, _ dropped: [Bool]) -> Bool {
        guard !dropped[id], facts.chars[id] > 0 || facts.images[id] > 0 else { return false }
        guard document[id].kind == .element, facts.ownChars[id] == 0, !document.isElement(id, "img") else { return true }
        return document[id].children.contains { keepsContent($0, dropped) }
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
        // A block named as a teaser that says what the page's description says is the story's own
        // standfirst (`<div class="teaser-text" itemprop="description">`), not another story's.
        if classRule == "related", saysTheDescription(id) { classRule = nil }
        if let rule = ContentRules.furnitureTags[node.name] ?? classRule, share <= ContentRules.furnitureMaxShare, !isStoryImage(id) {
            return rule
        }
        if node.name == "p", isShoutedLink(id) { return "related" }
        if repeatsImageText(id) { return "caption" }
        if ["div", "aside", "section"].contains(node.name), share <= ContentRules.furnitureMaxShare, isEmbeddedStory(id) || isTeaserCard(id) {
            return "related"
        }
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

    /// One paragraph that is a sentence around an inline link (see `ContentRules.linkedSentenceMinOwnChars`),
    /// or a sentence alone; not one beside form fields (a poll's question).
    func isLinkedSentence(_ id: NodeID) -> Bool {
        facts.paragraphs[id] == 1 && facts.listItems[id] == 0 && facts.images[id] == 0 && facts.inputs[id] == 0
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

    /// A card for another story set between the story's paragraphs: a linked headline of its own
    /// and one paragraph, its lead, cut short ("… wysoko wzbogacon..."), as Rzeczpospolita sets them.
    func isTeaserCard(_ id: NodeID) -> Bool {
        guard facts.chars[id] <= ContentRules.teaserCardMaxChars else { return false }
        let paragraphs = document.elements("p", under: id).filter { facts.chars[$0] > 0 }
        guard paragraphs.count == 1, let lead = paragraphs.first, facts.linkChars[lead] == 0 else { return false }
        let text = facts.text(lead)
        guard text.hasSuffix("...") || text.hasSuffix("\u{2026}") else { return false }
        return document.elements("a", under: id).contains { facts.chars[$0] >= ContentRules.teaserTitleMinChars }  // outside the lead, which has no link
    }

    /// A paragraph of prose in the story's header, or a heading under the headline written as one
    /// (`<hgroup><h1>…</h1><h2>Risiken … bergen nicht nur …</h2>`): the standfirst, which opens
    /// the story. One without a final stop (the Evening Standard's) or in a `<div>` (Die Zeit's
    /// `summary`) is the standfirst when it is what the page's description says.
    func isStandfirst(_ id: NodeID) -> Bool {
        let paragraph = document.isElement(id, "p")
        let subheading = ContentRules.headingTags.contains(document[id].name)
        guard paragraph || subheading || document.isElement(id, "div") else { return false }
        // A subheading's class may name the header it sits in (`article-subheadline`).
        guard facts.furniture[id] == nil || (subheading && facts.furniture[id] == "header") else { return false }
        if paragraph || subheading, isProse(id) { return true }
        return facts.chars[id] >= ContentRules.standfirstMinChars && saysTheDescription(id)
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
}
