#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The accumulators of the attendance register, xsv-style: small value types that one
// worker fills from its chunks and that merge into one. Memory grows with the number of
// distinct keys (sessions, delegates, agencies, priority lists, years), never with rows.

// MARK: - Hashing and interning of byte strings

@inline(__always)
func attendanceMix(_ x: UInt64) -> UInt64 {
    var h = x
    h ^= h >> 33; h &*= 0xff51afd7ed558ccd
    h ^= h >> 33; h &*= 0xc4ceb9fe1a85ec53
    h ^= h >> 33
    return h
}

/// A fast non-cryptographic hash of `count` bytes (8 at a time, unaligned loads).
@inline(__always)
func attendanceHash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
    let raw = UnsafeRawPointer(p)
    var h: UInt64 = 0x9E3779B97F4A7C15 &+ UInt64(truncatingIfNeeded: count)
    if count >= 8 {
        var i = 0
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xbf58476d1ce4e5b9
            h ^= h >> 31
            i += 8
        }
        if i < count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* 0x94d049bb133111eb
            h ^= h >> 29
        }
    } else {
        var w: UInt64 = 0
        var i = 0
        while i < count { w |= UInt64(p[i]) << (UInt64(i) &* 8); i += 1 }
        h = (h ^ w) &* 0x94d049bb133111eb
    }
    return attendanceMix(h)
}

/// Byte equality, 8 bytes at a time (keys here are short: a libc call costs more than the compare).
@inline(__always)
func attendanceEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
    var i = 0
    while i + 8 <= n {
        if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
        i += 8
    }
    while i < n { if a[i] != b[i] { return false }; i += 1 }
    return true
}

/// A key of up to 8 bytes as one little-endian word (zero-padded).
@inline(__always)
func attendanceWord(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    var w: UInt64 = 0
    var i = 0
    while i < n { w |= UInt64(p[i]) << (UInt64(i) &* 8); i += 1 }
    return w
}

/// Open-addressing hash table from byte strings to dense ids 0, 1, 2… in order of first insertion.
///
/// Keys live in one arena, so a million short keys cost a few arrays, not a million allocations.
/// A slot is 16 bytes and holds a key of up to 8 bytes itself (delegate and session ids usually
/// are), so looking one up touches a single cache line; longer keys are checked in the arena.
struct ByteInterner: Sendable {
    struct Slot: Sendable {
        /// The key itself (length <= 8), else its hash.
        var word: UInt64
        var id: Int32
        var length: UInt32
    }
    private var arena: [UInt8] = []
    private var starts: [UInt32] = []
    private var lengths: [UInt32] = []
    private var slots: [Slot]
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size * 7 < capacity * 8 { size <<= 1 }
        slots = Array(repeating: Slot(word: 0, id: -1, length: 0), count: size)
        mask = size - 1
    }

    var count: Int { starts.count }

    /// The id of the key, or nil.
    @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> Int32? {
        var i = Int(truncatingIfNeeded: hash >> 7) & mask
        if n <= 8 {
            let word = attendanceWord(p, n), length = UInt32(n)
            return slots.withUnsafeBufferPointer { slots in
                while true {
                    let slot = slots[i]
                    if slot.id < 0 { return nil }
                    if slot.word == word && slot.length == length { return slot.id }
                    i = (i + 1) & mask
                }
            }
        }
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                while true {
                    let slot = slots[i]
                    if slot.id < 0 { return nil }
                    if slot.word == hash && Int(slot.length) == n
                        && attendanceEqual(arena.baseAddress! + Int(starts[Int(slot.id)]), p, n) {
                        return slot.id
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// Loads the slot where a lookup of `hash` starts, so that the lookup that follows finds it in
    /// cache (a software prefetch; the result only keeps the load from being optimised away).
    @inline(__always)
    func touch(hash: UInt64) -> UInt32 {
        slots.withUnsafeBufferPointer { $0[Int(truncatingIfNeeded: hash >> 7) & mask].length }
    }

    /// The id of the key, inserting it if new.
    @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> (id: Int32, inserted: Bool) {
        if let id = find(p, n, hash: hash) { return (id, false) }
        return (insertNew(p, n, hash: hash), true)
    }

    mutating func intern(_ bytes: [UInt8]) -> (id: Int32, inserted: Bool) {
        bytes.withUnsafeBufferPointer { b in
            let p = b.baseAddress ?? UnsafePointer(bitPattern: 1)!
            return intern(p, b.count, hash: attendanceHash(p, b.count))
        }
    }

    func find(_ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBufferPointer { b in
            let p = b.baseAddress ?? UnsafePointer(bitPattern: 1)!
            return find(p, b.count, hash: attendanceHash(p, b.count))
        }
    }

    private mutating func insertNew(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> Int32 {
        // Up to 7/8 full: linear probing stays short with 16-byte slots (4 per cache line), and a
        // table of 200,000 delegates fits 262,144 slots (4 MB) instead of twice that.
        if (starts.count + 1) * 8 > slots.count * 7 { grow() }
        precondition(arena.count + n < Int(UInt32.max), "more than 4 GB of distinct keys")
        let id = Int32(starts.count)
        if arena.isEmpty { arena.reserveCapacity(1024) }
        starts.append(UInt32(arena.count))
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        lengths.append(UInt32(n))
        place(Slot(word: n <= 8 ? attendanceWord(p, n) : hash, id: id, length: UInt32(n)), hash: hash)
        return id
    }

    private mutating func place(_ slot: Slot, hash: UInt64) {
        var i = Int(truncatingIfNeeded: hash >> 7) & mask
        while slots[i].id >= 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    /// Doubles the table, re-placing the slots from the old one (the key is in the slot, or its hash is).
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(word: 0, id: -1, length: 0), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.id >= 0 {
            var word = slot.word
            let hash = slot.length <= 8
                ? withUnsafeBytes(of: &word) { attendanceHash($0.baseAddress!.assumingMemoryBound(to: UInt8.self), Int(slot.length)) }
                : slot.word
            place(slot, hash: hash)
        }
    }

    func key(_ id: Int32) -> [UInt8] { let s = Int(starts[Int(id)]); return Array(arena[s..<s + Int(lengths[Int(id)])]) }
    func string(_ id: Int32) -> String {
        let s = Int(starts[Int(id)])
        return String(decoding: arena[s..<s + Int(lengths[Int(id)])], as: UTF8.self)
    }
    func hash(_ id: Int32) -> UInt64 { withKey(id) { attendanceHash($0, $1) } }

    func withKey<R>(_ id: Int32, _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
        let start = Int(starts[Int(id)]), n = Int(lengths[Int(id)])
        return arena.withUnsafeBufferPointer { a in body((a.baseAddress ?? UnsafePointer(bitPattern: 1)!) + start, n) }
    }
}

/// Growable columns of integers in raw memory, freed when the last copy of their owner goes.
/// Shared by `BitsetStore` (words of bits) and `AgencyPeople` (agency per delegate): both keep
/// copies of `columns` and `capacities` for the hot path and refresh them after `appendColumn`.
final class ColumnArena<Element: FixedWidthInteger>: @unchecked Sendable {
    private(set) var columns: UnsafeMutablePointer<UnsafeMutablePointer<Element>?>
    private(set) var capacities: UnsafeMutablePointer<Int>
    private(set) var count = 0
    private var allocated: Int

    init(initialColumns: Int) {
        allocated = initialColumns
        columns = .allocate(capacity: allocated); capacities = .allocate(capacity: allocated)
    }

    deinit {
        for i in 0..<count { columns[i]?.deallocate() }
        columns.deallocate(); capacities.deallocate()
    }

    /// Adds an empty column and returns its index; `columns` and `capacities` may move.
    func appendColumn() -> Int {
        if count == allocated {
            let n = allocated * 2
            let c = UnsafeMutablePointer<UnsafeMutablePointer<Element>?>.allocate(capacity: n)
            let k = UnsafeMutablePointer<Int>.allocate(capacity: n)
            c.moveInitialize(from: columns, count: count)
            k.moveInitialize(from: capacities, count: count)
            columns.deallocate(); capacities.deallocate()
            columns = c; capacities = k; allocated = n
        }
        columns[count] = nil
        capacities[count] = 0
        count += 1
        return count - 1
    }

    /// Makes column `column` hold at least `length` elements, the new ones zero; capacity at
    /// least doubles and is never below `minimum`. Only that column's storage moves.
    func reserve(_ column: Int, length: Int, minimum: Int) {
        let old = capacities[column]
        guard length > old else { return }
        let n = max(length, old * 2, minimum)
        let p = UnsafeMutablePointer<Element>.allocate(capacity: n)
        if let q = columns[column] { p.moveInitialize(from: q, count: old); q.deallocate() }
        (p + old).initialize(repeating: 0, count: n - old)
        columns[column] = p
        capacities[column] = n
    }
}

/// Sets of small non-negative integers (delegate ids) as growable bitmaps, all in one store.
///
/// Raw memory rather than `[[UInt64]]`: an insert is a shift, a load and an or, without the
/// uniqueness checks of nested arrays. A store belongs to one accumulator and is not shared
/// (copies share the memory, so only the owner mutates it).
struct BitsetStore: @unchecked Sendable {
    private let memory = ColumnArena<UInt64>(initialColumns: 16)
    private var sets: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>?>
    private var capacities: UnsafeMutablePointer<Int>

    init() { sets = memory.columns; capacities = memory.capacities }

    var count: Int { memory.count }

    mutating func make() -> Int32 {
        let index = memory.appendColumn()
        sets = memory.columns; capacities = memory.capacities
        return Int32(index)
    }

    @inline(__always)
    mutating func insert(_ value: Int32, into set: Int32) {
        let w = Int(value) >> 6, s = Int(set)
        if w >= capacities[s] { grow(s, to: w + 1) }
        sets[s].unsafelyUnwrapped[w] |= 1 &<< UInt64(value & 63)
    }

    @inline(never)
    private mutating func grow(_ s: Int, to words: Int) {
        memory.reserve(s, length: words, minimum: 64)
    }

    /// The words of a set (shorter sets are zero beyond their end).
    func words(_ set: Int32) -> UnsafeBufferPointer<UInt64> {
        UnsafeBufferPointer(start: sets[Int(set)], count: capacities[Int(set)])
    }

    func count(_ set: Int32) -> Int64 { words(set).reduce(0) { $0 + Int64($1.nonzeroBitCount) } }

    /// Calls `body` with every member of `set`, in increasing order.
    func forEach(_ set: Int32, _ body: (Int32) -> Void) {
        for (w, word) in words(set).enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                body(Int32(w * 64 + bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
    }

    /// Adds every member of `other`'s `otherSet` (mapped through `remap`) to `set`.
    mutating func formUnion(_ set: Int32, with other: BitsetStore, _ otherSet: Int32, remap: [Int32]) {
        remap.withUnsafeBufferPointer { remap in
            other.forEach(otherSet) { insert(remap[Int($0)], into: set) }
        }
    }

    /// Adds every member of `otherSet` of this store to `set`.
    mutating func formUnion(_ set: Int32, _ otherSet: Int32) {
        let source = words(otherSet)
        guard !source.isEmpty else { return }
        if capacities[Int(set)] < source.count { grow(Int(set), to: source.count) }
        let target = sets[Int(set)]!
        for (i, w) in source.enumerated() { target[i] |= w }
    }

    func union(of ids: [Int32]) -> [UInt64] {
        var out: [UInt64] = []
        for id in ids {
            let words = words(id)
            if out.count < words.count { out.append(contentsOf: repeatElement(0, count: words.count - out.count)) }
            for (i, w) in words.enumerated() { out[i] |= w }
        }
        return out
    }
}

/// Distinct people per agency and year, in two bytes per delegate and year: for each year slot,
/// the agency each delegate first attended for (agency id + 1; 0 = none), plus the rarer other
/// (year, delegate, agency) triples in a set. A bitset per agency and year would cost a bit per
/// delegate for every agency. Copies share memory: only the owning accumulator mutates it.
struct AgencyPeople: @unchecked Sendable {
    struct Triple: Hashable, Sendable { var slot: Int32; var delegate: Int32; var agency: Int32 }
    private let memory = ColumnArena<UInt16>(initialColumns: 8)
    private var columns: UnsafeMutablePointer<UnsafeMutablePointer<UInt16>?>
    private var capacities: UnsafeMutablePointer<Int>
    private var count = 0
    private(set) var overflow = Set<Triple>()

    init() { columns = memory.columns; capacities = memory.capacities }

    @inline(__always)
    mutating func add(slot: Int, delegate: Int32, agency: Int32) {
        if slot >= count || Int(delegate) >= capacities[slot] { grow(slot, Int(delegate)) }
        let value = agency < 65535 ? UInt16(truncatingIfNeeded: agency + 1) : 0
        let column = columns[slot].unsafelyUnwrapped
        let current = column[Int(delegate)]
        if current == value && value != 0 { return }
        if current == 0 && value != 0 { column[Int(delegate)] = value; return }
        overflow.insert(Triple(slot: Int32(slot), delegate: delegate, agency: agency))
    }

    /// Loads a delegate's entry ahead of `add` (see `ByteInterner.touch`).
    @inline(__always)
    func touch(slot: Int, delegate: Int32) -> UInt32 {
        slot < count && Int(delegate) < capacities[slot] ? UInt32(columns[slot].unsafelyUnwrapped[Int(delegate)]) : 0
    }

    @inline(never)
    private mutating func grow(_ slot: Int, _ delegate: Int) {
        while memory.count <= slot { _ = memory.appendColumn() }
        memory.reserve(slot, length: delegate + 1, minimum: 1024)
        columns = memory.columns; capacities = memory.capacities; count = memory.count
    }

    /// Every (delegate, agency) pair of a year slot, once.
    func forEach(slot: Int, _ body: (Int32, Int32) -> Void) {
        if slot < count, let column = columns[slot] {
            for d in 0..<capacities[slot] where column[d] != 0 { body(Int32(d), Int32(column[d]) - 1) }
        }
        for t in overflow where Int(t.slot) == slot { body(t.delegate, t.agency) }
    }
}

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

    var calendarDate: CalendarDate { CalendarDate(year: Int(date / 10000), month: Int(date / 100 % 100), day: Int(date % 100))! }
    var eventKind: TrainingEvent.Kind { kind == 0 ? .course : .conference }
    var eventFormat: TrainingEvent.Format? { format == 0 ? nil : format == 1 ? .faceToFace : .virtual }
}

/// A distinct `priorities` cell: its items as written, and the set of keys that identifies it.
struct PriorityList: Sendable {
    var items: [String]
    /// Sorted, distinct `PriorityCatalog.key`s joined by U+001F: equal lists mean the same priorities.
    var canonical: String
    /// Items the configured catalog does not know, with the closest known name.
    var unknown: [(item: String, closest: String?)]

    init(text: String, catalog: AttendancePriorityCheck) {
        var items: [String] = [], keys: [String] = []
        unknown = []
        for part in text.split(separator: ";") {
            let item = part.trimmingSpaces
            guard !item.isEmpty else { continue }
            let key = PriorityCatalog.key(item)
            if let closest = catalog.unknown(item) { unknown.append((item, closest)); continue }
            if !keys.contains(key) { keys.append(key); items.append(item) }
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

    /// Nil when the name is known (or nothing is configured); else `.some(closest)`.
    func unknown(_ item: String) -> String?? {
        guard catalog.isConfigured else { return nil }
        lock.lock(); defer { lock.unlock() }
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
    deinit { pthread_mutex_destroy(mutex); mutex.deallocate() }
    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
}

// MARK: - One worker's accumulator

/// A row that was rejected, located within the pass; lines are fixed up at the merge.
struct PendingRejection: Sendable {
    struct Problem: Sendable {
        var line: Int32          // relative to the chunk
        var column: Int?
        var message: String
        /// For a session whose details differ: the local session whose reference row the message names.
        var referenceSession: Int32 = -1
    }
    var position: ChunkPosition
    var problems: [Problem]
    var reason: String?          // when there are no diagnostics (the file lacks a column)
    var fields: [String]
}

/// Placeholder in a message for the location of a session's reference row, filled in at the merge.
let attendanceReferencePlaceholder = "\u{1}REF\u{1}"

/// Everything one worker learned from the chunks it parsed. Mergeable (see `AttendanceTotals.merge`).
struct AttendanceAggregate: Sendable {
    /// 56 bytes per session and worker.
    struct Session: Sendable {
        var signature: UInt64 = 0
        var details = SessionDetails(date: CalendarDate(year: 2000, month: 1, day: 1)!, title: -1, kind: .course, format: nil, priorities: -1)
        /// The reference row: the first whose session details are valid.
        var reference = ChunkPosition(chunk: -1, line: -1)
        var registrations: Int32 = 0
        var attendances: Int32 = 0
        /// Index into `groupSets`: the people sets an attended row of this session goes into.
        var group: Int32 = -1
        var yearSlot: Int16 = -1
        var hasReference = false
    }

    struct AgencyYear: Sendable {
        var attendances: Int64 = 0
        var registrations: Int64 = 0
    }

    var sessions = ByteInterner(capacity: 1 << 12)
    var sessionStates: [Session] = []
    var delegates = ByteInterner(capacity: 1 << 14)
    /// Agency spellings as written (trimmed) -> first position.
    var agencies = ByteInterner(capacity: 64)
    var agencyFirst: [ChunkPosition] = []
    /// `agencyYearIndex[agency * yearStride + slot]`: index into `agencyYears`, or -1.
    var agencyYearIndex: [Int32] = []
    var yearStride = 8
    var agencyYears: [AgencyYear] = []
    var titles = ByteInterner(capacity: 256)
    /// Distinct `priorities` cells as written (trimmed).
    var listTexts = ByteInterner(capacity: 64)
    var lists: [PriorityList] = []
    var listFirst: [ChunkPosition] = []
    /// Canonical priority sets: `lists[i]` has canonical id `listCanonical[i]`.
    var canonicals = ByteInterner(capacity: 64)
    var listCanonical: [Int32] = []
    var years: [Int] = []              // start year by slot
    var yearSets: [Int32] = []          // people per year slot
    /// Priority keys (`PriorityCatalog.key`) seen in priority lists.
    var keys = ByteInterner(capacity: 16)
    /// (year slot << 32 | key) -> people who attended a session tagged with it that year.
    var keySets: [Int64: Int32] = [:]
    /// (year slot << 32 | canonical list) -> index into `groupSets`.
    var groups: [Int64: Int32] = [:]
    /// Per group: the year's set, then one set per priority key of the list.
    var groupSets: [[Int32]] = []
    var people = BitsetStore()
    var agencyPeople = AgencyPeople()

    var read = 0, used = 0, rejected = 0
    /// Sink for prefetching loads (see `ByteInterner.touch`).
    var prefetchSink: UInt32 = 0
    /// Rows that took the String-based path (new or unusually written sessions, problems).
    var slowRows = 0
    var chunkLines: [Int32: Int32] = [:]
    var rejections: [PendingRejection] = []
    var rejectionsNotKept = 0
    /// Set when a chunk other than the last ended inside a quoted field: the chunk boundaries were
    /// cut without regard to quotes, and this one fell inside a field with a line break.
    var openQuoteAtChunkEnd = false
    /// Set when the pass must be redone: bytes that are not UTF-8 (or NUL) were found.
    var notUTF8: ChunkPosition?

    mutating func yearSlot(_ startYear: Int) -> Int32 {
        if let i = years.firstIndex(of: startYear) { return Int32(i) }
        years.append(startYear)
        yearSets.append(people.make())
        if years.count > yearStride {
            let stride = yearStride * 2
            var index = [Int32](repeating: -1, count: agencies.count * stride)
            for a in 0..<agencies.count {
                for y in 0..<yearStride { index[a * stride + y] = agencyYearIndex[a * yearStride + y] }
            }
            agencyYearIndex = index
            yearStride = stride
        }
        return Int32(years.count - 1)
    }

    /// The id of an agency spelling, adding it if new.
    @inline(__always)
    mutating func agency(_ p: UnsafePointer<UInt8>, _ n: Int, at position: ChunkPosition) -> Int32 {
        let (id, inserted) = agencies.intern(p, n, hash: attendanceHash(p, n))
        if inserted {
            agencyFirst.append(position)
            agencyYearIndex.append(contentsOf: repeatElement(-1, count: yearStride))
        }
        return id
    }

    /// The group of people sets for sessions of a year slot and canonical priority list.
    mutating func group(slot: Int32, canonical: Int32) -> Int32 {
        let key = Int64(slot) << 32 | Int64(canonical)
        if let g = groups[key] { return g }
        var sets = [yearSets[Int(slot)]]
        let text = canonicals.string(canonical)
        for item in text.split(separator: "\u{1F}") {
            let k = keys.intern(Array(item.utf8)).id
            let setKey = Int64(slot) << 32 | Int64(k)
            if let existing = keySets[setKey] { sets.append(existing) } else {
                let s = people.make()
                keySets[setKey] = s
                sets.append(s)
            }
        }
        groupSets.append(sets)
        groups[key] = Int32(groupSets.count - 1)
        return Int32(groupSets.count - 1)
    }

    /// A used row of a session whose figures the parser keeps in locals (see `ChunkParser.flush`):
    /// the agency's counts and people (the caller adds the delegate to the session's group of sets).
    @inline(__always)
    mutating func countAgency(slot: Int16, agency: Int32, delegate: Int32, attended: Bool) {
        used += 1
        let at = Int(agency) &* yearStride &+ Int(slot)
        var index = agencyYearIndex[at]
        if index < 0 {
            index = Int32(agencyYears.count)
            agencyYearIndex[at] = index
            agencyYears.append(AgencyYear())
        }
        agencyYears[Int(index)].registrations += 1
        guard attended else { return }
        agencyYears[Int(index)].attendances += 1
        agencyPeople.add(slot: Int(slot), delegate: delegate, agency: agency)
    }

    /// A used row, counted straight into the session (the slow path).
    mutating func count(session s: Int, agency: Int32, delegate: Int32, attended: Bool) {
        sessionStates[s].registrations += 1
        if attended { sessionStates[s].attendances += 1 }
        countAgency(slot: sessionStates[s].yearSlot, agency: agency, delegate: delegate, attended: attended)
        if attended { for set in groupSets[Int(sessionStates[s].group)] { people.insert(delegate, into: set) } }
    }
}
