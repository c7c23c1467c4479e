/// Milliseconds from a `ContinuousClock` duration: stage timings, the preview's reports, benchmarks.
extension Duration {
    package var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
