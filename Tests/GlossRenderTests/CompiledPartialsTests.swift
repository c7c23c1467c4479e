import Testing
@testable import GlossRender

/// Body partials compiled into text and field slots must render exactly what swift-mustache
/// renders, for every shape of their fields, and partials that could do more stay uncompiled.
@Suite struct CompiledPartialsTests {
    static let partial = """
    <span class="{{kind}}" data-n="{{number}}"{{#author}} title="by {{author}}"{{/author}}{{^author}} title="anonymous"{{/author}}>{{{content}}}</span>\
    {{#flag}}!{{/flag}}{{^flag}}?{{/flag}}{{#kind}}[{{.}}]{{/kind}}{{! a comment }}{{&raw}}{{ kind }}

    """

    static func theme(_ partials: [String: String]) throws -> Theme {
        try #require(Theme.load(siteTemplates: partials.mapValues { Array($0.utf8) }).theme)
    }

    @Test func aCompiledPartialRendersWhatSwiftMustacheRenders() throws {
        let theme = try Self.theme(["partials/probe.mustache": Self.partial])
        let partials = CompiledPartials()
        let cases: [[(String, Any)]] = [
            [("kind", "quote"), ("number", 3), ("author", "Ann <Lee> & co"), ("flag", true), ("content", "<b>x</b>"), ("raw", "a<b")],
            [("kind", "fact \"check\""), ("number", 12), ("author", TemplateNull()), ("flag", false), ("content", "y & z"), ("raw", "&amp;")],
            [("kind", ""), ("number", 0), ("author", ""), ("flag", true), ("content", ""), ("raw", "''")],
            // Same shape as the first, other values: the compiled form is reused.
            [("kind", "context"), ("number", 7), ("author", "Bo"), ("flag", true), ("content", "<i>w</i>"), ("raw", "<>")],
            // The first with one flag down: another shape.
            [("kind", "quote"), ("number", 3), ("author", "Ann"), ("flag", false), ("content", "<b>x</b>"), ("raw", "a<b")],
        ]
        for fields in cases {
            let expected = try #require(theme.render(TemplateObject(fields), template: "partials/probe"))
            #expect(partials.render("partials/probe", TemplateObject(fields), theme: theme) == expected, "\(fields)")
        }
    }

    @Test func partialsThatCouldDoMoreAreRenderedBySwiftMustache() throws {
        let theme = try Self.theme([
            "partials/transform.mustache": "{{uppercased(kind)}} {{kind}}",
            "partials/include.mustache": "{{>partials/transform}}",
            "partials/delimiters.mustache": "{{=<% %>=}}<% kind %>",
            "partials/plain.mustache": "{{ kind }}",
        ])
        let partials = CompiledPartials()
        for name in ["transform", "include", "delimiters"] {
            #expect(partials.render("partials/" + name, TemplateObject([("kind", "quote")]), theme: theme) == nil, "\(name)")
        }
        // A nested object is not a field the compiled form can place.
        #expect(partials.render("partials/plain", TemplateObject([("kind", TemplateObject([("a", "b")]))]), theme: theme) == nil)
        #expect(partials.render("partials/plain", TemplateObject([("kind", "a<b")]), theme: theme) == "a&lt;b")
        #expect(partials.render("partials/missing", TemplateObject([("kind", "quote")]), theme: theme) == nil)
    }
}
