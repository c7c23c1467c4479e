import GlossContent
import GlossMarkdown

/// Anchors an article's notes to their passages, marks the passages in the cmark tree and
/// places each note beside its passage. Unanchored notes become errors, or orphans when the
/// build allows them, never silently dropped.
struct NoteAnchorer {
    let allowOrphans: Bool
    /// Analyses a note body (Markdown), with entities linked.
    let analyseBody: (Annotation) -> (body: AnalysedBody, entities: [EntityID])

    struct Result {
        var notes: [AnchoredNote] = []
        var orphans: [OrphanNote] = []
        var diagnostics: [Diagnostic] = []
    }

    func anchor(_ annotations: [Annotation], in document: MarkdownDocument, blocks: [TextBlock], nodes: BodyNodes) -> Result {
        var result = Result()
        guard !annotations.isEmpty else { return result }
        let texts = blocks.map(\.text)
        let article = PassageArticle(texts)
        var placed: [(annotation: Annotation, anchor: TextAnchor)] = []
        for annotation in annotations {
            let selector = TextQuoteSelector(exact: annotation.quote, prefix: annotation.prefix,
                                             suffix: annotation.suffix, occurrence: annotation.occurrence)
            let here = { (severity: Diagnostic.Severity, message: String) in
                Diagnostic(file: annotation.path, line: annotation.quoteLine, column: 1, severity: severity, message: message)
            }
            switch PassageAnchor.anchor(selector, in: article) {
            case .exact(let anchor):
                placed.append((annotation, anchor))
            case .approximate(let anchor, let distance, let found):
                placed.append((annotation, anchor))
                result.diagnostics.append(here(.warning,
                    "quote not found exactly; anchored to a passage \(distance) edit\(distance == 1 ? "" : "s") away (the article changed after the note was written?)\n  quote: \(annotation.quote)\n  found: \(found)"))
            case .ambiguous(let anchors):
                let list = anchors.enumerated().map { "  \($0.offset + 1). \(PassageAnchor.context(of: $0.element, in: texts))" }
                result.diagnostics.append(here(.error,
                    "quote occurs \(anchors.count) times; add `prefix:`/`suffix:` (the words just before/after) or `occurrence: N` to choose one:\n" + list.joined(separator: "\n")))
            case .orphan(let closest):
                let hint = closest.map { "; did you mean \"\(substring(texts[$0.block], $0.range))\"?" } ?? ""
                result.diagnostics.append(here(allowOrphans ? .warning : .error,
                    "quote not found in article `\(annotation.article)`\(hint)\(allowOrphans ? " (listed on the Unanchored notes page)" : " (build with --allow-orphans to publish it as unanchored)")"))
                let body = analyseBody(annotation)
                result.orphans.append(OrphanNote(annotation: annotation, closest: closest.map { substring(texts[$0.block], $0.range) },
                                                 body: body.body, mentionedEntities: body.entities))
            }
        }
        // Number in reading order; ties (same start) by id, so output is stable.
        placed.sort { ($0.anchor.block, $0.anchor.range.lowerBound, $0.annotation.id) < ($1.anchor.block, $1.anchor.range.lowerBound, $1.annotation.id) }
        let positions = PlainTextPositions(texts)
        result.notes.reserveCapacity(placed.count)  // kept for the whole build: no room to grow
        for (offset, item) in placed.enumerated() {
            document.wrap(item.anchor.range, inBlock: item.anchor.block, with: nodes.placeholder(.noteMark(note: offset)))
            document.insertInline(nodes.placeholder(.noteReference(note: offset)), at: item.anchor.range.upperBound, inBlock: item.anchor.block)
            let body = analyseBody(item.annotation)
            let text = texts[item.anchor.block]
            result.notes.append(AnchoredNote(
                annotation: item.annotation, number: offset + 1, passage: substring(text, item.anchor.range),
                body: body.body, mentionedEntities: body.entities,
                start: positions.scalarOffset(block: item.anchor.block, utf8: item.anchor.range.lowerBound),
                end: positions.scalarOffset(block: item.anchor.block, utf8: item.anchor.range.upperBound),
                prefix: String(substring(text, 0..<item.anchor.range.lowerBound).unicodeScalars.suffix(32)),
                suffix: String(substring(text, item.anchor.range.upperBound..<text.utf8.count).unicodeScalars.prefix(32))))
        }
        // Asides go after their block; insert the last first so each lands right after the block in order.
        for note in result.notes.indices.reversed() {
            document.insertBlock(nodes.placeholder(.sidenote(note: note)), afterBlock: placed[note].anchor.block)
        }
        return result
    }

    func substring(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = Array(text.utf8)
        let clamped = min(range.lowerBound, utf8.count)..<min(range.upperBound, utf8.count)
        return String(decoding: utf8[clamped], as: UTF8.self)
    }
}

/// Maps (block, UTF-8 offset) to a Unicode-scalar offset in the blocks joined by "\n\n",
/// the text a W3C TextPositionSelector counts in.
struct PlainTextPositions {
    let blockStarts: [Int]
    let texts: [String]

    init(_ texts: [String]) {
        self.texts = texts
        var starts: [Int] = []
        var position = 0
        for text in texts {
            starts.append(position)
            position += text.unicodeScalars.count + 2
        }
        blockStarts = starts
    }

    func scalarOffset(block: Int, utf8 offset: Int) -> Int {
        let utf8 = Array(texts[block].utf8)
        let prefix = utf8[0..<min(offset, utf8.count)]
        return blockStarts[block] + prefix.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
