import Foundation

/// Where a row is in one pass over a file: the chunk and the line within it (0-based).
/// Ordered like the file. Turned into an absolute line once every chunk's line count is known.
struct ChunkPosition: Hashable, Comparable, Sendable {
    var chunk: Int32
    var line: Int32
    static func < (a: ChunkPosition, b: ChunkPosition) -> Bool { (a.chunk, a.line) < (b.chunk, b.line) }
}
