/// Which URLs Gloss writes as links: `http`, `https`, `mailto` and relative URLs, nothing else.
/// The one rule for every URL from content: front-matter and `gloss.yml` fields are checked
/// when they are loaded, Markdown links and images when the cmark tree is built, so no later
/// stage ever sees a refused URL.
///
/// The scheme is read the way a browser reads an `href` (case-insensitive, up to the first
/// `:`, after leading spaces), and a URL holding control characters (tabs and line breaks
/// included, which browsers silently delete: `java\tscript:`) is refused outright, so no
/// spelling of `javascript:`, `vbscript:`, `data:` or `file:` gets through. Character
/// references (`&#106;avascript:`) need no case: by the time a URL reaches this check cmark
/// and YAML have decoded them, and templates escape the `&` of any that remain.
public enum LinkPolicy {
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    public static func allows(_ url: String) -> Bool {
        var scalars = Substring(url).unicodeScalars
        while let first = scalars.first, first == " " { scalars.removeFirst() }
        while let last = scalars.last, last == " " { scalars.removeLast() }
        if scalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
        guard let scheme = scheme(of: scalars) else { return true }   // relative
        return allowedSchemes.contains(scheme)
    }

    /// The lower-cased scheme (`[A-Za-z][A-Za-z0-9+.-]*` before a `:`), or nil for a relative URL.
    static func scheme(of scalars: Substring.UnicodeScalarView) -> String? {
        guard let first = scalars.first, isASCIILetter(first) else { return nil }
        var scheme = ""
        for scalar in scalars {
            if scalar == ":" { return scheme.lowercased() }
            guard isASCIILetter(scalar) || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "." else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// The warning for a refused URL, the same wherever it was found.
    public static func refusal(_ url: String, in what: String, path: String, line: Int, column: Int) -> Diagnostic {
        .warning(path, line: line, column: column,
                 "\(what) `\(printable(url))` is not an http, https, mailto or relative URL; it is not written as a link")
    }

    /// The URL with control characters shown as `\u{…}` (a diagnostic must not carry them to the terminal).
    static func printable(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars.prefix(200) {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return url.unicodeScalars.count > 200 ? out + "…" : out
    }
}
