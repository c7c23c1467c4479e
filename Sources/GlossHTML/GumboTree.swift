import CGumbo
import Foundation

/// The only code that touches gumbo's pointers: parse, copy the tree into an `HTMLDocument`,
/// free gumbo's memory. Nothing gumbo allocated escapes this file.
enum GumboTree {
    /// Parses UTF-8 bytes (which need not end in NUL: gumbo takes a length). Everything gumbo
    /// allocates comes from one arena, freed at once after the copy: no per-node frees, and no
    /// recursive teardown of a deep tree.
    static func parse(_ utf8: UnsafeBufferPointer<UInt8>, fragment: Bool) -> HTMLDocument {
        // The arena is reached through a plain pointer: gumbo allocates for every growing string,
        // and a class reference there cost a retain and a release each time (3% of an import).
        let arena = UnsafeMutablePointer<GumboArena>.allocate(capacity: 1)
        arena.initialize(to: GumboArena())
        defer { arena.deinitialize(count: 1).deallocate() }
        var options = kGumboDefaultOptions
        options.allocator = { userdata, size in
            userdata?.assumingMemoryBound(to: GumboArena.self).pointee.allocate(size)
        }
        options.deallocator = { _, _ in }  // the arena goes as a whole
        options.userdata = UnsafeMutableRawPointer(arena)
        options.max_errors = 0  // parse errors are not reported anywhere: do not collect them
        if fragment {
            options.fragment_context = GUMBO_TAG_BODY
            options.fragment_namespace = GUMBO_NAMESPACE_HTML
        }
        let empty: StaticString = ""
        let base = utf8.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(empty.utf8Start)
        guard let output = gumbo_parse_with_options(&options, base.assumingMemoryBound(to: CChar.self), utf8.count) else {
            return HTMLDocument(nodes: [emptyRoot], encoding: .utf8)
        }
        return HTMLDocument(nodes: copy(output.pointee.document), encoding: .utf8)
    }

    static let emptyRoot = HTMLDocument.Node(kind: .document, name: "", attributes: [], text: "", parent: nil, children: [], line: 0)

    /// Depth-first copy with an explicit stack (any depth: gumbo's tree is never walked recursively).
    private static func copy(_ document: UnsafeMutablePointer<GumboNode>) -> [HTMLDocument.Node] {
        var nodes = [emptyRoot]
        // (gumbo node, index of the Swift parent, depth in the Swift tree)
        var stack: [(UnsafeMutablePointer<GumboNode>, Int, Int)] = []
        func push(children vector: GumboVector, parent: Int, depth: Int) {
            guard vector.length > 0, let data = vector.data else { return }
            for index in stride(from: Int(vector.length) - 1, through: 0, by: -1) {
                if let child = data[index] { stack.append((child.assumingMemoryBound(to: GumboNode.self), parent, depth)) }
            }
        }
        push(children: document.pointee.v.document.children, parent: 0, depth: 1)
        while let (pointer, parent, depth) = stack.popLast() {
            let node = pointer.pointee
            switch node.type {
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                let element = node.v.element
                // Past the depth limit an element's children go to the ancestor at the limit.
                guard depth <= HTMLDocument.maxDepth else {
                    push(children: element.children, parent: parent, depth: depth)
                    continue
                }
                let id = nodes.count
                let name = tagName(element), attributes = attributes(element.attributes)
                nodes.append(HTMLDocument.Node(kind: .element, name: name, attributes: attributes,
                                               text: "", parent: parent, children: [], line: Int(element.start_pos.line),
                                               closed: element.original_tag.length == 0 || endTagCloses(element, name)))
                nodes[parent].children.append(id)
                // Program code and style sheets (often most of a page's bytes) are not copied: nothing
                // reads them. A script of JSON-LD data is.
                if name == "style" || (name == "script" && !attributes.contains { $0.name == "type" && $0.value.lowercased().contains("json") }) { continue }
                push(children: element.children, parent: id, depth: depth + 1)
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA, GUMBO_NODE_COMMENT:
                let text = node.v.text.text.map { String(cString: $0) } ?? ""
                // Adjacent text (split by a flattened element) is merged, as the DOM would normalise it.
                if node.type != GUMBO_NODE_COMMENT, let last = nodes[parent].children.last, nodes[last].kind == .text {
                    nodes[last].text += text
                    continue
                }
                let id = nodes.count
                nodes.append(HTMLDocument.Node(kind: node.type == GUMBO_NODE_COMMENT ? .comment : .text, name: "", attributes: [],
                                               text: text, parent: parent, children: [], line: Int(node.v.text.start_pos.line)))
                nodes[parent].children.append(id)
            default:
                continue
            }
        }
        return nodes
    }

    /// gumbo's names of the tags it knows, made into Swift strings once.
    static let knownTags: [String] = (0..<Int(GUMBO_TAG_UNKNOWN.rawValue)).map { raw in
        gumbo_normalized_tagname(GumboTag(rawValue: UInt32(raw))).map { String(cString: $0) } ?? ""
    }

    /// Whether the page closed the element with its own end tag: gumbo records as the end tag
    /// whatever token closed it, also a parent's `</div>` that closed it implicitly.
    private static func endTagCloses(_ element: GumboElement, _ name: String) -> Bool {
        var piece = element.original_end_tag
        guard piece.length > 0 else { return false }
        gumbo_tag_from_original_text(&piece)
        guard let data = piece.data, piece.length == name.utf8.count else { return false }
        return data.withMemoryRebound(to: UInt8.self, capacity: piece.length) {
            UnsafeBufferPointer(start: $0, count: piece.length).elementsEqual(name.utf8) { a, b in a | 0x20 == b | 0x20 }
        }
    }

    private static func tagName(_ element: GumboElement) -> String {
        let raw = Int(element.tag.rawValue)
        if raw < knownTags.count, !knownTags[raw].isEmpty { return knownTags[raw] }
        var piece = element.original_tag
        gumbo_tag_from_original_text(&piece)
        guard let data = piece.data, piece.length > 0 else { return "unknown" }
        return data.withMemoryRebound(to: UInt8.self, capacity: piece.length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: piece.length), as: UTF8.self)
        }.lowercased()
    }

    private static func attributes(_ vector: GumboVector) -> [HTMLDocument.Attribute] {
        guard vector.length > 0, let data = vector.data else { return [] }
        var result: [HTMLDocument.Attribute] = []
        result.reserveCapacity(Int(vector.length))
        for index in 0..<Int(vector.length) {
            guard let raw = data[index] else { continue }
            let attribute = raw.assumingMemoryBound(to: GumboAttribute.self).pointee
            guard let name = attribute.name else { continue }
            result.append(HTMLDocument.Attribute(name: String(cString: name), value: attribute.value.map { String(cString: $0) } ?? ""))
        }
        return result
    }
}

/// Memory for one parse: large blocks handed out in order and freed together when the arena goes.
struct GumboArena: ~Copyable {
    private var blocks: [UnsafeMutableRawPointer] = []
    private var next: UnsafeMutableRawPointer?
    private var left = 0
    static let blockSize = 256 * 1024

    mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let rounded = (max(size, 1) + 15) & ~15
        if rounded > left {
            let blockSize = max(rounded, Self.blockSize)
            guard let block = malloc(blockSize) else { return nil }
            blocks.append(block)
            next = block
            left = blockSize
        }
        let pointer = next
        next = next.map { $0 + rounded }
        left -= rounded
        return pointer
    }

    deinit {
        for block in blocks { free(block) }
    }
}
