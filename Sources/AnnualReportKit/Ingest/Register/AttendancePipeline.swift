import Foundation

/// The queue of chunks between the reader and the workers, with at most `limit` in flight
/// (which bounds the file pages resident at once).
final class AttendancePipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [AttendanceChunk] = []
    private var head = 0
    private var inFlight = 0
    private let limit: Int
    private var closed = false
    private var rowsDone = 0

    init(limit: Int) { self.limit = limit }

    /// Waits for room, then queues the chunk.
    func push(_ chunk: AttendanceChunk) {
        condition.lock()
        while inFlight >= limit { condition.wait() }
        inFlight += 1
        queue.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    func done(rows: Int) {
        condition.lock()
        inFlight -= 1
        rowsDone += rows
        condition.broadcast()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func pop() -> AttendanceChunk? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count && !closed { condition.wait() }
        guard head < queue.count else { return nil }
        let chunk = queue[head]
        head += 1
        if head > 64 {
            queue.removeFirst(head)
            head = 0
        }
        return chunk
    }

    var rows: Int {
        condition.lock()
        defer { condition.unlock() }
        return rowsDone
    }
}
