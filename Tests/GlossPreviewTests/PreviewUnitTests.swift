import Foundation
import GlossContent
import GlossTestSupport
import Testing
@testable import GlossPreview

@Suite("Preview pieces")
struct PreviewUnitTests {
    /// More folders than inotify may watch: the preview falls back to polling and says how to
    /// raise the limit, instead of failing or silently missing changes.
    @Test func aFullInotifyLimitFallsBackToPollingWithAWarning() throws {
        var warnings: [String] = []
        let watcher = try WatchedFiles.watcher(root: NSTemporaryDirectory(), warn: { warnings.append($0) }) {
            throw WatchLimitReached(folder: "content/articles/2024")
        }
        #expect(watcher is PollingWatcher)
        watcher.stop()
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("content/articles/2024") == true)
        #expect(warnings.first?.contains("sysctl fs.inotify.max_user_watches=") == true)
    }

    @Test("request paths: plain paths resolve, every traversal form is refused")
    func requestPaths() {
        #expect(RequestPath(target: "/")?.key == "")
        #expect(RequestPath(target: "/")?.isDirectory == true)
        #expect(RequestPath(target: "/articles/a/")?.key == "articles/a")
        #expect(RequestPath(target: "/articles/a")?.isDirectory == false)
        #expect(RequestPath(target: "/assets/gloss.css?gloss-reload=1")?.key == "assets/gloss.css")
        #expect(RequestPath(target: "/tags/caf%C3%A9/")?.key == "tags/café")
        let refused = [
            "/../etc/passwd", "/a/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/gloss.yml", "/.%2e/gloss.yml",
            "/..%2f..%2fetc%2fpasswd", "/a%2f..%2f..%2fgloss.yml", "/a\\..\\gloss.yml", "/%5c..%5cgloss.yml", "//etc/passwd",
            "/a//b", "/./index.html", "etc/passwd", "http://127.0.0.1/index.html", "*", "", "/%", "/%zz", "/%00", "/a%00.html",
            "/%ff%fe", "/\u{7f}",
        ]
        for target in refused {
            #expect(RequestPath(target: target) == nil, "\(target) should be refused")
        }
        // Double encoding decodes once: `%2e%2e` is then just an odd file name, never found.
        #expect(RequestPath(target: "/%252e%252e/x")?.segments == ["%2e%2e", "x"])
    }

    @Test("redirect locations are re-encoded and keep the query")
    func redirectLocation() {
        #expect(RequestPath(target: "/articles/a?x=1")?.directoryLocation == "/articles/a/?x=1")
        #expect(RequestPath(target: "/tags/caf%C3%A9")?.directoryLocation == "/tags/caf%C3%A9/")
    }

    @Test("content types")
    func contentTypes() {
        #expect(ContentTypes.forPath("index.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.forPath("assets/gloss.css") == "text/css; charset=utf-8")
        #expect(ContentTypes.forPath("assets/app.js") == "text/javascript; charset=utf-8")
        #expect(ContentTypes.forPath("data/entities.json") == "application/json")
        #expect(ContentTypes.forPath("feed.xml") == "application/xml")
        #expect(ContentTypes.forPath("a/timeline.svg") == "image/svg+xml")
        #expect(ContentTypes.forPath("robots.txt") == "text/plain; charset=utf-8")
        #expect(ContentTypes.forPath("img/A.PNG") == "image/png")
        #expect(ContentTypes.forPath("img/a.jpg") == "image/jpeg")
        #expect(ContentTypes.forPath("LICENSE") == "application/octet-stream")
    }

    @Test("the live-reload script goes before the last </body>, in any case, or at the end")
    func injection() {
        let page = Array("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)
        let injected = String(decoding: HTMLInjection.insert("<X>", into: page), as: UTF8.self)
        #expect(injected == "<html><body><p>&lt;/body&gt;</p><X></BODY></html>")
        let fragment = String(decoding: HTMLInjection.insert("<X>", into: Array("<p>hi</p>".utf8)), as: UTF8.self)
        #expect(fragment == "<p>hi</p><X>")
        let script = LiveReloadScript.html(buildID: "abc-3")
        #expect(script.contains("new EventSource(\"/_gloss/events\")"))
        #expect(script.contains("var build = \"abc-3\""))
        #expect(script.contains("\"css\"") && script.contains("\"reload\"") && script.contains("\"hello\""))
    }

    @Test("the overlay lists every diagnostic with its place, escaped")
    func overlay() {
        let diagnostics = [
            Diagnostic.error("content/articles/<a>.md", line: 3, column: 7, "bad <script>alert('x')</script> & \"more\""),
            Diagnostic.warning("gloss.yml", line: 1, column: 1, "unknown field `tgas`"),
        ]
        let html = ErrorOverlay.html(diagnostics)
        #expect(html.contains("id=\"gloss-error-overlay\""))
        #expect(html.contains("content/articles/&lt;a&gt;.md:3:7"))
        #expect(html.contains("bad &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("gloss.yml:1:1"))
        #expect(html.contains("1 error, 1 warning"))
    }

    @Test("editor temporaries are ignored, content files are not")
    func ignoredNames() {
        for name in [".a.md.swp", "a.md.swp", "a.md~", ".#a.md", "#a.md#", "4913", "a.md___jb_tmp___", ".DS_Store", "a.md.tmp"] {
            #expect(WatchedFiles.isIgnored(name), "\(name)")
        }
        for name in ["a.md", "gloss.css", "layout.mustache", "2018"] {
            #expect(!WatchedFiles.isIgnored(name), "\(name)")
        }
    }

    #if os(Linux)
    /// Symbolic links between folders (a loop, and a second name for a folder) add no watches:
    /// following their paths never ends (`content/articles/again/loop/articles/again/…`), and
    /// the walk once did so, the preview spinning at start or on a save. Nor does a link to a
    /// folder outside the site, which the loader does not read.
    @Test func linkedFoldersAreWatchedOnce() throws {
        let site = try TestSite(TestSite.minimal + "-- content/entities/e.md --\n---\nname: E\n---\n")
        defer { site.remove() }
        let outside = NSTemporaryDirectory() + "gloss-outside-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: outside + "/a/b", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let plain = try FileWatcher(root: site.root)
        let folders = plain.watchCount
        plain.stop()
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/entities/loop", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/articles/again", withDestinationPath: "../entities")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/articles/folder", withDestinationPath: outside)
        // On a thread of its own, so that a walk that never ends fails the test instead of hanging it.
        let started = DispatchSemaphore(value: 0)
        let linked = Locked<FileWatcher?>(nil)
        let root = site.root
        Thread.detachNewThread {
            linked.withLock { $0 = try? FileWatcher(root: root) }
            started.signal()
        }
        try #require(started.wait(timeout: .now() + 20) == .success, "the watcher did not finish walking the folders")
        let watcher = try #require(linked.withLock { $0 })
        defer { watcher.stop() }
        #expect(watcher.watchCount == folders)
    }
    #endif

    @Test("changes between builds, and when only stylesheets changed")
    func changes() {
        let old = SiteSnapshot([.init(path: "a.html", text: "a"), .init(path: "x.css", text: "1"), .init(path: "gone.html", text: "g")])
        let new = SiteSnapshot([.init(path: "a.html", text: "a"), .init(path: "x.css", text: "2"), .init(path: "b.html", text: "b")])
        let changes = new.changes(since: old)
        #expect(changes == SiteChanges(added: ["b.html"], updated: ["x.css"], removed: ["gone.html"]))
        #expect(!changes.isStylesheetsOnly)
        #expect(SiteChanges(added: [], updated: ["x.css"], removed: []).isStylesheetsOnly)
        #expect(!SiteChanges(added: [], updated: [], removed: []).isStylesheetsOnly)
    }

    @Test("loopback hosts, and the port-in-use message")
    func hostsAndErrors() {
        #expect(PreviewOptions(source: ".").isLoopback)
        #expect(PreviewOptions(source: ".", host: "localhost").isLoopback)
        #expect(PreviewOptions(source: ".", host: "::1").isLoopback)
        #expect(!PreviewOptions(source: ".", host: "0.0.0.0").isLoopback)
        #expect(!PreviewOptions(source: ".", host: "192.168.1.10").isLoopback)
        let message = PreviewError.portInUse(host: "127.0.0.1", port: 8000).description
        #expect(message.contains("8000") && message.contains("--port"))
        #expect(PreviewServer.url(host: "::1", port: 8000) == "http://[::1]:8000/")
        #expect(PreviewServer.url(host: "0.0.0.0", port: 80) == "http://127.0.0.1:80/")
    }
}
