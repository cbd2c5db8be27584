#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Hashing and interning of the register's byte strings (session ids, delegate ids, agencies):
// each distinct string is stored once and named by a small integer.

// MARK: - Hashing and interning of byte strings

@inline(__always)
func attendanceMix(_ x: UInt64) -> UInt64 {
    var h = x
    h ^= h >> 33
    h &*= 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    h &*= 0xc4ce_b9fe_1a85_ec53
    h ^= h >> 33
    return h
}

/// A fast non-cryptographic hash of `count` bytes (8 at a time, unaligned loads).
@inline(__always)
func attendanceHash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
    let raw = UnsafeRawPointer(p)
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: count)
    if count >= 8 {
        var i = 0
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xbf58_476d_1ce4_e5b9
            h ^= h >> 31
            i += 8
        }
        if i < count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* 0x94d0_49bb_1331_11eb
            h ^= h >> 29
        }
    } else {
        var w: UInt64 = 0
        var i = 0
        while i < count {
            w |= UInt64(p[i]) << (UInt64(i) &* 8)
            i += 1
        }
        h = (h ^ w) &* 0x94d0_49bb_1331_11eb
    }
    return attendanceMix(h)
}

/// Byte equality, 8 bytes at a time (keys here are short: a libc call costs more than the compare).
@inline(__always)
func attendanceEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let ra = UnsafeRawPointer(a)
    let rb = UnsafeRawPointer(b)
    var i = 0
    while i + 8 <= n {
        if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        {
            return false
        }
        i += 8
    }
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}

/// A key of up to 8 bytes as one little-endian word (zero-padded).
@inline(__always)
func attendanceWord(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    var w: UInt64 = 0
    var i = 0
    while i < n {
        w |= UInt64(p[i]) << (UInt64(i) &* 8)
        i += 1
    }
    return w
}

/// Open-addressing hash table from byte strings to dense ids 0, 1, 2… in order of first insertion.
///
/// Keys live in one arena, so a million short keys cost a few arrays, not a million allocations.
/// A slot is 16 bytes and holds a key of up to 8 bytes itself (delegate and session ids usually
/// are), so looking one up touches a single cache line; longer keys are checked in the arena.
/// A short key is kept only in its slot (its id's `starts` entry then names the slot), so the
/// arena holds long keys alone: 200,000 eight-byte ids cost 1.6 MB less, twice that while the
/// arena grows.
struct ByteInterner: Sendable {
    struct Slot: Sendable {
        /// The key itself (length <= 8), else its hash.
        var word: UInt64
        var id: Int32
        var length: UInt32
    }
    private var arena: [UInt8] = []
    /// Per id: where its key starts in `arena`, or for a key of up to 8 bytes `inline | slot`.
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
            let word = attendanceWord(p, n)
            let length = UInt32(n)
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
                        && attendanceEqual(arena.baseAddress! + Int(starts[Int(slot.id)]), p, n)
                    {
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

    private static var inline: UInt32 { 1 << 31 }

    private mutating func insertNew(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> Int32 {
        // Up to 7/8 full: linear probing stays short with 16-byte slots (4 per cache line), and a
        // table of 200,000 delegates fits 262,144 slots (4 MB) instead of twice that.
        if (starts.count + 1) * 8 > slots.count * 7 { grow() }
        precondition(arena.count + n < Int(Self.inline), "more than 2 GB of distinct keys")
        let id = Int32(starts.count)
        lengths.append(UInt32(n))
        if n <= 8 {
            starts.append(0)
            place(Slot(word: attendanceWord(p, n), id: id, length: UInt32(n)), hash: hash)
        } else {
            if arena.isEmpty { arena.reserveCapacity(1024) }
            starts.append(UInt32(arena.count))
            arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
            place(Slot(word: hash, id: id, length: UInt32(n)), hash: hash)
        }
        return id
    }

    private mutating func place(_ slot: Slot, hash: UInt64) {
        var i = Int(truncatingIfNeeded: hash >> 7) & mask
        while slots[i].id >= 0 { i = (i + 1) & mask }
        slots[i] = slot
        if slot.length <= 8 { starts[Int(slot.id)] = Self.inline | UInt32(i) }
    }

    /// Doubles the table, re-placing the slots from the old one (the key is in the slot, or its hash is).
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(word: 0, id: -1, length: 0), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.id >= 0 {
            var word = slot.word
            let hash =
                slot.length <= 8
                ? withUnsafeBytes(of: &word) {
                    attendanceHash($0.baseAddress!.assumingMemoryBound(to: UInt8.self), Int(slot.length))
                }
                : slot.word
            place(slot, hash: hash)
        }
    }

    func key(_ id: Int32) -> [UInt8] { withKey(id) { Array(UnsafeBufferPointer(start: $0, count: $1)) } }
    func string(_ id: Int32) -> String {
        withKey(id) { String(decoding: UnsafeBufferPointer(start: $0, count: $1), as: UTF8.self) }
    }
    func hash(_ id: Int32) -> UInt64 { withKey(id) { attendanceHash($0, $1) } }

    func withKey<R>(_ id: Int32, _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
        let start = starts[Int(id)]
        let n = Int(lengths[Int(id)])
        if start & Self.inline != 0 {
            var word = slots[Int(start & ~Self.inline)].word  // little-endian: the key's bytes first
            return withUnsafeBytes(of: &word) { body($0.baseAddress!.assumingMemoryBound(to: UInt8.self), n) }
        }
        return arena.withUnsafeBufferPointer { a in
            body((a.baseAddress ?? UnsafePointer(bitPattern: 1)!) + Int(start), n)
        }
    }
}
