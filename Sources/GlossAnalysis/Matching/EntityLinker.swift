import GlossContent
import GlossMarkdown

/// Finds entity mentions in a document's text and turns them into link nodes, editing the
/// cmark tree: only text outside code, links, images, headings and Gloss's own nodes is linked.
struct EntityLinker {
    let registry: EntityRegistry
    let policy: SiteConfig.EntityLinking
    /// Read as news, where people are introduced before their surname stands alone (`MentionFilter.introductions`).
    var introductions = false

    struct Result {
        var mentions: [EntityMention] = []
        /// Per text block: the entity matches inside prose (ambiguous aliases left out).
        var blockMatches: [[EntityMatch]] = []
        var ambiguous: [(alias: String, block: Int)] = []
        /// Aliases found inside a longer name (`Smith` in `Jane Smith`): not mentions, reported.
        var nearMisses: [(alias: String, name: String, entity: Int, block: Int)] = []
        /// Surnames of people the article never introduces: not mentions, reported.
        var unintroduced: [(alias: String, entity: Int, block: Int)] = []
        /// The names and aliases that matched, as written: `gloss check` reports the unused ones.
        var surfaces: Set<String> = []
    }

    func link(_ document: MarkdownDocument, blocks: [TextBlock], nodes: BodyNodes) -> Result {
        var result = Result()
        var counts: [Int: Int] = [:]
        var snippets: [Int: String] = [:]
        var linked: Set<Int> = []
        var filter = MentionFilter(registry: registry, introductions: introductions)
        let texts = blocks.map { Array($0.text.utf8) }
        let blockMatches = zip(blocks, texts).map { block, utf8 in
            utf8.withUnsafeBufferPointer { registry.matcher.matches(inUTF8: $0) }.filter { block.isProse($0.range) }
        }
        if introductions {
            for (matches, utf8) in zip(blockMatches, texts) { filter.survey(matches, in: utf8) }
        }
        for (block, (utf8, matches)) in zip(blocks, zip(texts, blockMatches)) {
            let verdict = filter.judge(matches, in: utf8, headline: block.kind == .heading)
            for match in verdict.ambiguous {
                result.ambiguous.append((String(decoding: utf8[match.range], as: UTF8.self), block.index))
            }
            for match in verdict.unintroduced {
                result.unintroduced.append((String(decoding: utf8[match.range], as: UTF8.self), match.entity, block.index))
            }
            for miss in verdict.nearMisses {
                result.nearMisses.append((String(decoding: utf8[miss.match.range], as: UTF8.self),
                                          String(decoding: utf8[miss.name], as: UTF8.self), miss.match.entity, block.index))
            }
            var kept: [EntityMatch] = []
            for match in verdict.mentions {
                kept.append(match)
                result.surfaces.insert(String(decoding: utf8[match.range], as: UTF8.self))
                counts[match.entity, default: 0] += 1
                if snippets[match.entity] == nil { snippets[match.entity] = Snippet.around(match.range, in: utf8) }
            }
            result.blockMatches.append(kept)
            // Wrap right to left so earlier offsets stay valid whatever the edits do.
            let toLink = kept.filter { match in
                guard block.isLinkable(match.range) else { return false }
                if policy == .all { return true }
                return linked.insert(match.entity).inserted
            }
            for match in toLink.reversed() {
                document.wrap(match.range, inBlock: block.index, with: nodes.placeholder(.entityLink(EntityID(match.entity))))
            }
        }
        result.mentions = counts.keys.sorted().map { EntityMention(entity: EntityID($0), count: counts[$0]!, snippet: snippets[$0]!) }
        return result
    }
}

/// Short plain-text context around a passage, for entity pages and messages.
enum Snippet {
    static func around(_ range: Range<Int>, in utf8: [UInt8], words: Int = 8) -> String {
        var start = range.lowerBound
        var seen = 0
        while start > 0 {
            if utf8[start - 1] == 0x20 { seen += 1; if seen > words { break } }
            start -= 1
        }
        var end = range.upperBound
        seen = 0
        while end < utf8.count {
            if utf8[end] == 0x20 { seen += 1; if seen > words { break } }
            end += 1
        }
        let text = String(decoding: utf8[start..<end], as: UTF8.self)
        return (start > 0 ? "…" : "") + text + (end < utf8.count ? "…" : "")
    }
}
