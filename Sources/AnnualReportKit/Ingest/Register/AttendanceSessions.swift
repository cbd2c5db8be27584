#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// What the register says of each session, checked to be the same on every row of it, and
// the locks the workers share.

// MARK: - Session details

/// Where a row is in one pass over a file: the chunk and the line within it (0-based).
/// Ordered like the file. Turned into an absolute line once every chunk's line count is known.
struct ChunkPosition: Hashable, Comparable, Sendable {
    var chunk: Int32
    var line: Int32
    static func < (a: ChunkPosition, b: ChunkPosition) -> Bool { (a.chunk, a.line) < (b.chunk, b.line) }
}

/// The session-level values a row carries, packed; strings are ids into the owner's tables.
struct SessionDetails: Equatable, Sendable {
    /// `yyyymmdd`.
    var date: Int32
    var title: Int32
    /// 0 course, 1 conference.
    var kind: UInt8
    /// 0 none, 1 face-to-face, 2 virtual.
    var format: UInt8
    /// Id of the canonical priority list (the set of priority keys).
    var priorities: Int32

    init(date: CalendarDate, title: Int32, kind: TrainingEvent.Kind, format: TrainingEvent.Format?, priorities: Int32) {
        self.date = Int32(date.year * 10000 + date.month * 100 + date.day)
        self.title = title
        self.kind = kind == .course ? 0 : 1
        self.format = format == nil ? 0 : format == .faceToFace ? 1 : 2
        self.priorities = priorities
    }

    var calendarDate: CalendarDate {
        CalendarDate(year: Int(date / 10000), month: Int(date / 100 % 100), day: Int(date % 100))!
    }
    var eventKind: TrainingEvent.Kind { kind == 0 ? .course : .conference }
    var eventFormat: TrainingEvent.Format? { format == 0 ? nil : format == 1 ? .faceToFace : .virtual }
}

/// A distinct `priorities` cell: its items as written, and the set of keys that identifies it.
struct PriorityList: Sendable {
    var items: [String]
    /// Sorted, distinct `PriorityCatalog.key`s joined by U+001F: equal lists mean the same priorities.
    var canonical: String
    /// The message for each item that is not a priority: one that reaches a person, priorities
    /// joined by commas, or a name the configured catalog does not know (`RowReader.priorityProblem`).
    var problems: [String]

    init(text: String, catalog: AttendancePriorityCheck) {
        var items: [String] = []
        var keys: [String] = []
        problems = []
        for part in text.split(separator: ";") {
            let item = part.trimmingSpaces
            guard !item.isEmpty else { continue }
            let key = PriorityCatalog.key(item)
            if let problem = RowReader.priorityProblem(item, joined: catalog.joined) {
                problems.append(problem)
                continue
            }
            if let closest = catalog.unknown(item) {
                problems.append(RowReader.unknownPriority(item, closest: closest))
                continue
            }
            if !keys.contains(key) {
                keys.append(key)
                items.append(item)
            }
        }
        self.items = items
        canonical = keys.sorted().joined(separator: "\u{1F}")
    }
}

/// Checks priority names against a configured catalog from any thread. Without configured
/// priorities every name is known and resolution waits for the merge, in order of first appearance.
final class AttendancePriorityCheck: @unchecked Sendable {
    private let catalog: PriorityCatalog
    private let lock = PthreadMutex()

    init(catalog: PriorityCatalog) { self.catalog = catalog }

    /// `PriorityCatalog.joined`, from any thread.
    func joined(_ item: String) -> [String]? {
        guard item.contains(where: PriorityCatalog.isJoiner) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return catalog.joined(item)
    }

    /// Nil when the name is known (or nothing is configured); else `.some(closest)`.
    func unknown(_ item: String) -> String?? {
        guard catalog.isConfigured else { return nil }
        lock.lock()
        defer { lock.unlock() }
        switch catalog.resolve(item) {
        case .known: return nil
        case .unknown(let closest): return .some(closest)
        }
    }
}

/// A pthread mutex, so that Ingest needs no Foundation lock types in its hot path.
final class PthreadMutex: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }
    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }
    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
}
