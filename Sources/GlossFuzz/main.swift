import Foundation

// Two builds, one file of declarations only, because SwiftPM compiles this target differently:
// - `make fuzz` builds it with --sanitize=fuzzer (as a library): libFuzzer's own main runs and
//   calls the two functions below; GLOSS_FUZZ_TARGET picks the target.
// - a plain `swift build` compiles this file as the program's main file, where the global below
//   is initialised at start-up: a replayer, `GlossFuzz TARGET FILE_OR_FOLDER...`, for running a
//   crash input in a debugger without sanitizers.

/// The target the libFuzzer build runs.
nonisolated(unsafe) var selectedTarget: FuzzTarget?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
    let name = ProcessInfo.processInfo.environment["GLOSS_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget.named(name) else {
        FileHandle.standardError.write(Data("GlossFuzz: set GLOSS_FUZZ_TARGET to one of:\n\(FuzzTarget.list)\n".utf8))
        exit(2)
    }
    selectedTarget = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selectedTarget?.run(bytes)
    return 0
}

let replayed: Void = FuzzTarget.replay(Array(CommandLine.arguments.dropFirst()))
