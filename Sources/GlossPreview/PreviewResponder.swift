import GlossContent
import HTTPTypes
import Hummingbird

/// Answers every request from the in-memory build: only GET and HEAD, only paths the build
/// produced, `index.html` for folders, the site's `404.html` for the rest, live reload and the
/// error overlay added to HTML, and `Cache-Control: no-store` on everything.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let session: PreviewSession

    func respond(to request: Request, context: Context) async throws -> Response {
        let isHead = request.method == .head
        guard request.method == .get || isHead else {
            var headers = Self.baseHeaders(contentType: "text/plain; charset=utf-8")
            headers[.allow] = "GET, HEAD"
            return Response(status: .methodNotAllowed, headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "405 Method Not Allowed: the preview serves GET and HEAD only\n")))
        }
        let response = answer(target: request.head.path ?? "")
        return isHead ? response.createHeadResponse() : response
    }

    private func answer(target: String) -> Response {
        guard let path = RequestPath(target: target) else { return notFound(session.state.current) }
        if path.segments == ["_gloss", "events"] && !path.isDirectory { return events() }
        let state = session.state.current
        guard let site = state.site else {
            // The first build is still running: a page it has made is served, any other waits for it.
            if let early = state.firstBuild, let bytes = early.contents(path.file) { return file(path.file, bytes, state: state) }
            return notBuilt(state)
        }
        if let bytes = site.contents(path.file) { return file(path.file, bytes, state: state) }
        if path.isDirectory { return notFound(state) }
        let key = path.key
        if site.has(key + "/index.html") {
            // Pages link relatively, so a folder's page must be fetched with its trailing slash.
            var headers = Self.baseHeaders(contentType: "text/plain; charset=utf-8")
            headers[.location] = path.directoryLocation
            return Response(status: .found, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: "302 Found\n")))
        }
        return notFound(state)
    }

    private func file(_ path: String, _ bytes: [UInt8], state: PreviewState, status: HTTPResponse.Status = .ok) -> Response {
        let contentType = ContentTypes.forPath(path)
        var body = bytes
        if ContentTypes.isHTML(contentType) {
            var addition = ""
            if let failure = state.failure { addition += ErrorOverlay.html(failure) }
            addition += LiveReloadScript.html(buildID: state.buildID)
            body = HTMLInjection.insert(addition, into: bytes)
        }
        return Response(status: status, headers: Self.baseHeaders(contentType: contentType),
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The site's own 404 page (with its links home), live reload included, so a page that
    /// comes back (an article restored) reappears by itself.
    private func notFound(_ state: PreviewState) -> Response {
        if let site = state.site, let page = site.files["404.html"] {
            return file("404.html", page, state: state, status: .notFound)
        }
        if state.site == nil { return notBuilt(state) }
        return Response(status: .notFound, headers: Self.baseHeaders(contentType: "text/plain; charset=utf-8"),
                        body: ResponseBody(byteBuffer: ByteBuffer(string: "404 Not Found\n")))
    }

    /// Before the first good build: the diagnostics, or a note that the first build is running,
    /// which asks again every second (pages are served as soon as the first build makes them).
    private func notBuilt(_ state: PreviewState) -> Response {
        let page: String
        let status: HTTPResponse.Status
        if let failure = state.failure {
            page = ErrorOverlay.notBuiltPage(failure, buildID: state.buildID)
            status = .internalServerError
        } else {
            page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="1"><title>Gloss preview: building…</title></head>
            <body><p>Building the site… (this page is shown as soon as it is made)</p>
            \(LiveReloadScript.html(buildID: state.buildID))</body></html>

            """
            status = .serviceUnavailable
        }
        return Response(status: status, headers: Self.baseHeaders(contentType: "text/html; charset=utf-8"),
                        body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    /// `text/event-stream`: `hello` with the current build, then every event of the hub, and a
    /// comment every few seconds that also notices a browser that has gone.
    private func events() -> Response {
        let session = self.session
        var headers = Self.baseHeaders(contentType: "text/event-stream; charset=utf-8")
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        let body = ResponseBody { writer in
            let (id, stream) = await session.hub.subscribe()
            do {
                let current = session.state.current.buildID
                try await writer.write(ByteBuffer(string: "retry: 1000\n\n" + ReloadEvent.hello(buildID: current).wire))
                for await event in stream {
                    try await writer.write(ByteBuffer(string: event.wire))
                }
            } catch {
                await session.hub.unsubscribe(id)
                throw error
            }
            await session.hub.unsubscribe(id)
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    static func baseHeaders(contentType: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return headers
    }
}
