import CYaml

/// What a front matter may expand to, checked on libyaml's event stream before Yams builds a
/// tree from it. An alias repeats everything its anchor holds, so ten short lines of
/// `b: &b [*a, *a, *a…]` stand for a billion values (the "billion laughs"): hashing such a key
/// or decoding such a list would never end. Counting each anchor's size once and adding it at
/// every alias finds that in time linear in the text. (libyaml itself refuses nesting deeper
/// than 1,000 levels.) The one place besides Yams that touches libyaml's C API.
enum YAMLBudget {
    /// Values (scalars, lists and mappings, each alias counted as what it repeats).
    static let maxNodes = 100_000
    /// Text in those values: no more than a content file may hold.
    static let maxScalarBytes = SiteFolder.maxFileBytes

    /// Nil when `yaml` stays within budget or is malformed (Yams reports that, better placed);
    /// else where the budget ran out (1-based line and column of `yaml`) and why.
    static func check(_ yaml: String) -> (line: Int, column: Int, message: String)? {
        var text = Array(yaml.utf8)
        guard !text.isEmpty else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return text.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return count(&parser)
        }
    }

    private static func count(_ parser: inout yaml_parser_t) -> (line: Int, column: Int, message: String)? {
        var nodes = 0
        var bytes = 0
        var open: [(anchor: String?, nodes: Int, bytes: Int)] = []
        var anchors: [String: (nodes: Int, bytes: Int)] = [:]
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                nodes += 1
                bytes += event.data.scalar.length
                if let anchor = event.data.scalar.anchor { anchors[String(cString: anchor)] = (1, event.data.scalar.length) }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                open.append((anchor.map { String(cString: $0) }, nodes, bytes))
                nodes += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let frame = open.popLast(), let anchor = frame.anchor {
                    anchors[anchor] = (nodes - frame.nodes, bytes - frame.bytes)
                }
            case YAML_ALIAS_EVENT:
                if let anchor = event.data.alias.anchor, let size = anchors[String(cString: anchor)] {
                    nodes += size.nodes
                    bytes += size.bytes
                }
            default:
                break
            }
            if nodes > maxNodes || bytes > maxScalarBytes {
                let what = nodes > maxNodes ? "more than \(maxNodes) values" : "more than \(maxScalarBytes >> 20) MiB of text"
                return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1,
                        "YAML expands to \(what) (an alias repeats everything its anchor holds); it is not read")
            }
        }
        return nil
    }
}
