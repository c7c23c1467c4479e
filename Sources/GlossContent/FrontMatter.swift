import Yams

/// A front-matter schema: the Codable type plus the field names it accepts, so unknown fields
/// (usually typos) get a warning naming the nearest known field.
public protocol FrontMatterFields: Decodable {
    static var fieldNames: [String] { get }
    /// Fields holding a mapping of their own, with that mapping's field names.
    static var nestedFieldNames: [String: [String]] { get }
}

extension FrontMatterFields {
    public static var nestedFieldNames: [String: [String]] { [:] }
}

/// The outcome of decoding one front matter: the value when it is valid, every problem found,
/// and the line of each top-level field so later stages can point at it.
public struct DecodedFrontMatter<T> {
    public var value: T?
    public var diagnostics: [Diagnostic]
    public var fieldLines: [String: Int] = [:]
    /// The YAML tree and its first line in the file, to place diagnostics about values.
    var root: Node?
    var firstLine = 1

    /// Line and column in the file of the value at `path` (e.g. `links`, 0, `url`), or of the
    /// deepest part of it that exists.
    func place(of path: [FieldKey]) -> (line: Int, column: Int) {
        guard let root, let mark = FrontMatterDecoder.mark(at: path, in: root) else { return (firstLine, 1) }
        return (mark.line + firstLine - 1, mark.column)
    }
}

/// One step of a path into front matter: a field name or a list index.
struct FieldKey: CodingKey, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { self.stringValue = "\(intValue)"; self.intValue = intValue }
    init(stringLiteral value: String) { self.init(stringValue: value) }
    init(integerLiteral value: Int) { self.init(intValue: value) }
}

/// Decodes YAML into a schema with Yams, turning every problem into positioned diagnostics.
public enum FrontMatterDecoder {
    /// Made once: Yams' defaults are computed on every use (`Parser.Encoding.default` reads the
    /// whole process environment, `Constructor.default` builds its tables), which was half of
    /// the time spent on front matter. A decoder keeps no state between `decode` calls.
    private nonisolated(unsafe) static let constructor = Constructor.default
    private nonisolated(unsafe) static let decoder = YAMLDecoder()

    /// - Parameters:
    ///   - yaml: the YAML text; `firstLine` is its first line's number in `path`.
    public static func decode<T: FrontMatterFields>(
        _ type: T.Type, yaml: String, path: String, firstLine: Int
    ) -> DecodedFrontMatter<T> {
        let lineOffset = firstLine - 1
        if let over = YAMLBudget.check(yaml) {
            return DecodedFrontMatter(value: nil, diagnostics: [.error(path, line: over.line + lineOffset, column: over.column, over.message)])
        }
        var controls: [Diagnostic] = []
        let node: Node
        do {
            node = YAMLPlainTags.settle(FrontMatterText.withoutControls(try Yams.compose(yaml: yaml, .basic, constructor, .utf8) ?? Node([:] as [Node: Node]),
                                                                        path: path, lineOffset: lineOffset, diagnostics: &controls))
        } catch let error as YamlError {
            return DecodedFrontMatter(value: nil, diagnostics: [yamlDiagnostic(error, path: path, lineOffset: lineOffset)])
        } catch {
            return DecodedFrontMatter(value: nil, diagnostics: [.error(path, line: firstLine, "malformed YAML: \(error)")])
        }
        guard let mapping = node.mapping else {
            return DecodedFrontMatter(value: nil, diagnostics: [.error(path, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1,
                                 "front matter must be a mapping of `field: value` lines")])
        }
        var result = DecodedFrontMatter<T>(value: nil, diagnostics: controls + unknownFieldWarnings(mapping, known: T.fieldNames, nested: T.nestedFieldNames, path: path, lineOffset: lineOffset),
                                           root: node, firstLine: firstLine)
        for (key, _) in mapping {
            if let name = key.string, let line = key.mark?.line { result.fieldLines[name] = line + lineOffset }
        }
        do {
            result.value = try decoder.decode(T.self, from: node)
        } catch let error as DecodingError {
            result.diagnostics.append(decodingDiagnostic(error, root: node, path: path, firstLine: firstLine))
        } catch {
            result.diagnostics.append(.error(path, line: firstLine, "\(error)"))
        }
        return result
    }

    static func yamlDiagnostic(_ error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var detail = problem
            if let context, !context.text.isEmpty {
                detail = "\(context.text) (from line \(context.mark.line + lineOffset), column \(context.mark.column)): \(problem)"
            }
            return .error(path, line: mark.line + lineOffset, column: mark.column, "malformed YAML: \(detail)")
        default:
            return .error(path, line: lineOffset + 1, "malformed YAML: \(error)")
        }
    }

    static func unknownFieldWarnings(_ mapping: Node.Mapping, known: [String], nested: [String: [String]], path: String, lineOffset: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if !known.contains(name) {
                let hint = nearest(name, in: known).map { " (did you mean `\($0)`?)" } ?? ""
                diagnostics.append(.warning(path, line: (key.mark?.line ?? 1) + lineOffset, column: key.mark?.column ?? 1,
                                            "unknown field `\(name)`\(hint); it is ignored"))
            } else if let inner = nested[name], let innerMapping = value.mapping {
                diagnostics += unknownFieldWarnings(innerMapping, known: inner, nested: [:], path: path, lineOffset: lineOffset)
                    .map { var d = $0; d.message = d.message.replacingFirst("`", with: "`\(name)."); return d }
            }
        }
        return diagnostics
    }

    static func decodingDiagnostic(_ error: DecodingError, root: Node, path: String, firstLine: Int) -> Diagnostic {
        let (context, message): (DecodingError.Context, String) = {
            switch error {
            case let .keyNotFound(key, context):
                let field = (context.codingPath + [key]).map(\.fieldName).joined(separator: ".")
                return (context, "missing required field `\(field)`")
            case let .typeMismatch(type, context):
                return (context, "`\(context.codingPath.map(\.fieldName).joined(separator: "."))` should be \(describe(type))")
            case let .valueNotFound(type, context):
                return (context, "`\(context.codingPath.map(\.fieldName).joined(separator: "."))` is empty; expected \(describe(type))")
            case let .dataCorrupted(context):
                // Gloss's own validators write whole messages, starting with the field's name.
                let field = context.codingPath.map(\.fieldName).joined(separator: ".")
                return (context, context.debugDescription.hasPrefix("`") ? context.debugDescription : "`\(field)`: \(context.debugDescription)")
            @unknown default:
                return (DecodingError.Context(codingPath: [], debugDescription: ""), "\(error)")
            }
        }()
        let mark = self.mark(at: context.codingPath, in: root)
        let line = context.codingPath.isEmpty ? firstLine - 1 : (mark?.line ?? 1) + firstLine - 1
        return .error(path, line: line, column: context.codingPath.isEmpty ? 1 : mark?.column ?? 1, message)
    }

    /// Where the deepest node of a coding path that exists in the YAML starts.
    static func mark(at codingPath: [any CodingKey], in root: Node) -> Mark? {
        var node = root
        var mark = root.mark
        for key in codingPath {
            if let index = key.intValue, let sequence = node.sequence, sequence.indices.contains(index) {
                node = sequence[index]
            } else if let child = node.mapping?[Node(key.stringValue)] {
                node = child
            } else { break }
            mark = node.mark ?? mark
        }
        return mark
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is [String].Type, is [Any].Type: return "a list"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "a list" : name.hasPrefix("Dictionary") ? "a mapping" : "a \(name)"
        }
    }

    /// The known field closest to a misspelt one, when it is close enough to be a typo.
    static func nearest(_ name: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(Array(name.lowercased()), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        return best.1 <= max(2, name.count / 3) ? best.0 : nil
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension CodingKey {
    var fieldName: String { intValue.map { "[\($0)]" } ?? stringValue }
}

extension String {
    func replacingFirst(_ target: Character, with replacement: String) -> String {
        guard let index = firstIndex(of: target) else { return self }
        return String(self[..<index]) + replacement + String(self[index...].dropFirst())
    }
}
