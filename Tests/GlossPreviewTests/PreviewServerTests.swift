import Foundation
import GlossTestSupport
import Testing
@testable import GlossPreview

/// `gloss serve` end to end, in process: a real server on a free port, real files edited on
/// disk, answers read from a raw socket. Every wait has a deadline, so a hang fails the test
/// instead of stalling the run.
@Suite("Preview server", .serialized, .timeLimit(.minutes(2)))
struct PreviewServerTests {
    /// Counts builds (the initial one included).
    final class Builds: @unchecked Sendable {
        private let lock = NSLock()
        private var reports: [RebuildReport] = []
        func add(_ report: RebuildReport) { lock.lock(); reports.append(report); lock.unlock() }
        var all: [RebuildReport] { lock.lock(); defer { lock.unlock() }; return reports }
        var count: Int { all.count }
    }

    func withPreview(_ archive: String = TestSite.minimal, heartbeat: Duration = .seconds(15), builds: Builds? = nil,
                     _ body: (TestSite, RunningPreview) async throws -> Void) async throws {
        let site = try TestSite(archive)
        defer { site.remove() }
        let options = PreviewOptions(source: site.root, port: 0, heartbeat: heartbeat, onRebuild: { builds?.add($0) })
        let preview = try await PreviewServer.start(options)
        do {
            try await body(site, preview)
        } catch {
            try? await preview.stop()
            throw error
        }
        try await preview.stop()
    }

    /// Polls until `condition` holds, for at most `timeout` seconds.
    func eventually(timeout: Double = 10, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    @Test("serves pages, assets and data with their types, no-store, and the live-reload script")
    func servesTheBuild() async throws {
        try await withPreview { _, preview in
            let home = try await TestHTTP.get(preview.port, "/")
            #expect(home.status == 200)
            #expect(home.header("content-type") == "text/html; charset=utf-8")
            #expect(home.header("cache-control") == "no-store")
            #expect(home.text.contains("First article"))
            #expect(home.text.contains("new EventSource(\"/_gloss/events\")"))
            #expect(home.text.range(of: "<script data-gloss-live-reload>")!.lowerBound < home.text.range(of: "</body>")!.lowerBound)

            let css = try await TestHTTP.get(preview.port, "/assets/gloss.css")
            #expect(css.status == 200 && css.header("content-type") == "text/css; charset=utf-8")
            #expect(css.header("cache-control") == "no-store")
            #expect(!css.text.contains("EventSource"))
            let json = try await TestHTTP.get(preview.port, "/data/entities.json")
            #expect(json.status == 200 && json.header("content-type") == "application/json")

            let article = try await TestHTTP.get(preview.port, "/articles/first/")
            #expect(article.status == 200 && article.text.contains("Shinzo Abe"))
            let index = try await TestHTTP.get(preview.port, "/articles/first/index.html")
            #expect(index.status == 200)
            let bare = try await TestHTTP.get(preview.port, "/articles/first?x=1")
            #expect(bare.status == 302 && bare.header("location") == "/articles/first/?x=1")

            let head = try await TestHTTP.request(port: preview.port, method: "HEAD", target: "/")
            #expect(head.status == 200 && head.body.isEmpty)
            #expect(head.header("content-length") == String(home.body.count))
        }
    }

    @Test("the first build's pages are served as soon as each is made, before the whole site is built")
    func servesTheFirstBuildAsItGoes() async throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        // Enough articles that the rest of the build (their pages, the feeds, the search index,
        // the link check) long outlasts the home page, which is rendered first.
        let paragraph = String(repeating: "Shinzo Abe met Donald Trump in New York to talk about trade and tariffs. ", count: 20)
        for number in 0..<400 {
            try site.write("content/articles/a\(number).md", "---\ntitle: Article \(number)\ndate: 2024-05-01\ntags: [t\(number % 40)]\n---\n\(paragraph)\n\n\(paragraph)\n")
        }
        let early = Locked<[(status: Int, text: String)]>([])
        let polling = Locked<Task<Void, Never>?>(nil)
        let options = PreviewOptions(source: site.root, port: 0, onListening: { url in
            let port = Int(url.split(separator: ":").last!.dropLast())!
            polling.withLock {
                $0 = Task {
                    // Asks for the home page until it comes, noting every answer.
                    while !Task.isCancelled {
                        if let reply = try? await TestHTTP.get(port, "/") {
                            early.withLock { $0.append((reply.status, reply.text)) }
                            if reply.status == 200 { return }
                        }
                        try? await Task.sleep(for: .milliseconds(5))
                    }
                }
            }
        })
        let preview = try await PreviewServer.start(options)
        defer { polling.current?.cancel() }
        let finished = try await TestHTTP.get(preview.port, "/")
        try await preview.stop()
        let answers = early.current
        // The first build's pages carry its build ID (`…-0`); once it is published the pages
        // carry the next one, so a home page with `-0` was served while the build was running.
        let firstID = try #require(finished.text.firstMatch(of: /var build = "([a-z0-9]+)-1"/)).1
        let home = try #require(answers.last)
        #expect(home.status == 200 && home.text.contains("var build = \"\(firstID)-0\""), "the home page came only with the whole site")
        #expect(home.text.contains("Test Digest"))
        // Before it was made, the home page was "building", asking again every second: never a 404.
        for answer in answers.dropLast() {
            #expect(answer.status == 503 && answer.text.contains("http-equiv=\"refresh\""), "\(answer.status)")
        }
        // What was served early is what the finished build serves.
        #expect(home.text.replacingOccurrences(of: "\(firstID)-0", with: "\(firstID)-1") == finished.text)
    }

    @Test("an unknown path gets the site's 404 page, status 404, with a link home and live reload")
    func notFound() async throws {
        try await withPreview { _, preview in
            let missing = try await TestHTTP.get(preview.port, "/articles/nope/")
            #expect(missing.status == 404)
            #expect(missing.header("content-type") == "text/html; charset=utf-8")
            #expect(missing.text.contains("Page not found"))
            #expect(missing.text.contains("href=\"/\""))
            #expect(missing.text.contains("/_gloss/events"))
        }
    }

    @Test("every traversal attempt gets 404; nothing outside the build is served")
    func traversal() async throws {
        try await withPreview { site, preview in
            try site.write("secret.txt", "TOP SECRET")
            let attempts = [
                "/../../../../etc/passwd", "/..", "/../gloss.yml", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/gloss.yml",
                "/.%2e/gloss.yml", "/%2e./gloss.yml", "/..%2f..%2fetc%2fpasswd", "/articles/..%2f..%2fgloss.yml",
                "/articles/%2e%2e/%2e%2e/gloss.yml", "/articles\\..\\..\\gloss.yml", "/%5c..%5c..%5cgloss.yml",
                "/articles/first/..\\..\\..\\gloss.yml", "//etc/passwd", "//gloss.yml", "/%2fetc/passwd",
                "/%252e%252e/gloss.yml", "/gloss.yml", "/secret.txt", "/content/articles/first.md", "/etc/passwd",
                "/index.html%00.css", "/./index.html", "/articles/./first/",
            ]
            for target in attempts {
                let reply = try await TestHTTP.get(preview.port, target)
                #expect(reply.status == 404, "\(target) → \(reply.status)")
                #expect(!reply.text.contains("root:") && !reply.text.contains("TOP SECRET") && !reply.text.contains("title: Test Digest"),
                        "\(target) leaked")
            }
            // Absolute-form request targets too.
            let absolute = try await TestHTTP.get(preview.port, "http://127.0.0.1/../gloss.yml")
            #expect(absolute.status == 404 || absolute.status == 400)
        }
    }

    @Test("a symlink in Templates/assets to a file outside the site is not served")
    func symlinkOutOfTheSite() async throws {
        let outside = NSTemporaryDirectory() + "gloss-outside-\(UUID().uuidString).txt"
        try "OUTSIDE SECRET".write(toFile: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try FileManager.default.createDirectory(atPath: site.root + "/Templates/assets", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root + "/Templates/assets/leak.txt", withDestinationPath: outside)
        try site.write("Templates/assets/inside.txt", "fine")
        let preview = try await PreviewServer.start(PreviewOptions(source: site.root, port: 0))
        let leak = try await TestHTTP.get(preview.port, "/assets/leak.txt")
        let inside = try await TestHTTP.get(preview.port, "/assets/inside.txt")
        try await preview.stop()
        #expect(leak.status == 404 && !leak.text.contains("OUTSIDE SECRET"))
        #expect(inside.status == 200 && inside.text == "fine")
    }

    @Test("only GET and HEAD: other methods get 405 with Allow")
    func methods() async throws {
        try await withPreview { _, preview in
            for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
                let reply = try await TestHTTP.request(port: preview.port, method: method, target: "/")
                #expect(reply.status == 405, "\(method)")
                #expect(reply.header("allow") == "GET, HEAD")
            }
        }
    }

    @Test("editing an article sends reload over SSE, and the page shows the edit")
    func liveReload() async throws {
        try await withPreview { site, preview in
            let events = try await TestEventStream(port: preview.port)
            defer { events.close() }
            let hello = try #require(try await events.next())
            #expect(hello.name == "hello")
            let page = try await TestHTTP.get(preview.port, "/articles/first/")
            #expect(page.text.contains("var build = \"\(hello.data)\""))

            try site.write("content/articles/first.md", """
            ---
            title: First article
            date: 2024-05-01
            tags: [trade]
            ---
            Shinzo Abe met Donald Trump in Osaka, freshly edited.
            """)
            let reload = try await events.next(named: "reload")
            #expect(reload.data != hello.data)
            let edited = try await TestHTTP.get(preview.port, "/articles/first/")
            #expect(edited.text.contains("freshly edited"))
            #expect(edited.text.contains("var build = \"\(reload.data)\""))
        }
    }

    @Test("a CSS-only change sends `css`, not `reload`")
    func stylesheetOnly() async throws {
        let archive = TestSite.minimal + "\n-- Templates/assets/gloss.css --\nbody { color: black; }\n"
        try await withPreview(archive) { site, preview in
            let events = try await TestEventStream(port: preview.port)
            defer { events.close() }
            _ = try await events.next(named: "hello")
            try site.write("Templates/assets/gloss.css", "body { color: rebeccapurple; }\n")
            let event = try #require(try await events.next())
            #expect(event.name == "css")
            let css = try await TestHTTP.get(preview.port, "/assets/gloss.css?gloss-reload=1")
            #expect(css.text.contains("rebeccapurple"))
        }
    }

    @Test("a broken file keeps the last good build with an overlay; fixing it clears the overlay")
    func errorOverlay() async throws {
        try await withPreview { site, preview in
            let events = try await TestEventStream(port: preview.port)
            defer { events.close() }
            _ = try await events.next(named: "hello")
            let good = site.read("content/articles/first.md")!
            try site.write("content/articles/first.md", "---\ntitle: [unclosed\ndate: 2024-05-01\n---\nBroken <b>now</b>.\n")
            _ = try await events.next(named: "reload")
            for target in ["/", "/articles/first/", "/entities/shinzo-abe/", "/nope/"] {
                let page = try await TestHTTP.get(preview.port, target)
                #expect(page.text.contains("id=\"gloss-error-overlay\""), "\(target)")
                #expect(page.text.contains("content/articles/first.md:"), "\(target)")
            }
            let stale = try await TestHTTP.get(preview.port, "/articles/first/")
            #expect(stale.status == 200 && stale.text.contains("Shinzo Abe met Donald Trump"))   // last good build

            try site.write("content/articles/first.md", good)
            _ = try await events.next(named: "reload")
            let fixed = try await TestHTTP.get(preview.port, "/articles/first/")
            #expect(!fixed.text.contains("gloss-error-overlay"))
            #expect(fixed.status == 200)
        }
    }

    @Test("deleting the article being viewed gives the 404 page; restoring it brings it back")
    func deletedArticle() async throws {
        try await withPreview { site, preview in
            let events = try await TestEventStream(port: preview.port)
            defer { events.close() }
            _ = try await events.next(named: "hello")
            let text = site.read("content/articles/first.md")!
            try FileManager.default.removeItem(atPath: site.root + "/content/articles/first.md")
            _ = try await events.next(named: "reload")
            let gone = try await TestHTTP.get(preview.port, "/articles/first/")
            #expect(gone.status == 404 && gone.text.contains("Page not found") && gone.text.contains("href=\"/\""))
            try site.write("content/articles/first.md", text)
            _ = try await events.next(named: "reload")
            #expect(try await TestHTTP.get(preview.port, "/articles/first/").status == 200)
        }
    }

    @Test("deleting an article that has notes (so the build fails) still gives 404, with the overlay saying why")
    func deletedArticleWithNotes() async throws {
        let archive = TestSite.minimal + """

        -- content/annotations/first/context.md --
        ---
        quote: "met Donald Trump"
        ---
        A note.
        """
        try await withPreview(archive) { site, preview in
            let events = try await TestEventStream(port: preview.port)
            defer { events.close() }
            _ = try await events.next(named: "hello")
            #expect(try await TestHTTP.get(preview.port, "/articles/first/").text.contains("note-first--context"))
            try FileManager.default.removeItem(atPath: site.root + "/content/articles/first.md")
            _ = try await events.next(named: "reload")
            let gone = try await TestHTTP.get(preview.port, "/articles/first/")
            #expect(gone.status == 404 && gone.text.contains("Page not found"))
            #expect(gone.text.contains("gloss-error-overlay") && gone.text.contains("content/annotations/first/context.md"))
            // Other pages of the last good build are still served, with the overlay.
            let home = try await TestHTTP.get(preview.port, "/")
            #expect(home.status == 200 && home.text.contains("gloss-error-overlay"))
        }
    }

    @Test("a site that fails its first build shows the diagnostics, then the site once fixed")
    func initialFailure() async throws {
        let archive = TestSite.minimal.replacingOccurrences(of: "title: First article", with: "title: [First article")
        try await withPreview(archive) { site, preview in
            let page = try await TestHTTP.get(preview.port, "/")
            #expect(page.status == 500)
            #expect(page.text.contains("gloss-error-overlay") && page.text.contains("content/articles/first.md:"))
            let events = try await TestEventStream(port: preview.port)
            defer { events.close() }
            _ = try await events.next(named: "hello")
            try site.write("content/articles/first.md", "---\ntitle: First article\ndate: 2024-05-01\n---\nFixed.\n")
            _ = try await events.next(named: "reload")
            let fixed = try await TestHTTP.get(preview.port, "/")
            #expect(fixed.status == 200 && !fixed.text.contains("gloss-error-overlay"))
        }
    }

    @Test("a burst of saves is one rebuild; editor temporaries cause none")
    func debounce() async throws {
        let builds = Builds()
        try await withPreview(builds: builds) { site, _ in
            #expect(builds.count == 1)
            for index in 0..<5 {
                try site.write("content/articles/first.md", "---\ntitle: First article\ndate: 2024-05-01\n---\nVersion \(index).\n")
            }
            #expect(try await eventually { builds.count >= 2 })
            try await Task.sleep(for: .milliseconds(400))
            #expect(builds.count == 2)
            #expect(builds.all.last?.trigger == ["content/articles/first.md"])

            for name in [".first.md.swp", "first.md~", "4913", ".#first.md"] {
                try site.write("content/articles/" + name, "scratch")
            }
            try FileManager.default.removeItem(atPath: site.root + "/content/articles/4913")
            try await Task.sleep(for: .milliseconds(500))
            #expect(builds.count == 2)
        }
    }

    @Test("new folders are watched: an article saved in one appears")
    func newFolders() async throws {
        try await withPreview { site, preview in
            let events = try await TestEventStream(port: preview.port)
            defer { events.close() }
            _ = try await events.next(named: "hello")
            try FileManager.default.createDirectory(atPath: site.root + "/content/articles/2024/05", withIntermediateDirectories: true)
            try await Task.sleep(for: .milliseconds(300))   // the new folder alone rebuilds (nothing changes)
            try site.write("content/articles/2024/05/second.md", "---\ntitle: Second article\ndate: 2024-05-02\n---\nMore news.\n")
            #expect(try await eventually { try await TestHTTP.get(preview.port, "/articles/second/").status == 200 })
            try site.write("content/articles/2024/05/second.md", "---\ntitle: Second article\ndate: 2024-05-02\n---\nEdited in a new folder.\n")
            #expect(try await eventually { try await TestHTTP.get(preview.port, "/articles/second/").text.contains("Edited in a new folder") })
            // gloss.yml is watched as well.
            try site.write("gloss.yml", "title: Renamed Digest\n")
            #expect(try await eventually { try await TestHTTP.get(preview.port, "/").text.contains("Renamed Digest") })
        }
    }

    @Test("a port in use is a clear error naming the port")
    func portInUse() async throws {
        try await withPreview { site, preview in
            await #expect(throws: PreviewError.portInUse(host: "127.0.0.1", port: preview.port)) {
                let second = try await PreviewServer.start(PreviewOptions(source: site.root, port: preview.port))
                try await second.stop()
            }
            // The first server is unharmed.
            let home = try await TestHTTP.get(preview.port, "/")
            #expect(home.status == 200)
        }
    }

    @Test("event-stream clients are removed when they disconnect, and stopping ends open streams")
    func clientsCleanedUp() async throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        let preview = try await PreviewServer.start(PreviewOptions(source: site.root, port: 0, heartbeat: .milliseconds(100)))
        let first = try await TestEventStream(port: preview.port)
        let second = try await TestEventStream(port: preview.port)
        _ = try await first.next(named: "hello")
        _ = try await second.next(named: "hello")
        #expect(try await eventually { await preview.hub.clientCount == 2 })
        let ping = try await second.next(includingComments: true)
        #expect(ping?.name == "comment")
        first.close()
        #expect(try await eventually { await preview.hub.clientCount == 1 })

        let clock = ContinuousClock()
        let started = clock.now
        try await preview.stop()
        #expect(clock.now - started < .seconds(4))
        #expect(try await second.isEnded(timeout: 5))
        second.close()
    }
}
