/// A parsed HTML page as a Swift value: every node in one array, linked by index, so callers
/// walk and score it without pointers, and nothing of gumbo's C memory outlives `parse`. The
/// text of `<script>` (JSON data excepted) and `<style>` is left out.
public struct HTMLDocument: Sendable {
    public typealias NodeID = Int

    public enum Kind: UInt8, Sendable { case document, element, text, comment }

    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public struct Node: Sendable, Hashable {
        public var kind: Kind
        /// Lowercased tag name for elements ("template", "svg", a custom "my-widget"); empty otherwise.
        public var name: String
        public var attributes: [Attribute]
        /// Text and comment content, character references already decoded.
        public var text: String
        public var parent: NodeID?
        public var children: [NodeID]
        /// Line in the page where the element or text starts (1-based; 0 when unknown).
        public var line: Int
        /// False for an element the page never closed (the parser closed it at the end of its parent or
        /// the page): a `<noscript>` left open that way has swallowed what a browser, running scripts, shows.
        public var closed = true
    }

    /// In document order (ids are given depth first, a parent before its children), so the
    /// descendants of the root are all the other nodes, in order.
    public internal(set) var nodes: [Node]
    /// The encoding the bytes were read as ("utf-8", "windows-1252", …), and why.
    public internal(set) var encoding: HTMLEncoding.Detection

    /// The document node.
    @inlinable public var root: NodeID { 0 }

    /// The node, read in place (`document[id].name` copies the name, not the whole node).
    @inlinable public subscript(_ id: NodeID) -> Node {
        _read { yield nodes[id] }
    }

    /// Nesting deeper than this is flattened into the ancestor at this depth (text is kept), so
    /// recursive walks over the tree have a bounded depth whatever the input.
    public static let maxDepth = 256

    /// Reads a page's bytes the way a browser does (BOM, then `<meta charset>`, then UTF-8 when
    /// the bytes are valid UTF-8, else Windows-1252) and parses them with gumbo.
    /// - Parameter filteringScripts: remove the program text first (`ScriptTextFilter`, the same
    ///   tree, parsed faster); false only to check that claim.
    public static func parse(bytes: [UInt8], filteringScripts: Bool = true) -> HTMLDocument {
        let detection = HTMLEncoding.detect(bytes)
        var document: HTMLDocument
        if detection.encoding == "utf-8" {
            // UTF-8 goes to gumbo as it is (gumbo itself turns invalid sequences into U+FFFD).
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
            document = body.withUnsafeBufferPointer { parsePage($0, filteringScripts: filteringScripts) }
        } else {
            document = parse(HTMLEncoding.decode(bytes, as: detection.encoding), filteringScripts: filteringScripts)
        }
        document.encoding = detection
        return document
    }

    /// Parses a whole page already in Unicode.
    public static func parse(_ text: String, filteringScripts: Bool = true) -> HTMLDocument {
        var text = text
        return text.withUTF8 { parsePage($0, filteringScripts: filteringScripts) }
    }

    static func parsePage(_ utf8: UnsafeBufferPointer<UInt8>, filteringScripts: Bool) -> HTMLDocument {
        guard filteringScripts, let filtered = ScriptTextFilter.filtered(utf8) else { return GumboTree.parse(utf8, fragment: false) }
        return filtered.withUnsafeBufferPointer { GumboTree.parse($0, fragment: false) }
    }

    /// Parses a snippet (a feed entry's content, a title with markup) as the inside of `<body>`:
    /// its nodes are the children of the returned document's `<html>` element.
    public static func parseFragment(_ text: String) -> HTMLDocument {
        var text = text
        return text.withUTF8 { GumboTree.parse($0, fragment: true) }
    }

    /// The text of a value that may hold markup (a feed title, a JSON-LD body, a description
    /// written as `For more ideas on <a href="…">how to stop spending</a>`): tags go, their text stays.
    public static func plainText(_ snippet: String) -> String {
        snippet.utf8.contains(0x3C) ? parseFragment(snippet).textContent(0) : snippet
    }

    // MARK: queries

    @inlinable public func attribute(_ name: String, of id: NodeID) -> String? {
        nodes[id].attributes.first { $0.name == name }?.value
    }

    @inlinable public func isElement(_ id: NodeID, _ name: String) -> Bool {
        nodes[id].kind == .element && nodes[id].name == name
    }

    /// Every descendant of `id` in document order (not `id` itself), without recursion.
    @inlinable public func descendants(of id: NodeID) -> [NodeID] {
        var result: [NodeID] = []
        var stack = nodes[id].children.reversed() as [NodeID]
        while let next = stack.popLast() {
            result.append(next)
            stack.append(contentsOf: nodes[next].children.reversed())
        }
        return result
    }

    /// Descendant elements of `id` with this tag name, in document order.
    @inlinable public func elements(_ name: String, under id: NodeID? = nil) -> [NodeID] {
        // The whole page, asked for most, is read in order without collecting its descendants first.
        guard let id, id != root else { return nodes.indices.dropFirst().filter { isElement($0, name) } }
        return descendants(of: id).filter { isElement($0, name) }
    }

    /// The first descendant element with this tag name.
    @inlinable public func first(_ name: String, under id: NodeID? = nil) -> NodeID? {
        var stack = nodes[id ?? root].children.reversed() as [NodeID]
        while let next = stack.popLast() {
            if isElement(next, name) { return next }
            stack.append(contentsOf: nodes[next].children.reversed())
        }
        return nil
    }

    /// All text below `id` as written (not collapsed); comments and `<template>` contents left out.
    public func textContent(_ id: NodeID) -> String {
        if nodes[id].kind == .text { return nodes[id].text }
        var out = ""
        var stack = nodes[id].children.reversed() as [NodeID]
        while let next = stack.popLast() {
            let node = nodes[next]
            switch node.kind {
            case .text: out += node.text
            case .element where node.name != "template": stack.append(contentsOf: node.children.reversed())
            default: break
            }
        }
        return out
    }

    /// Ancestors of `id`, nearest first.
    @inlinable public func ancestors(of id: NodeID) -> [NodeID] {
        var result: [NodeID] = []
        var current = nodes[id].parent
        while let next = current {
            result.append(next)
            current = nodes[next].parent
        }
        return result
    }

    /// Whether a `<noscript>` is read as part of the page, as a reader without scripts sees it:
    /// when it was left open (it swallowed the rest of the page), or when it is the only readable
    /// copy of its parent's content, holding paragraphs beside nothing but scripts (Blogger renders
    /// a post from a `<script type="text/template">` and keeps the same post in a `<noscript>`).
    public func isReadNoscript(_ id: NodeID) -> Bool {
        guard isElement(id, "noscript") else { return false }
        guard nodes[id].closed else { return true }
        guard let parent = nodes[id].parent, !elements("p", under: id).isEmpty else { return false }
        return nodes[parent].children.allSatisfy { child in
            switch nodes[child].kind {
            case .text: return isBlankText(child)
            case .element: return child == id || ["script", "template", "style"].contains(nodes[child].name)
            default: return true
            }
        }
    }

    /// Whether a text node holds nothing but white space (spaces, tabs, line breaks).
    public func isBlankText(_ id: NodeID) -> Bool {
        nodes[id].text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
    }

    /// The `<html>` element, `<head>` and `<body>` (gumbo always creates them for a page).
    public var html: NodeID? { nodes[root].children.first { isElement($0, "html") } }
    public var head: NodeID? { html.flatMap { html in nodes[html].children.first { isElement($0, "head") } } }
    public var body: NodeID? { html.flatMap { html in nodes[html].children.first { isElement($0, "body") } } }
}
