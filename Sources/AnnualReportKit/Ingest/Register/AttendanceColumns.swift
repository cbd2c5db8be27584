#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Raw-memory columns of the register's accumulators: who attended in which year and
// priority (bitsets), and each delegate's agency.

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
        columns = .allocate(capacity: allocated)
        capacities = .allocate(capacity: allocated)
    }

    deinit {
        for i in 0..<count { columns[i]?.deallocate() }
        columns.deallocate()
        capacities.deallocate()
    }

    /// Adds an empty column and returns its index; `columns` and `capacities` may move.
    func appendColumn() -> Int {
        if count == allocated {
            let n = allocated * 2
            let c = UnsafeMutablePointer<UnsafeMutablePointer<Element>?>.allocate(capacity: n)
            let k = UnsafeMutablePointer<Int>.allocate(capacity: n)
            c.moveInitialize(from: columns, count: count)
            k.moveInitialize(from: capacities, count: count)
            columns.deallocate()
            capacities.deallocate()
            columns = c
            capacities = k
            allocated = n
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
        if let q = columns[column] {
            p.moveInitialize(from: q, count: old)
            q.deallocate()
        }
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

    init() {
        sets = memory.columns
        capacities = memory.capacities
    }

    var count: Int { memory.count }

    mutating func make() -> Int32 {
        let index = memory.appendColumn()
        sets = memory.columns
        capacities = memory.capacities
        return Int32(index)
    }

    @inline(__always)
    mutating func insert(_ value: Int32, into set: Int32) {
        let w = Int(value) >> 6
        let s = Int(set)
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
    mutating func formUnion(_ set: Int32, _ otherSet: Int32) { formUnion(set, words: words(otherSet)) }

    /// Adds every member of `other`'s `otherSet` to `set`, ids unchanged: word by word.
    mutating func formUnion(_ set: Int32, with other: BitsetStore, _ otherSet: Int32) {
        formUnion(set, words: other.words(otherSet))
    }

    private mutating func formUnion(_ set: Int32, words source: UnsafeBufferPointer<UInt64>) {
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
    struct Triple: Hashable, Sendable {
        var slot: Int32
        var delegate: Int32
        var agency: Int32
    }
    private let memory = ColumnArena<UInt16>(initialColumns: 8)
    private var columns: UnsafeMutablePointer<UnsafeMutablePointer<UInt16>?>
    private var capacities: UnsafeMutablePointer<Int>
    private var count = 0
    private(set) var overflow = Set<Triple>()

    init() {
        columns = memory.columns
        capacities = memory.capacities
    }

    @inline(__always)
    mutating func add(slot: Int, delegate: Int32, agency: Int32) {
        if slot >= count || Int(delegate) >= capacities[slot] { grow(slot, Int(delegate)) }
        let value = agency < 65535 ? UInt16(truncatingIfNeeded: agency + 1) : 0
        let column = columns[slot].unsafelyUnwrapped
        let current = column[Int(delegate)]
        if current == value && value != 0 { return }
        if current == 0 && value != 0 {
            column[Int(delegate)] = value
            return
        }
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
        columns = memory.columns
        capacities = memory.capacities
        count = memory.count
    }

    /// Every (delegate, agency) pair of a year slot, once.
    func forEach(slot: Int, _ body: (Int32, Int32) -> Void) {
        if slot < count, let column = columns[slot] {
            for d in 0..<capacities[slot] where column[d] != 0 { body(Int32(d), Int32(column[d]) - 1) }
        }
        for t in overflow where Int(t.slot) == slot { body(t.delegate, t.agency) }
    }
}
