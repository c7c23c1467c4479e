/// The search page's template context (`Templates/search.mustache`). The page itself is static;
/// `assets/search.js` loads the index under `search/` that `SearchIndexBuilder` writes.
struct SearchPage: Hashable { var site: SiteInfo; var page: PageChrome }

extension SiteRenderer {
    func searchPage() -> SearchPage {
        let page = chrome("search/index.html", title: "Search", kind: "search",
                          description: "Search \(info.title): articles, people, organisations, agreements and editors’ notes.",
                          crumbs: [Crumb(title: "Search")])
        return SearchPage(site: info, page: page)
    }
}
