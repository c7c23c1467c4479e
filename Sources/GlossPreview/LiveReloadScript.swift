/// The script the preview adds to every HTML page it serves (never to `gloss build` output).
///
/// It listens on `/_gloss/events`: `reload` reloads the page, `css` swaps each same-origin
/// stylesheet for a cache-busted copy (the old one is removed once the new one has loaded, so the
/// page never flashes unstyled), and `hello`, sent on every (re)connection, reloads a page that
/// was built before the current build, so an edit saved between loading the page and connecting,
/// or while the server restarted, is never missed.
enum LiveReloadScript {
    static let eventsPath = "/_gloss/events"

    static func html(buildID: String) -> String {
        """
        <script data-gloss-live-reload>
        (function () {
          var build = "\(buildID)";
          if (!window.EventSource) return;
          function swapStylesheets() {
            var links = document.querySelectorAll('link[rel~="stylesheet"]');
            Array.prototype.forEach.call(links, function (link) {
              var url = new URL(link.getAttribute("href"), location.href);
              if (url.origin !== location.origin) return;
              url.searchParams.set("gloss-reload", String(Date.now()));
              var fresh = link.cloneNode(false);
              fresh.href = url.href;
              fresh.onload = fresh.onerror = function () { link.remove(); };
              link.after(fresh);
            });
          }
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("hello", function (e) { if (e.data !== build) location.reload(); });
          events.addEventListener("reload", function (e) { build = e.data; location.reload(); });
          events.addEventListener("css", function (e) { build = e.data; swapStylesheets(); });
        })();
        </script>

        """
    }
}

/// Inserting the preview's additions into a page.
enum HTMLInjection {
    /// `addition` inserted just before the last `</body>` (any case), or appended when there is none.
    static func insert(_ addition: String, into page: [UInt8]) -> [UInt8] {
        let extra = Array(addition.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(page.count + extra.count)
        if let at = lastBodyClose(in: page) {
            result.append(contentsOf: page[..<at])
            result.append(contentsOf: extra)
            result.append(contentsOf: page[at...])
        } else {
            result.append(contentsOf: page)
            result.append(contentsOf: extra)
        }
        return result
    }

    /// Index of the last `</body` (ASCII case-insensitive), searching from the end: it is almost
    /// always in the last hundred bytes.
    static func lastBodyClose(in page: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        guard page.count >= needle.count else { return nil }
        var start = page.count - needle.count
        while start >= 0 {
            var matches = true
            for offset in 0..<needle.count {
                var byte = page[start + offset]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != needle[offset] { matches = false; break }
            }
            if matches { return start }
            start -= 1
        }
        return nil
    }
}
