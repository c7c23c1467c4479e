import Foundation
import Mustache

/// Turns a page model into the objects and arrays swift-mustache looks names up in, once,
/// before rendering. The models are `Encodable`, so the compiler writes each one's walk: no
/// reflection (swift-mustache would otherwise reflect with `Mirror` at every `{{name}}` lookup,
/// and flattening by `Mirror` was a fifth of a large build). A nil optional becomes
/// `TemplateNull`, which swift-mustache treats as nil but as *present*, so a lookup stops at the
/// object that has the field instead of climbing the context stack to an outer object's field of
/// the same name.
enum TemplateContext {
    static func flatten(_ value: any Encodable) -> Any {
        ContextEncoder.context(of: value)
    }

    /// A struct's fields in order, for partials that add fields of their own before rendering.
    static func fields(of value: some Encodable) -> [(String, Any)] {
        guard let object = ContextEncoder.context(of: value) as? TemplateObject else { return [] }
        return Array(zip(object.fields.names, object.fields.values))
    }

    /// Strings, numbers and booleans stand for themselves.
    static func plainValue(_ value: Any) -> Any? {
        switch value {
        case is String, is Int, is Bool, is Double: value
        default: nil
        }
    }
}

/// A struct's fields as swift-mustache looks them up, at every `{{name}}` and every level of the
/// context stack. A struct (its cast to `MustacheParent` is the cheapest the runtime offers)
/// around fields in declaration order, found by a scan: a page's objects have a few dozen fields
/// at most, and comparing short names costs less than hashing them, which a dictionary does at
/// every lookup. Together with `TemplateNull` this cut a tenth of swift-mustache's time on a
/// large build (`perf record gloss build`, 10,000 articles).
struct TemplateObject: MustacheParent {
    final class Fields {
        var names: [String] = []
        var values: [Any] = []
    }

    let fields: Fields

    init(_ fields: Fields = Fields()) { self.fields = fields }

    init(_ dictionary: [String: Any]) {
        self.init(dictionary.map { ($0.key, $0.value) })
    }

    init(_ pairs: [(String, Any)]) {
        fields = Fields()
        fields.names = pairs.map(\.0)
        fields.values = pairs.map(\.1)
    }

    /// The last field of that name wins, as a dictionary's would.
    func child(named name: String) -> Any? {
        var index = fields.names.count - 1
        while index >= 0 {
            if fields.names[index] == name { return fields.values[index] }
            index -= 1
        }
        return nil
    }
}

/// A nil field: present, so lookups stop at it, and nil to swift-mustache (its own marker,
/// NSNull, is a class whose casts walk its superclasses and cost twice as much).
struct TemplateNull: MustacheCustomRepresentation {
    var representation: Any? { nil }
}

/// An `Encoder` whose output is the value itself: a `TemplateObject` for a struct, `[Any]` for
/// an array, the value for a string or number.
private final class ContextEncoder: Encoder {
    /// What a container writes into: a class, so nested containers fill it in place.
    final class Box {
        var value: Any?
        init(_ value: Any? = nil) { self.value = value }
    }

    let box = Box()
    /// Set when a nested container was handed out: its box is filled after it is stored, so
    /// boxes are resolved at the end. (Synthesized conformances never ask for one.)
    var hasNestedBoxes = false
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var value: Any? { hasNestedBoxes ? box.value.map(Self.resolved) : box.value }

    static func resolved(_ value: Any) -> Any {
        switch value {
        case let box as Box: return box.value.map(resolved) ?? TemplateNull()
        case let object as TemplateObject:
            object.fields.values = object.fields.values.map(resolved)
            return object
        case let items as [Any]: return items.map(resolved)
        default: return value
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if !(box.value is TemplateObject) { box.value = TemplateObject() }
        return KeyedEncodingContainer(Keyed<Key>(box: box, encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if !(box.value is [Any]) { box.value = [Any]() }
        return Unkeyed(box: box, encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(box: box) }

    static func context(of value: some Encodable) -> Any {
        if let plain = TemplateContext.plainValue(value) { return plain }
        let encoder = ContextEncoder()
        try? value.encode(to: encoder)
        return encoder.value ?? TemplateNull()
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        let encoder: ContextEncoder
        var codingPath: [any CodingKey] { [] }

        private func set(_ value: Any, _ key: Key) {
            guard let object = box.value as? TemplateObject else { return }
            object.fields.names.append(key.stringValue)
            object.fields.values.append(value)
        }

        mutating func encodeNil(forKey key: Key) { set(TemplateNull(), key) }
        mutating func encode(_ value: String, forKey key: Key) { set(value, key) }
        mutating func encode(_ value: Bool, forKey key: Key) { set(value, key) }
        mutating func encode(_ value: Int, forKey key: Key) { set(value, key) }
        mutating func encode(_ value: Double, forKey key: Key) { set(value, key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { set(ContextEncoder.context(of: value), key) }
        // Nil is written as present-but-nil (see `TemplateContext`).
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) { set(value ?? TemplateNull() as Any, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { set(value.map { $0 as Any } ?? TemplateNull(), key) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { set(value.map { $0 as Any } ?? TemplateNull(), key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { set(value.map { $0 as Any } ?? TemplateNull(), key) }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) {
            set(value.map { ContextEncoder.context(of: $0) } ?? TemplateNull(), key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = Box(TemplateObject())
            encoder.hasNestedBoxes = true
            set(nested, key)
            return KeyedEncodingContainer(Keyed<NestedKey>(box: nested, encoder: encoder))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = Box([Any]())
            encoder.hasNestedBoxes = true
            set(nested, key)
            return Unkeyed(box: nested, encoder: encoder)
        }

        mutating func superEncoder() -> any Encoder { ContextEncoder() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { ContextEncoder() }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        let encoder: ContextEncoder
        var codingPath: [any CodingKey] { [] }
        var count: Int { (box.value as? [Any])?.count ?? 0 }

        private func append(_ value: Any) {
            var items = box.value as? [Any] ?? []
            box.value = nil
            items.append(value)
            box.value = items
        }

        mutating func encodeNil() { append(TemplateNull()) }
        mutating func encode(_ value: String) { append(value) }
        mutating func encode(_ value: Bool) { append(value) }
        mutating func encode(_ value: Int) { append(value) }
        mutating func encode(_ value: Double) { append(value) }
        mutating func encode<T: Encodable>(_ value: T) { append(ContextEncoder.context(of: value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = Box(TemplateObject())
            encoder.hasNestedBoxes = true
            append(nested)
            return KeyedEncodingContainer(Keyed<NestedKey>(box: nested, encoder: encoder))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = Box([Any]())
            encoder.hasNestedBoxes = true
            append(nested)
            return Unkeyed(box: nested, encoder: encoder)
        }

        mutating func superEncoder() -> any Encoder { ContextEncoder() }
    }

    struct Single: SingleValueEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil() { box.value = TemplateNull() }
        mutating func encode(_ value: String) { box.value = value }
        mutating func encode(_ value: Bool) { box.value = value }
        mutating func encode(_ value: Int) { box.value = value }
        mutating func encode(_ value: Double) { box.value = value }
        mutating func encode<T: Encodable>(_ value: T) { box.value = ContextEncoder.context(of: value) }
    }
}
