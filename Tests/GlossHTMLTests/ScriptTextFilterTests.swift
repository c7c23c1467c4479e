import Foundation
import Testing
@testable import GlossHTML

/// `ScriptTextFilter` may only make parsing faster: the tree gumbo builds from the filtered page is
/// the tree it builds from the page, node for node, line for line.
@Suite struct ScriptTextFilterTests {
    static let pages: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../ImportEval/pages").standardizedFileURL

    func filtered(_ html: String) -> String? {
        var html = html
        return html.withUTF8 { ScriptTextFilter.filtered($0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    func expectSameTree(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(html.utf8)
        #expect(HTMLDocument.parse(bytes: bytes).nodes == HTMLDocument.parse(bytes: bytes, filteringScripts: false).nodes,
                sourceLocation: sourceLocation)
    }

    @Test func theSavedPagesOfTheEvaluationSetParseToTheSameTree() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.pages.path).sorted()
        #expect(folders.count >= 70)
        var removed = 0, total = 0
        for folder in folders {
            let bytes = try [UInt8](Data(contentsOf: Self.pages.appendingPathComponent(folder + "/source.html")))
            let fast = HTMLDocument.parse(bytes: bytes), plain = HTMLDocument.parse(bytes: bytes, filteringScripts: false)
            #expect(fast.nodes == plain.nodes, "\(folder)")
            #expect(fast.encoding == plain.encoding, "\(folder)")
            total += bytes.count
            removed += bytes.count - (bytes.withUnsafeBufferPointer { ScriptTextFilter.filtered($0) }?.count ?? bytes.count)
        }
        // It is there to remove most of the program text (about 63% of these pages' bytes are script and style).
        #expect(Double(removed) / Double(total) > 0.4, "removed \(removed) of \(total) bytes")
    }

    @Test func programTextGoesLineBreaksAndDataStay() throws {
        let page = "<head><script src=a.js>var a = 1;\nvar b = \"</scr\" + \"ipt>\";\r\n</script><style>p { color: red }</style>"
            + "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\"}</script></head><body><p>Text</p>"
        #expect(filtered(page) == "<head><script src=a.js>\n\n</script><style></style>"
            + "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\"}</script></head><body><p>Text</p>")
        expectSameTree(page)
        #expect(filtered("<p>No scripts here</p>") == nil)
    }

    /// What only looks like a script is left alone: text inside a title, a textarea, a comment or
    /// a quoted attribute, and everything after what the filter does not follow.
    @Test func whatOnlyLooksLikeAScriptIsLeftAlone() {
        let cases = [
            "<title>How to use <script> tags</title><p>Body</p><script>x()</script><p>After</p>",
            "<textarea><script>not code</script></textarea><p>Body</p>",
            "<!-- <script> --><p>Body</p><script>x()</script>",
            "<!--><script>a()</script><!---><script>b()</script><!-- -- --!><p>P</p>",
            "<div title=\"<script>\" data-x='>'>Text</div><script>x()</script><p>After</p>",
            "<p>a < b and c <d</p><script>x()</script>",
            "<svg><script>var s = 1;</script><style>x</style></svg><script>y()</script>",
            "<math><mi><script>1</script></mi></math>",
            "<svg viewBox=\"0 0 1 1\"><title>Share</title><style>.a{fill:red}</style><path d=\"M0\"/></svg><script>y()</script><p>After</p>",
            "<svg><title><style>x</style></title></svg><script>y()</script>",
            "<svg><foreignObject><script>x()</script></foreignObject></svg><script>y()</script>",
            "<svg><![CDATA[ </svg> <script> ]]></svg><script>y()</script><p>After</p>",
            "<svg><g><p>leaves svg</p></g></svg><script>y()</script>",
            "<svg/><script>y()</script><math><svg></svg></math><style>z</style>",
            "<svg a=b/><script>y()</script></svg><script>z()</script>",
            "<span><svg><g></span><script>if (a<b) { c = \"<!--\" }</script><p>Out</p></svg><style>x</style>",
            "<svg><![cdata[ </svg> ]]><script>y()</script>",
            "<script><!-- document.write(\"<script>y()</script>\"); --></script><p>After</p>",
            "<script><!-- legacy(); --></script><p>After</p>",
            "<plaintext><script>x</script>",
            "<frameset><script>x</script></frameset>",
            "<noscript><style>x</style><img src=a.png></noscript><p>After</p>",
            // Found by the import-html fuzzer: what a `<noscript>` holds is markup, so an RCDATA
            // element or a comment in it can hide its end tag.
            "<noscript><textarea></noscript><script>y",
            "<head><noscript><title></noscript><script>x</script></title></noscript></head><script>z()</script>",
            "<head><noscript><!-- </noscript><script>x</script> --></noscript></head><style>z</style>",
            "<body><noscript><textarea></noscript><script>y</script></textarea></noscript><script>z()</script>",
            "<body><noscript><!-- </noscript><script>x</script> --></noscript><p>After</p><style>z</style>",
            "<body><noscript><script>x</script><p>In</p></noscript><script>y()</script>",
            "<body><noscript><iframe src=a><script>x</script></iframe></noscript><script>y()</script>",
            "<meta><script>\rl\n</script><p>Line 3</p>",  // also the fuzzer's: a lone \r is a line break
            "<script>a\r\nb\rc\n\r</script><p>Line 5</p><style>\r\r\n</style><p>Line 7</p>",
            "<iframe><script>x</script></iframe><xmp><style>y</style></xmp><p>After</p>",
            "<script>unclosed(); <p>never a paragraph",
            "<SCRIPT>UPPER()</SCRIPT ><Style>p{}</sTyle/><p>After</p>",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\"><?xml x?></ ><p>After</p><script>x()</script>",
            "<select><script>a()</script><textarea><script>b()</script></textarea></select><template><script>c()</script></template>",
            "<select><option>A<style>a<b>c</style><title>t<i>x</i></title></select><style>p{}</style><p>After</p>",
            "<table><tr><td><select><option>A</td></tr></table><style>p{}</style><select></select><style>q{}</style>",
            "<p>caf\u{E9} \u{1F600}</p><script>\u{E9}\u{1F600}</script><p title=\u{E9}>x</p>",
            // The fuzzer's again: gumbo leaves `<math>` open after an end tag with more than its name.
            "<math><mi>x</mi></math a title</title>\n<script>var a = \"</scr\" + \"ipt>\"; if (a < b) {}</scr><svg/><iframe><script>z</script></iframe>",
        ]
        for html in cases { expectSameTree(html) }
        #expect(filtered("<title>How to use <script> tags</title><p>Body</p><script>x()</script>")?.contains("<script> tags") == true)
        #expect(filtered("<svg><path/><title>Share</title></svg><script>y()</script>") == "<svg><path/><title>Share</title></svg><script></script>")
        #expect(filtered("<svg><g><p>leaves svg</p></g></svg><script>y()</script>") == nil)
        #expect(filtered("<svg><g><path d=\"M0\"></g></svg><script>y()</script>") == nil)  // </g> while <path> is open: stop
        #expect(filtered("<script><!-- document.write(\"<script>y()</script>\"); --></script><script>z()</script>") == nil)
    }
}
