import GlossContent

/// Long lists are cut into pages at stable addresses — `tags/trade/`, `tags/trade/page/2/`, … —
/// so that no page grows without bound however large the archive gets.
enum Pagination {
    /// Article cards per page (tags, digests).
    static let cards = 50
    /// Lines per page of compact lists (archive, entity and tag indexes, notes).
    static let lines = 400

    /// The pages of `items` cut every `size` (an empty list still has its first page).
    static func pages<Item>(of items: [Item], size: Int, first: Route) -> [Slice<Item>] {
        let count = max(1, (items.count + size - 1) / size)
        return (1...count).map { number in
            let start = (number - 1) * size
            return Slice(number: number, count: count, total: items.count, first: first,
                         items: Array(items[min(start, items.count)..<min(start + size, items.count)]))
        }
    }

    /// One page of a list.
    struct Slice<Item> {
        var number: Int
        /// Pages in the list.
        var count: Int
        /// Items in the whole list.
        var total: Int
        /// The list's first page.
        var first: Route
        var items: [Item]

        var route: Route { first.page(number) }

        /// "Title" on the first page, "Title, page 2" after.
        func title(_ title: String) -> String { number == 1 ? title : "\(title), page \(number)" }

        func pager(_ label: String, on page: PageContext) -> Pager? {
            Pager(label, current: number, count: count, first: first, on: page)
        }
    }
}

extension Route {
    /// Page `number` of a list that starts here: this route itself for page 1.
    func page(_ number: Int) -> Route { number <= 1 ? self : Route(folder: url + "page/\(number)/") }
}

/// Numbered links between the pages of a list, for `partials/pager`: first and last, and the
/// pages around the current one.
struct Pager: Hashable, Encodable {
    struct Link: Hashable, Encodable {
        var number: Int
        var url: String?
        var isCurrent: Bool
        /// A gap in the numbers ("…").
        var isGap: Bool
    }

    /// What the list is, for screen readers: "Pages of Tagged “trade”".
    var label: String
    var current: Int
    var count: Int
    var previousURL: String?
    var nextURL: String?
    var links: [Link]

    /// Pages within this distance of the current one are linked by number.
    static let window = 2

    /// Nil for a list that fits on one page.
    init?(_ label: String, current: Int, count: Int, first: Route, on page: PageContext) {
        guard count > 1 else { return nil }
        let url = { (number: Int) in page.link(to: first.page(number)) }
        self.label = "Pages of " + label
        self.current = current
        self.count = count
        previousURL = current > 1 ? url(current - 1) : nil
        nextURL = current < count ? url(current + 1) : nil
        var links: [Link] = []
        for number in 1...count where number == 1 || number == count || abs(number - current) <= Self.window {
            if let last = links.last, number > last.number + 1 { links.append(Link(number: 0, url: nil, isCurrent: false, isGap: true)) }
            links.append(Link(number: number, url: number == current ? nil : url(number), isCurrent: number == current, isGap: false))
        }
        self.links = links
    }
}

extension Pagination.Slice: Equatable where Item: Equatable {}
extension Pagination.Slice: Sendable where Item: Sendable {}
