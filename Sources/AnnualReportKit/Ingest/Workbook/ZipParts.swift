import Foundation
import ZIPFoundation

/// A workbook package's parts (`xl/worksheets/sheet1.xml`, `content.xml`) read into memory,
/// each checked against the CRC-32 its zip entry records, so a damaged part is an error and
/// never a wrong figure.
///
/// The check is done here rather than by ZIPFoundation (`skipCRC32: false`) because on Linux
/// ZIPFoundation computes it a byte at a time: measured on a 100,000-row sheet (52 MB of XML)
/// it was a sixth of the whole read; this slicing-by-8 table does the same work in a fraction
/// of that (`scripts/bench-workbook`).
enum ZipParts {
    /// The part's bytes; nil when the package has no such part. Throws when it cannot be
    /// inflated or its checksum differs.
    static func read(_ archive: Archive, _ path: String) throws -> [UInt8]? {
        let path = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard let entry = archive[path] else { return nil }
        guard plausible(entry, in: archive) else { throw WorkbookFailure.damaged }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(entry.uncompressedSize, 64 << 20)))
        _ = try archive.extract(entry, skipCRC32: true) { chunk in
            bytes.append(contentsOf: chunk)
            // More than the entry said it holds (a crafted deflate stream): damage, not a read on and on.
            if UInt64(bytes.count) > entry.uncompressedSize { throw WorkbookFailure.damaged }
        }
        guard crc32(bytes) == entry.checksum else { throw WorkbookFailure.damaged }
        return bytes
    }

    /// Whether `entry`'s sizes are ones the archive's file can hold. ZIPFoundation reads an
    /// entry's data a chunk at a time until it has the size the entry declares, and from a file
    /// that is shorter it goes on reading nothing without end (a damaged or crafted package:
    /// FuzzWorkbook's finding). A part of more than 4 GB is no workbook's either.
    static func plausible(_ entry: Entry, in archive: Archive) -> Bool {
        let fileSize =
            (try? FileManager.default.attributesOfItem(atPath: archive.url.path)[.size] as? NSNumber)?.uint64Value ?? 0
        let stored = entry.isCompressed ? entry.compressedSize : entry.uncompressedSize
        return stored <= fileSize && entry.uncompressedSize <= 4 << 30
    }

    /// Tables for CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320), eight bytes a step.
    private static let tables: [[UInt32]] = {
        var tables = Array(repeating: Array(repeating: UInt32(0), count: 256), count: 8)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            tables[0][n] = c
        }
        for n in 0..<256 {
            for k in 1..<8 { tables[k][n] = (tables[k - 1][n] >> 8) ^ tables[0][Int(tables[k - 1][n] & 0xFF)] }
        }
        return tables
    }()

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        let t = tables.flatMap { $0 }
        bytes.withUnsafeBufferPointer { buffer in
            t.withUnsafeBufferPointer { t in
                var i = 0
                let n = buffer.count
                while i + 8 <= n {
                    let one =
                        crc
                        ^ (UInt32(buffer[i]) | UInt32(buffer[i + 1]) << 8 | UInt32(buffer[i + 2]) << 16 | UInt32(
                            buffer[i + 3]) << 24)
                    let two =
                        UInt32(buffer[i + 4]) | UInt32(buffer[i + 5]) << 8 | UInt32(buffer[i + 6]) << 16 | UInt32(
                            buffer[i + 7]) << 24
                    crc =
                        t[7 * 256 + Int(one & 0xFF)] ^ t[6 * 256 + Int((one >> 8) & 0xFF)]
                        ^ t[5 * 256 + Int((one >> 16) & 0xFF)] ^ t[4 * 256 + Int(one >> 24)]
                        ^ t[3 * 256 + Int(two & 0xFF)] ^ t[2 * 256 + Int((two >> 8) & 0xFF)]
                        ^ t[1 * 256 + Int((two >> 16) & 0xFF)] ^ t[0 * 256 + Int(two >> 24)]
                    i += 8
                }
                while i < n {
                    crc = t[Int((crc ^ UInt32(buffer[i])) & 0xFF)] ^ (crc >> 8)
                    i += 1
                }
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
