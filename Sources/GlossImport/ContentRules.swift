import Foundation
import GlossHTML

/// Every rule that decides, on a page's DOM, what is article and what is page furniture: the
/// one place to read, test and extend them (the text rules for single lines are in
/// `BoilerplateRules`). Each rule has the name the import report shows.
enum ContentRules {
    // MARK: elements that are never article text

    /// Not text a reader reads as the story: code, embeds, forms, navigation chrome.
    static let nonContentTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "head", "title", "meta", "link",
        "input", "select", "option", "button", "textarea", "label", "video", "audio", "map",
        "noembed", "noframes", "applet", "frame", "frameset", "rt", "rp",  // ruby readings (furigana) are not the text
    ]
    /// Page regions that are not the story, left out with what they hold: navigation, dialogs, ARIA
    /// regions (`nonContentRoles`), and hidden elements. Unless a hidden or never-closed one holds
    /// more than `regionMaxShare` of the page's text (or, never closed, the page's `<main>` or
    /// `<article>`): then markup wraps the page in it by mistake (an unclosed `<header
    /// role="banner">`) or hides it until a script runs, and a reader sees it. A hidden carousel
    /// of `<article>` teasers stays out.
    static let regionTags: Set<String> = ["nav", "dialog"]
    static let regionMaxShare = 0.5
    /// ARIA roles of page regions that are not the story.
    static let nonContentRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar", "search", "toolbar",
        "button", "alert", "status", "marquee", "timer", "tooltip",
    ]
    /// Elements around the story inside the story's container: headline block, footer, sidebars.
    static let furnitureTags: [String: String] = ["header": "header", "footer": "footer", "aside": "aside"]

    /// Hidden from readers: `hidden`, `aria-hidden="true"`, `display:none`, `visibility:hidden`. A
    /// paywalled paragraph's `aria-hidden` (Future plc's) hides it from screen readers only: a
    /// browser shows it; its `hidden` lasts until the page's script has checked a subscription.
    static func isHidden(_ attributes: [HTMLDocument.Attribute], paywalled: Bool = false) -> Bool {
        for attribute in attributes {
            switch attribute.name {
            case "hidden": if !paywalled { return true }
            case "aria-hidden": if !paywalled, attribute.value.lowercased() == "true" { return true }
            case "style":
                // Lowercased, spaces removed, on bytes: style attributes are on many elements.
                let style = attribute.value.utf8.compactMap { $0 == 0x20 ? nil : ((0x41...0x5A).contains($0) ? $0 + 0x20 : $0) }
                if find(displayNone, in: style) != nil || find(visibilityHidden, in: style) != nil { return true }
            default: continue
            }
        }
        return false
    }
    static let displayNone = Array("display:none".utf8), visibilityHidden = Array("visibility:hidden".utf8)

    // MARK: class and id words

    /// Words in a class, id or itemprop that name page furniture, by rule. Matched as substrings of
    /// the lowercased attribute ("social-share-bar" → share); short, ambiguous words are in
    /// `furnitureTokens` and must be whole tokens ("ad" but not "head").
    static let furnitureWords: [(rule: String, words: [String])] = [
        ("share", ["share", "sharing", "social", "sociable", "addthis", "follow-us", "followus"]),
        ("related", ["related", "recirc", "more-stories", "morestories", "more-from", "read-more", "readmore", "read-next", "readnext",
                     "also-read", "alsoread", "recommend", "trending", "most-popular", "mostpopular", "most-read", "mostread", "popular-",
                     "outbrain", "taboola", "teaser", "similar", "slideshow", "carousel", "you-may-like", "up-next", "upnext", "further-reading", "more-on", "moreon", "next-article"]),
        ("subscribe", ["newsletter", "subscri", "signup", "sign-up", "paywall", "regwall", "membership", "donate", "piano-", "inline-cta",
                       "-cta", "cta-"]),
        ("comments", ["comment", "disqus", "livefyre", "live-fyre", "discussion", "replies", "respond", "conversation"]),
        ("byline", ["byline", "author", "contributor", "writer", "timestamp", "publish-date", "pubdate", "posted-on", "article-meta",
                    "entry-meta", "post-meta", "meta-data", "article-info", "story-meta", "postmetadata", "entry-utility", "post-info", "postinfo",
                    "submitted"]),
        ("advert", ["advert", "-ad-", "ad-slot", "adslot", "ad-container", "adcontainer", "ad-wrapper", "adwrapper", "dfp", "gpt-ad",
                    "sponsor", "promo", "commercial", "banner", "skyscraper", "leaderboard", "native-ad", "affiliate"]),
        ("navigation", ["breadcrumb", "navbar", "nav-", "-nav", "menu", "pagination", "pager", "skip-link", "skiplink", "masthead",
                        "site-header", "site-footer", "sidebar", "side-bar", "toolbar", "jump-link", "table-of-contents", "toc-"]),
        ("tags", ["tags", "tag-list", "taglist", "topics", "keywords", "categories", "filed-under"]),
        ("notice", ["cookie", "consent", "gdpr", "disclaimer", "disclosure", "copyright", "popup", "modal", "overlay", "lightbox", "print-only",
                    "visually-hidden", "sr-only", "screen-reader", "offscreen", "a11y", "correction-", "notice"]),
        ("caption", ["caption", "credit", "photo-info", "image-info", "media-meta", "wp-caption-text"]),
        ("footer", ["footer", "foot-", "bottom-bar", "end-of-article", "article-end", "post-footer", "article-footer"]),
        ("header", ["article-header", "story-header", "post-header", "entry-header", "headline", "article-title", "page-title", "entry-title",
                    "kicker", "eyebrow", "standfirst"]),
    ]
    /// Furniture that is never a paragraph of prose: a class naming one of these on a `<p>` of
    /// sentences is a coincidence of words.
    static let neverProseRules: Set<String> = ["tags", "share", "navigation"]
    static let furnitureTokens: [String: String] = [
        "ad": "advert", "ads": "advert", "adv": "advert", "nav": "navigation", "meta": "byline", "share": "share", "tools": "share",
        "aside": "related", "rail": "related",
        "date": "byline", "time": "byline", "header": "header", "footer": "footer",
        // The author's box in German, Spanish, Polish ("autor"), Italian ("autore").
        "autor": "byline", "autoren": "byline", "autorin": "byline", "autore": "byline", "autores": "byline",
        // The notice that the account is reading on another device (Le Monde and its group's sites).
        "capping": "subscribe",
    ]
    /// Words that mark the story itself; they weigh for a node when scoring, never against.
    static let storyWords = ["article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "prose",
                             "rich-text", "richtext", "paragraph"]
    /// A furniture-named element is still scored when its name also says it may hold the story.
    static let candidateWords = ["article", "body", "column", "content", "main", "shadow", "story"]
    /// Words that weigh against a node when scoring (readability's negative class list, as it is).
    static let weakWords = ["-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta",
                            "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
                            "tags", "widget"]

    /// Class names that say "this is the story's text" outright: no furniture word beside them counts.
    static let storyMarkers = ["hentry", "h-entry", "entry-content", "post-content", "article-content", "article-body", "articlebody",
                               "story-body", "post-body", "entry-body", "article__body", "article-text", "story-content", "body-text",
                               "post-entry", "article__content", "single-post"]

    /// The rule a class/id/itemprop/role names, if it names page furniture.
    /// - Parameter written: the names as the page wrote them, when their case says where the
    ///   words of a CamelCase name begin: a furniture word must keep to them (`APageRoot` holds no
    ///   "pager"; `mtnFooterSitemap` holds "footer", `NewsLetter` "newsletter").
    static func furnitureRule(classes: String, written: String? = nil, tokens: [String]) -> String? {
        let text = withoutLayouts(Array(classes.utf8))
        guard !text.isEmpty, !storyMarkerFinder.occursAny(in: text) else { return nil }
        for (index, token) in tokens.enumerated() {
            if let rule = furnitureTokens[token], index == 0 || !negations.contains(tokens[index - 1]) { return rule }  // not `above-footer`
        }
        let cased = written.map { Array($0.utf8) }
        // Found words come in list order, rule by rule, so the first that names furniture is the first rule's.
        let words = furnitureWordList
        return furnitureWordFinder.occurring(in: text).first { found in
            names(text, words[found].bytes) && cased.map { keepsToHumps(words[found].bytes, in: $0) } != false
        }.map { words[$0].rule }
    }

    /// Whether `pattern` (lowercase) occurs in `written` (as written) within one word that has no
    /// inner capital, or from the start of a CamelCase part to the end of one.
    static func keepsToHumps(_ pattern: [UInt8], in written: [UInt8]) -> Bool {
        func isUpper(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) }
        func isLower(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) }
        func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
        /// A part starts at `i`: `fooBar` at B, `APage` at P.
        func startsPart(_ i: Int) -> Bool {
            guard i > 0, i < written.count, isUpper(written[i]) else { return false }
            return isLower(written[i - 1]) || (isUpper(written[i - 1]) && i + 1 < written.count && isLower(written[i + 1]))
        }
        let lowered = written.map { isUpper($0) ? $0 + 0x20 : $0 }
        var from = 0
        while let start = find(pattern, in: lowered, from: from) {
            from = start + 1
            let end = start + pattern.count
            var wordStart = start, wordEnd = end
            while wordStart > 0, isLetter(written[wordStart - 1]) { wordStart -= 1 }
            while wordEnd < written.count, isLetter(written[wordEnd]) { wordEnd += 1 }
            let parts = (wordStart + 1..<wordEnd).filter(startsPart)
            if parts.isEmpty { return true }
            let alignedStart = start == wordStart || startsPart(start) || !isLetter(pattern[0])
            let alignedEnd = end == wordEnd || startsPart(end) || !isLetter(pattern[pattern.count - 1])
            if alignedStart && alignedEnd { return true }
        }
        return false
    }
    static let storyMarkerFinder = WordFinder(storyMarkers)
    static let furnitureWordList = furnitureWords.flatMap { rule in rule.words.map { (rule: rule.rule, bytes: Array($0.utf8)) } }
    static let furnitureWordFinder = WordFinder(furnitureWords.flatMap(\.words))

    /// `word` in a class list, unless it describes something else: "no_caption", "has-comments",
    /// "with-sidebar", "above-footer" say what the element lacks or sits beside, not what it is. (On UTF-8 bytes:
    /// this runs for every element of every page.)
    static func names(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || byte >= 0x80 }
        var from = 0
        while let start = find(pattern, in: text, from: from) {
            from = start + 1
            let after = text[(start + pattern.count)...].prefix { !(0x20 == $0) }
            if stateSuffixes.contains(where: { after.elementsEqual($0) }) { continue }  // "paywall-on": a state, not a thing
            if start > 0, isLetter(text[start - 1]) { return true }  // inside a longer word: "socialbar"
            var end = start
            while end > 0, text[end - 1] == 0x2D || text[end - 1] == 0x5F { end -= 1 }  // - _
            var begin = end
            while begin > 0, isLetter(text[begin - 1]) { begin -= 1 }
            if !negations.contains(String(decoding: text[begin..<end], as: UTF8.self)) { return true }
        }
        return false
    }
    /// Words before a furniture word that say what the element lacks or where it sits: `has-comments`,
    /// `above-footer` (The Points Guy's whole story sits in one), `below-header`.
    static let negations: Set<String> = ["no", "has", "with", "without", "above", "below", "beside"]
    static let stateSuffixes = ["-on", "_on", "-off", "_off", "-enabled", "-active", "-open", "-closed"].map { Array($0.utf8) }
    /// A layout named after a part it places: `sidebar-grid`, `sidebar-grid__content` hold the
    /// story beside a sidebar (POLITICO Europe), so such names are read without the layout's name
    /// (`sidebar-grid__sidebar` is still the sidebar).
    static let layoutSuffixes = ["-grid", "_grid", "-layout", "_layout"].map { Array($0.utf8) }

    /// `text` with every layout's name (`sidebar-grid`, from the start of its class name) taken out.
    static func withoutLayouts(_ text: [UInt8]) -> [UInt8] {
        func isNameByte(_ byte: UInt8) -> Bool { byte != 0x20 && byte != 0x09 && byte != 0x0A }
        func isAlphanumeric(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
        var out = text
        for suffix in layoutSuffixes {
            var from = 0
            while let start = find(suffix, in: out, from: from) {
                let end = start + suffix.count
                from = start + 1
                guard start > 0, isAlphanumeric(out[start - 1]), end == out.count || !isAlphanumeric(out[end]) else { continue }
                var begin = start
                while begin > 0, isNameByte(out[begin - 1]) { begin -= 1 }
                out.removeSubrange(begin..<end)
                from = begin
            }
        }
        return out
    }

    /// First index of `pattern` in `text` at or after `from`.
    static func find(_ pattern: [UInt8], in text: [UInt8], from: Int = 0) -> Int? {
        guard let first = pattern.first, text.count >= pattern.count else { return nil }
        var start = from
        while start <= text.count - pattern.count {
            if text[start] == first {
                var offset = 1
                while offset < pattern.count, text[start + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return start }
            }
            start += 1
        }
        return nil
    }

    /// A paragraph or heading classed just `paywall` (or `paywalled`) is the story's own text that a paywall may
    /// hide (Condé Nast, Future plc mark every paragraph so), not a notice about it; `paywall-prompt`,
    /// `c-paywall__text` and a container classed `paywall` keep the subscribe rule, unless the
    /// container holds a story's worth of text (`paywalledStoryMinChars`).
    static let paywalledTextTags: Set<String> = ["p", "h2", "h3", "h4", "h5", "h6", "blockquote"]
    static func classedPaywall(_ classes: String) -> Bool { classes.split(separator: " ").contains { paywallClasses.contains(String($0)) } }
    /// Class names that say an element is paywalled content (`paywalled`: Jyllands-Posten; `post-paywall`,
    /// the story after the point where the paywall cuts it: Les Echos), not a notice about it.
    static let paywallClasses: Set<String> = ["paywall", "paywalled", "post-paywall"]
    /// A container classed just `paywall` with this much text in paragraphs of a story's length
    /// (`storyParagraphMinChars`), and mostly in them, is the rest of the story, in the page but
    /// hidden until a script has checked the reader's subscription (ABC hides all but the first
    /// paragraph so, and the end of that paragraph in a `<span>`). A notice about the paywall is a
    /// line or two; a subscription offer is headings, prices and lists of benefits (Badische Zeitung).
    static let paywalledStoryMinChars = 400
    static let paywalledStoryMinShare = 0.6
    static let storyParagraphMinChars = 100

    /// Readability's class weight: +25 for a story word in the class, and again in the id; −25 for a weak word.
    static func classWeight(className: String, id: String) -> Double {
        var weight = 0.0
        for value in [className, id] where !value.isEmpty {
            let text = withoutLayouts(Array(value.utf8))
            if weakWordFinder.occursAny(in: text) { weight -= 25 }
            if storyWordFinder.occursAny(in: text) { weight += 25 }
        }
        return weight
    }
    static let weakWordFinder = WordFinder(weakWords)
    static let storyWordFinder = WordFinder(storyWords)

    /// Readability's starting score of a candidate container, by tag.
    static func tagWeight(_ name: String) -> Double {
        switch name {
        case "div": return 5
        case "pre", "td", "blockquote": return 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": return -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": return -5
        default: return 0
        }
    }

    // MARK: choosing the story's container

    /// Elements whose text is scored as a paragraph (plus any element with text of its own).
    static let scoredTags: Set<String> = ["p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6"]
    /// A paragraph shorter than this (characters, spaces excluded) does not vote for a container.
    static let minParagraphChars = 25
    /// How many ancestors a paragraph votes for, and how much each gets (parent 1, grandparent ½, then 1/(3·level)).
    static let votingAncestors = 5
    /// A sibling of the best container joins the story when its score reaches this share of the best one (at least 10).
    static let siblingShare = 0.2
    /// A story in parts: another container scoring at least this share of the best one, whose common
    /// ancestor with it is at most this many levels up, joins it.
    static let splitStoryShare = 0.3
    static let splitStoryLevels = 3
    /// A page's own article element (`itemprop="articleBody"`, JSON-LD `articleBody`) is trusted when it holds
    /// at least this many characters and this share of the best-scored container's text.
    static let signalMinChars = 200
    static let signalMinShare = 0.5
    /// A JSON-LD `articleBody` is matched to the element whose text agrees with it best, if the agreement (F1 of 3-word shingles) reaches this.
    static let jsonBodyMinAgreement = 0.6
    /// A JSON-LD `articleBody` of at least this many words is the story when the HTML gives less
    /// than this share of it (a page that renders its story with a script).
    static let linkedDataStoryMinWords = 150
    static let linkedDataStoryMaxShare = 0.5
    /// The JSON-LD `articleBody` vouches for the story's paragraphs when it holds at least this
    /// share of them; then a paragraph of at least this many words between them that it lacks
    /// entirely is not the story's (`ArticleExtractor.withoutWhatTheBodyLacks`).
    static let bodyHeldMinShare = 0.8
    /// A paragraph the body holds: at least this share of its 3-word shingles are the body's.
    static let bodyHoldsBlockShare = 0.5
    static let bodyLacksMinWords = 4

    // MARK: cleaning inside the story's container

    /// A byline or date element under the headline at most this long may date the page (`HTMLPageReader.headlineDate`).
    static let datelineMaxChars = 120
    /// A paragraph in the story's `<header>` at least this long, a sentence, is its standfirst and is kept.
    static let standfirstMinChars = 80
    /// An element just before the story whose text agrees this well (F1 of 3-word shingles) with the
    /// page's description, at least this long, is the story's lead and is kept.
    static let leadMinChars = 40
    static let leadMinAgreement = 0.8
    /// It is looked for among this many blocks with content before the story's first element, and
    /// before each of this many of its ancestors in turn (`ArticleExtractor.lead`).
    static let leadBlocks = 3
    static let leadLevels = 3
    /// Or among this many blocks with text after the page's `<h1>`, when that comes before the story.
    static let standfirstBlocks = 2
    /// A block after an image is its caption when it holds the image's alt text (this long at
    /// least) and at most this many characters more (`ArticleExtractor.repeatsImageText`).
    static let captionMinChars = 20
    static let captionMaxExtraChars = 30
    /// A short result is taken for what it says rather than its length when it holds at least
    /// this share of the page description's word triples (`ArticleExtractor.shortStory`).
    static let shortStoryMinSummaryShare = 0.5
    /// A furniture-named element is kept when it holds more than this share of the story's text (a mislabelled wrapper).
    static let furnitureMaxShare = 0.5
    static let headingTags: Set<String> = ["h2", "h3", "h4", "h5", "h6"]

    /// A heading over the writer's box ("Die Autorin", "About the author"), colon or not.
    static func isAuthorBoxHeading(_ text: String) -> Bool {
        let label = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        return authorBoxHeadings.contains(label.hasSuffix(":") ? String(label.dropLast()).trimmingCharacters(in: .whitespaces) : label)
    }
    static let authorBoxHeadings: Set<String> = [
        "about the author", "about the authors", "about the writer", "der autor", "die autorin", "die autoren", "zum autor", "zur autorin",
        "über den autor", "über die autorin", "l'auteur", "l\u{2019}auteur", "à propos de l'auteur", "à propos de l\u{2019}auteur",
        "el autor", "la autora", "sobre el autor", "sobre la autora", "l'autore", "l\u{2019}autore", "o autorze", "o autorce",
    ]
    /// Most a writer's box holds under its heading: a few lines of biography, not a section of the story.
    static let authorBoxMaxChars = 600
    /// Furniture that comes with a heading of its own ("Related", "Share this", "Newsletter"): the heading goes too.
    static let sectionRules: Set<String> = ["related", "link-list", "share", "subscribe", "comments", "navigation", "advert", "tags", "form",
                                            "notice", "footer", "aside"]
    /// The page's single <article> replaces the best-scored container inside it when it holds this much more prose.
    static let articleMoreProse = 1.15
    /// An <article> with this much prose is a whole story: a container holding two of them holds a
    /// next story loaded below the first, not one story (`ArticleExtractor.wholeStory`).
    static let wholeStoryMinProse = 1000
    /// A teaser card for another story (`ArticleExtractor.isTeaserCard`) holds at most this much
    /// text, its headline a link of at least this much.
    static let teaserCardMaxChars = 500
    static let teaserTitleMinChars = 20
    /// A list with at least this share of its text in links is further reading, whatever its commas.
    static let linkedListMinDensity = 0.9
    /// A block holding more than this share of the story's prose paragraphs is never dropped by the conditional cleaning.
    static let conditionalMaxProseShare = 0.3
    /// Readability's conditional cleaning of blocks inside the story: the first that applies drops the block.
    static func conditionalDrop(_ facts: BlockFacts) -> String? {
        // Commas say prose, but not in a list that is all links: a row of headlines in Japanese
        // (`仲介国、ハマスの回答待つ`) has them in its link text.
        guard facts.commas < 10 || (facts.isList && facts.linkDensity > linkedListMinDensity) else { return nil }
        let paragraphs = Double(facts.paragraphs), images = Double(facts.images)
        if facts.weight + facts.score < 0 { return "weak-block" }
        if images > 1, paragraphs / images < 0.5, !facts.inFigure, facts.chars < 100 * facts.images { return "image-gallery" }
        if !facts.isList, facts.listItems - 100 > facts.paragraphs { return "link-list" }
        if facts.inputs > facts.paragraphs / 3 { return "form" }
        if !facts.isList, facts.headingDensity < 0.9, facts.chars < 25, facts.images == 0 || facts.images > 2, !facts.inFigure { return "short-block" }
        if !facts.isList, facts.weight < 25, facts.linkDensity > 0.2 { return "link-list" }
        if facts.weight >= 25, facts.linkDensity > 0.5 { return "link-list" }
        if (facts.embeds == 1 && facts.chars < 75) || facts.embeds > 1 { return "embed" }
        if facts.isList, facts.linkDensity > 0.5, facts.listItems > 1 { return "link-list" }
        return nil
    }
    /// A block that is one sentence of prose around an inline link (`It also <a>co-ordinates military
    /// plans</a>.`, as BBC News wraps each paragraph) is story text however much of it is the link:
    /// it has at least this many characters outside the link and ends a sentence.
    static let linkedSentenceMinOwnChars = 10
    /// Links after the story under a label of at most this many characters, the links this share of
    /// the block at least, are further reading (`ArticleExtractor.isLabelledLinks`).
    static let linkLabelMaxChars = 40
    static let labelledLinksMinShare = 0.6
    /// A paragraph all link and all capitals at least this long is a teaser (`ArticleExtractor.isShoutedLink`).
    static let shoutedLinkMinChars = 12
    /// Elements the conditional cleaning judges.
    static let conditionallyCleaned: Set<String> = ["div", "section", "ul", "table", "form", "fieldset"]

    // MARK: images

    /// Words (whole, in an image's URL, class or id) of pictures that are not the story's: trackers, icons, logos, avatars, spacers.
    static let nonStoryImageWords: Set<String> = ["pixel", "spacer", "blank", "transparent", "1x1", "icon", "icons", "logo", "logos", "avatar",
                                                  "avatars", "sprite", "badge", "emoji", "tracking", "tracker", "beacon", "placeholder", "feedburner",
                                                  "doubleclick", "gravatar", "headshot", "favicon"]
    /// An image at most this many pixels wide or high is decoration.
    static let minImageSide = 50
}

/// What the conditional cleaning knows about a block.
struct BlockFacts {
    var chars: Int
    var commas: Int
    var paragraphs: Int
    var images: Int
    var listItems: Int
    var inputs: Int
    var embeds: Int
    var linkDensity: Double
    var headingDensity: Double
    var weight: Double
    var score: Double
    var isList: Bool
    var inFigure: Bool
}
