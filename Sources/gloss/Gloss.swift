import ArgumentParser

@main
struct Gloss: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gloss",
        abstract: "Build annotated news digests: articles, notes and entities, cross-linked into a static site.",
        subcommands: [Build.self, Check.self, Serve.self, Init.self, New.self, Publish.self, Import.self]
    )
}
