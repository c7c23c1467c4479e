import GlossContent
import GlossRender
import Testing
@testable import GlossPublish

@Suite struct MinifierTests {
    @Test func collapsesWhiteSpaceInTextOnly() {
        let html = """
        <!DOCTYPE html>
        <html lang="en">
          <head>
            <meta name="description" content="two  spaces   kept">
          </head>
          <body>
            <!-- a comment -->
            <p>Some    text
               over lines <em>and</em> <strong>words</strong></p>
            <pre>  keep
              this   </pre>
            <script>if (a  <  b) {  x()  }</script>
            <!--[if IE]><p>old</p><![endif]-->
          </body>
        </html>

        """
        #expect(Minifier.minify(html: html) == """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta name="description" content="two  spaces   kept">
        </head>
        <body>
        <p>Some text
        over lines <em>and</em> <strong>words</strong></p>
        <pre>  keep
              this   </pre>
        <script>if (a  <  b) {  x()  }</script>
        <!--[if IE]><p>old</p><![endif]-->
        </body>
        </html>

        """)
    }

    @Test func leavesOtherFilesAlone() {
        let css = OutputFile(path: "assets/gloss.css", text: "a  {  }\n")
        #expect(Minifier.minify([css]) == [css])
    }
}
