import Foundation

/// Turns a page model (structs, arrays, optionals) into dictionaries once, before rendering.
/// swift-mustache otherwise reflects on a struct with `Mirror` at every `{{name}}` lookup, for
/// every object on the context stack, which made reflection half of a large site's build time;
/// dictionaries are looked up directly. A nil optional becomes NSNull, which swift-mustache
/// treats as nil but as *present*, so a lookup stops at the object that has the field instead
/// of climbing the context stack to an outer object's field of the same name.
enum TemplateContext {
    static func flatten(_ value: Any) -> Any {
        switch value {
        case is String, is Int, is Bool, is Double:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return NSNull() }
            return flatten(wrapped.value)
        case .collection, .set:
            return mirror.children.map { flatten($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label { fields[label] = flatten(child.value) }
            }
            return fields
        default:
            return value
        }
    }
}
