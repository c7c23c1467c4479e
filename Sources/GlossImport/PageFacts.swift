import GlossHTML

/// Measurements of every node of a page, computed once (top-down for what is hidden, bottom-up
/// for the sums), so scoring and cleaning ask in constant time: how much text below, how much
/// of it in links, how many commas, paragraphs, images, list items, form fields, embeds.
struct PageFacts {
    typealias NodeID = HTMLDocument.NodeID
    let document: HTMLDocument
    /// Never article text: a non-content tag, hidden, a comment, or below one of those.
    private(set) var excluded: [Bool]
    /// Length of the visible text below, as a reader sees it (runs of spaces count one).
    private(set) var chars: [Int]
    private(set) var linkChars: [Int]
    private(set) var commas: [Int]
    private(set) var headingChars: [Int]
    /// Text in prose paragraphs below: `<p>` (or a block's own text) of at least `proseMinChars`, mostly not links.
    private(set) var proseChars: [Int]
    static let proseMinChars = 60
    /// Text inside `<ul>`/`<ol>`: a block that is nearly all list is judged as a list.
    private(set) var listChars: [Int]
    /// Text directly in the element, outside its block children (readability wraps it as a paragraph).
    private(set) var ownChars: [Int]
    private(set) var ownCommas: [Int]
    private(set) var paragraphs: [Int]
    private(set) var images: [Int]
    private(set) var listItems: [Int]
    private(set) var inputs: [Int]
    private(set) var embeds: [Int]
    /// Lowercased `class` and `id` (and `itemprop`, `role`), and the words in them.
    private(set) var classes: [String]
    private(set) var tokens: [[String]]
    /// The furniture rule the element's names call for (`ContentRules.furnitureRule`), once per page.
    private(set) var furniture: [String?]
    /// Readability's class weight of the element (`ContentRules.classWeight`).
    private(set) var classWeight: [Double]

    init(_ document: HTMLDocument) {
        self.document = document
        let count = document.nodes.count
        excluded = [Bool](repeating: false, count: count)
        chars = [Int](repeating: 0, count: count)
        linkChars = chars; commas = chars; headingChars = chars; listChars = chars; proseChars = chars; ownChars = chars; ownCommas = chars
        paragraphs = chars; images = chars; listItems = chars; inputs = chars; embeds = chars
        classes = [String](repeating: "", count: count)
        tokens = [[String]](repeating: [], count: count)
        furniture = [String?](repeating: nil, count: count)
        classWeight = [Double](repeating: 0, count: count)
        // What is never text (code, embeds, form controls): top-down, since ids are in document order
        // and a parent is always seen before its children; then how much text each node holds.
        var never = [Bool](repeating: false, count: count)
        for id in 0..<count {
            if let parent = document[id].parent, never[parent] { never[id] = true; continue }
            switch document[id].kind {
            case .comment: never[id] = true
            case .element:
                let name = document[id].name
                never[id] = ContentRules.nonContentTags.contains(name) && !document.isReadNoscript(id)
            default: continue
            }
        }
        var rawChars = [Int](repeating: 0, count: count)
        // Text in paragraphs long enough to be a story's (what a paywall hides), before anything is left out.
        var rawStoryChars = [Int](repeating: 0, count: count)
        var measured = [(Int, Int)](repeating: (0, 0), count: count)  // (characters, commas) of each text node, read once
        for id in stride(from: count - 1, through: 0, by: -1) where !never[id] {
            if document[id].kind == .text {
                measured[id] = Self.measure(document[id].text)
                rawChars[id] = measured[id].0
            } else if rawChars[id] >= ContentRules.storyParagraphMinChars, document.isElement(id, "p") {
                rawStoryChars[id] = rawChars[id]
            }
            if let parent = document[id].parent {
                rawChars[parent] += rawChars[id]
                rawStoryChars[parent] += rawStoryChars[id]
            }
        }
        /// Holds a story's worth of paragraphs, and is mostly them (not a subscription offer's list of benefits).
        func holdsStoryText(_ id: HTMLDocument.NodeID) -> Bool {
            rawStoryChars[id] >= ContentRules.paywalledStoryMinChars && Double(rawStoryChars[id]) >= ContentRules.paywalledStoryMinShare * Double(rawChars[id])
        }
        let pageChars = Double(rawChars[document.body ?? document.root])
        /// Whether the subtree at `id` holds a `<main>` or `<article>` (by tag or ARIA role) that is text.
        func holdsStory(_ id: HTMLDocument.NodeID) -> Bool {
            document.descendants(of: id).contains { node in
                document[node].kind == .element && !never[node] && (["main", "article"].contains(document[node].name)
                    || ["main", "article"].contains(document.attribute("role", of: node)?.lowercased() ?? ""))
            }
        }
        // Names, and the page regions left out. Pages repeat their class lists (every share button,
        // every teaser), so each distinct one is judged once, keyed by the names as written.
        var judged: [String: Naming] = [:]
        for id in 0..<count {
            if never[id] { excluded[id] = true; continue }
            if let parent = document[id].parent, excluded[parent] { excluded[id] = true; continue }
            guard document[id].kind == .element else { continue }
            var key = ""
            for attribute in document[id].attributes where Naming.attributes.contains(attribute.name) {
                // The value's length first, so no value can pass for another attribute's.
                key += attribute.name; key += String(attribute.value.utf8.count); key += "="; key += attribute.value
            }
            var naming = Naming.none
            if !key.isEmpty {
                // Only some tags can be paywalled text, so only theirs is part of the judgement.
                if ContentRules.paywalledTextTags.contains(document[id].name) { key += document[id].name }
                if let known = judged[key] {
                    naming = known
                } else {
                    naming = Naming(tag: document[id].name, attributes: document[id].attributes)
                    judged[key] = naming
                }
                // The story's text hidden behind a paywall, in a container or in the end of a paragraph.
                if !naming.paywalled, naming.classedPaywall,
                   holdsStoryText(id) || (isPhrase(id) && insideParagraph(id)) {
                    naming = Naming(tag: document[id].name, attributes: document[id].attributes, storyText: true)
                }
                (classes[id], tokens[id], furniture[id], classWeight[id]) = (naming.label, naming.tokens, naming.furniture, naming.weight)
            }
            let paywalled = naming.paywalled, role = naming.role
            // A region the page never closed, or a hidden one, may be most of the page by mistake (a
            // browser shows it, or a script does); a closed <aside role="complementary"> is furniture however long.
            let region = ContentRules.regionTags.contains(document[id].name) || ContentRules.nonContentRoles.contains(role)
            let hidden = ContentRules.isHidden(document[id].attributes, paywalled: paywalled)
            let large = Double(rawChars[id]) > ContentRules.regionMaxShare * pageChars
            // A never-closed region around the page's <main> or <article> wraps the story by mistake
            // (looked for only then: such regions are rare, and every page's elements are many).
            let mayBePage = (hidden && large) || (!document[id].closed && (large || ((region || hidden) && holdsStory(id))))
            if region || hidden, !mayBePage { excluded[id] = true }
        }
        // Bottom-up sums.
        for id in stride(from: count - 1, through: 0, by: -1) {
            let kind = document[id].kind, name = document[id].name
            let isBlock = kind == .element && HTMLToMarkdown.blockElements.contains(name)
            if kind == .element {
                switch name {
                case "input", "select", "textarea", "button": inputs[id] += 1
                case "iframe", "embed", "object", "video": embeds[id] += 1
                default: break
                }
            }
            if !excluded[id] {
                switch kind {
                case .text:
                    (chars[id], commas[id]) = measured[id]
                    ownChars[id] = chars[id]
                    ownCommas[id] = commas[id]
                case .element:
                    switch name {
                    case "a": linkChars[id] = chars[id]
                    case "h1", "h2", "h3", "h4", "h5", "h6": headingChars[id] = chars[id]
                    case "ul", "ol": listChars[id] = chars[id]
                    case "p": paragraphs[id] += 1
                    case "img": images[id] += 1
                    case "li": listItems[id] += 1
                    default: break
                    }
                default: break
                }
            }
            if kind == .element, !excluded[id] {
                let paragraph = name == "p" ? chars[id] : (isBlock ? ownChars[id] : 0)
                if paragraph >= Self.proseMinChars, linkChars[id] * 2 < max(chars[id], 1) { proseChars[id] = max(proseChars[id], min(paragraph, chars[id])) }
            }
            guard let parent = document[id].parent else { continue }
            inputs[parent] += inputs[id]
            embeds[parent] += embeds[id]
            guard !excluded[id] else { continue }
            chars[parent] += chars[id]
            linkChars[parent] += linkChars[id]
            commas[parent] += commas[id]
            headingChars[parent] += headingChars[id]
            listChars[parent] += listChars[id]
            proseChars[parent] += proseChars[id]
            paragraphs[parent] += paragraphs[id]
            images[parent] += images[id]
            listItems[parent] += listItems[id]
            if kind == .text || (kind == .element && !isBlock) {
                ownChars[parent] += ownChars[id]
                ownCommas[parent] += ownCommas[id]
            }
        }
    }

    /// What an element's `class`, `id`, `role` and `itemprop` say about it.
    private struct Naming {
        static let attributes: Set<String> = ["class", "id", "role", "itemprop"]
        static let none = Naming(label: "", role: "", paywalled: false, classedPaywall: false, tokens: [], furniture: nil, weight: 0)
        /// The names lowercased, each after a space (`PageFacts.classes`).
        var label: String
        var role: String
        /// Read as the story's text although a paywall may hide it (`ContentRules.paywalledTextTags`).
        var paywalled: Bool
        /// Classed just `paywall`, whatever the tag (`ContentRules.classedPaywall`).
        var classedPaywall: Bool
        var tokens: [String]
        var furniture: String?
        var weight: Double

        init(label: String, role: String, paywalled: Bool, classedPaywall: Bool, tokens: [String], furniture: String?, weight: Double) {
            (self.label, self.role, self.paywalled, self.classedPaywall) = (label, role, paywalled, classedPaywall)
            (self.tokens, self.furniture, self.weight) = (tokens, furniture, weight)
        }

        /// - Parameter storyText: paywalled whatever the tag (a container of the story's text).
        init(tag: String, attributes: [HTMLDocument.Attribute], storyText: Bool = false) {
            var label = "", className = "", idName = "", role = "", written = ""
            for attribute in attributes {
                switch attribute.name {
                case "class": className = attribute.value.lowercased(); label += " " + className; written += " " + attribute.value
                case "id": idName = attribute.value.lowercased(); label += " " + idName; written += " " + attribute.value
                case "role": role = attribute.value.lowercased(); label += " " + role; written += " " + attribute.value
                case "itemprop": label += " " + attribute.value.lowercased(); written += " " + attribute.value
                default: continue
                }
            }
            classedPaywall = ContentRules.classedPaywall(className)
            paywalled = classedPaywall && (storyText || ContentRules.paywalledTextTags.contains(tag))
            if paywalled {
                label = label.split(separator: " ").filter { !ContentRules.paywallClasses.contains(String($0)) }.map { " " + $0 }.joined()
            }
            self.label = label
            self.role = role
            // The names as written matter only where their case says where words begin.
            let cased = written.utf8.contains(where: { (0x41...0x5A).contains($0) }) ? written : nil
            tokens = label.isEmpty ? [] : PageFacts.words(label)
            furniture = label.isEmpty ? nil : ContentRules.furnitureRule(classes: label, written: cased, tokens: tokens)
            weight = label.isEmpty ? 0 : ContentRules.classWeight(className: className, id: idName)
        }
    }

    /// An inline element (`span`, `em`, …): not a block, not a line break.
    private func isPhrase(_ id: NodeID) -> Bool {
        !HTMLToMarkdown.blockElements.contains(document[id].name) && document[id].name != "br"
    }

    /// Inside a `<p>`, through inline elements only.
    private func insideParagraph(_ id: NodeID) -> Bool {
        var current = document[id].parent
        while let parent = current, isPhrase(parent) { current = document[parent].parent }
        return current.map { document.isElement($0, "p") } ?? false
    }

    func linkDensity(_ id: NodeID) -> Double {
        chars[id] == 0 ? 0 : Double(linkChars[id]) / Double(chars[id])
    }

    /// The visible text below a node (hidden and non-content parts left out), spaces collapsed.
    func text(_ id: NodeID) -> String {
        var out = ""
        var stack = [id]
        while let next = stack.popLast() {
            guard !excluded[next] else { continue }
            let node = document[next]
            if node.kind == .text { out += node.text; continue }
            if node.kind == .element, HTMLToMarkdown.blockElements.contains(node.name) || node.name == "br" { out += " " }
            stack.append(contentsOf: node.children.reversed())
        }
        return TextNormaliser.normalise(HTMLToMarkdown.collapse(out))
    }

    /// Collapsed length (non-space characters plus one per gap between words) and commas.
    static func measure(_ text: String) -> (Int, Int) {
        var length = 0, commas = 0
        var inSpace = true
        var lastByte: UInt8 = 0, secondLast: UInt8 = 0
        for byte in text.utf8 {
            defer { secondLast = lastByte; lastByte = byte }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                if !inSpace { length += 1 }
                inSpace = true
                continue
            }
            inSpace = false
            if byte & 0xC0 != 0x80 { length += 1 }
            if byte == 0x2C || (secondLast == 0xEF && lastByte == 0xBC && byte == 0x8C) || (secondLast == 0xE3 && lastByte == 0x80 && byte == 0x81) { commas += 1 }
        }
        return (length, commas)
    }

    /// "story-body__inner articlebody" → ["story", "body", "inner", "articlebody"] (ASCII letters and digits; anything else splits).
    static func words(_ label: String) -> [String] {
        label.utf8.split { !((0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 >= 0x80) }.map { String(decoding: $0, as: UTF8.self) }
    }
}
