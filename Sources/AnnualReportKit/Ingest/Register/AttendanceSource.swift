import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A run of whole records: `bytes[start..<start + count]` of the source.
struct AttendanceChunk: Sendable {
    var index: Int32
    var start: Int
    var count: Int
    /// The last chunk of the file: an open quote at its end is a real unterminated field.
    var last: Bool
}

/// The bytes of one file, memory-mapped read-only (no copy into buffers), or of a decoded
/// in-memory file. Pages of a mapped file are dropped from memory as soon as their chunk is
/// parsed (`release`), so resident memory stays at a few chunks whatever the file's size.
final class AttendanceSource: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let count: Int
    private let mapped: Bool
    private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))

    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        count = Int(info.st_size)
        mapped = count > 0
        if count == 0 {
            base = UnsafePointer(UnsafeMutablePointer<UInt8>.allocate(capacity: 1))
            return
        }
        guard let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        _ = madvise(p, count, MADV_SEQUENTIAL)
        base = UnsafePointer(p.assumingMemoryBound(to: UInt8.self))
    }

    init(bytes: [UInt8]) {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { b in if let a = b.baseAddress { p.update(from: a, count: b.count) } }
        base = UnsafePointer(p)
        count = bytes.count
        mapped = false
    }

    deinit {
        if mapped { munmap(UnsafeMutableRawPointer(mutating: base), count) } else { base.deallocate() }
    }

    /// Drops the whole pages of `start..<end` from memory (they are read again from the page cache if touched).
    func release(_ start: Int, _ end: Int) {
        guard mapped else { return }
        let from = (start + Self.page - 1) / Self.page * Self.page
        let to = end / Self.page * Self.page
        if to > from { _ = madvise(UnsafeMutableRawPointer(mutating: base + from), to - from, MADV_DONTNEED) }
    }
}
