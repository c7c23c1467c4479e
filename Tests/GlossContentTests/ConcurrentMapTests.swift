import Dispatch
import GlossContent
import Testing

/// The helpers that spread a stage's passes over the cores: results in order, and work started
/// in the background really running beside its caller.
@Suite struct ConcurrentMapTests {
    @Test func mapsKeepTheirOrder() {
        let numbers = Array(0..<1_000)
        #expect(numbers.concurrentMap { $0 * 2 } == numbers.map { $0 * 2 })
        #expect(numbers.concurrentMapBalanced { $0 * 3 } == numbers.map { $0 * 3 })
        #expect(numbers.concurrentChunks { $0.map { $0 + 1 } } == numbers.map { $0 + 1 })
    }

    @Test func backgroundWorkStartsAtOnceAndGivesItsResultToEveryReader() {
        let started = DispatchSemaphore(value: 0)
        let work = BackgroundWork { () -> [Int] in
            started.signal()
            return Array(0..<100)
        }
        // Signalled before anyone asked for the value: the work began on its own thread.
        #expect(started.wait(timeout: .now() + 30) == .success)
        #expect(work.value == Array(0..<100))
        #expect(work.value == Array(0..<100))
    }
}
