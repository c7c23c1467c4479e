/// What `gloss import` was asked to do; the command line fills it in, tests and the benchmark too.
public struct ImportOptions: Sendable {
    /// Folder the article files go into (created when missing).
    public var into: String
    /// Source for articles whose input names none.
    public var source: String?
    /// Publication date for every article, overriding what the inputs say (a page clock may be wrong).
    public var date: String?
    /// Title for a single page (raw text or HTML); the other inputs carry their own.
    public var title: String?
    /// Report everything, write nothing.
    public var dryRun: Bool
    /// Replace an article file that an earlier import of the same article wrote.
    public var force: Bool
    /// Write stub entity files for candidate names not yet in the registry.
    public var addEntities: Bool
    /// Write articles whose text nearly repeats an earlier one's (they are skipped and reported otherwise).
    public var keepDuplicates: Bool
    /// Date for articles without one (written as drafts); nil means today in UTC. Tests pin it.
    public var today: String?

    public init(into: String = "content/articles", source: String? = nil, date: String? = nil, title: String? = nil,
                dryRun: Bool = false, force: Bool = false, addEntities: Bool = false, keepDuplicates: Bool = false, today: String? = nil) {
        self.into = into
        self.source = source
        self.date = date
        self.title = title
        self.dryRun = dryRun
        self.force = force
        self.addEntities = addEntities
        self.keepDuplicates = keepDuplicates
        self.today = today
    }
}
