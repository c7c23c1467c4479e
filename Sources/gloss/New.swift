import ArgumentParser
import Foundation
import GlossContent

/// `gloss new <kind>`: one subcommand per kind of content file. To add one, write its command
/// below and list it in `subcommands`.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a content file, correctly named, with the front matter to fill in. Prints its path.",
        subcommands: [NewArticle.self, NewEntity.self, NewAnnotation.self])
}

/// Options every `gloss new` subcommand takes.
struct NewFileOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holding gloss.yml).")
    var source = "."

    /// Runs a writer, prints the new file's path on standard output (so `$EDITOR "$(gloss new …)"`
    /// works), and turns scaffold errors into exit status 1.
    func create(_ write: (String) throws -> String) throws {
        do {
            let path = try write(source)
            print(source == "." ? path : (source as NSString).appendingPathComponent(path))
        } catch let error as SiteScaffold.ScaffoldError {
            Report.line("error: \(error)")
            throw ExitCode(1)
        }
    }
}

struct NewArticle: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "article", abstract: "Add content/articles/<slug>.md.")

    @Argument(help: "The article's title; the file name is made from it.")
    var title: String

    @Option(name: .long, help: "The article's date, YYYY-MM-DD (default: today).")
    var date: String?

    @Flag(name: .long, help: "Mark it `draft: true` (left out unless --drafts).")
    var draft = false

    @OptionGroup var options: NewFileOptions

    func validate() throws {
        if let date, date.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
            throw ValidationError("--date must be YYYY-MM-DD")
        }
    }

    func run() throws {
        try options.create { try SiteScaffold.newArticle(title: title, in: $0, date: date ?? SiteScaffold.today(), draft: draft) }
    }
}

struct NewEntity: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "entity", abstract: "Add content/entities/<slug>.md.")

    @Argument(help: "The entity's name; the file name is made from it.")
    var name: String

    @Option(name: .long, help: "person, organization, place, agreement, event, topic or other.")
    var kind: String = "other"

    @Option(name: .long, help: "Another name to link (repeatable).")
    var alias: [String] = []

    @OptionGroup var options: NewFileOptions

    func validate() throws {
        guard Entity.Kind(rawValue: kind) != nil else {
            throw ValidationError("--kind must be one of: \(Entity.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let kind = Entity.Kind(rawValue: kind) ?? .other
        try options.create { try SiteScaffold.newEntity(name: name, kind: kind, aliases: alias, in: $0) }
    }
}
