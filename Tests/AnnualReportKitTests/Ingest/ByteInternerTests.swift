import Testing

@testable import AnnualReportKit

/// The register's interner: ids in order of first insertion, keys back byte for byte, whether
/// a key lives in its slot (up to 8 bytes) or in the arena, across the table's doublings.
@Suite struct ByteInternerTests {
    @Test func idsAndKeysSurviveGrowth() {
        var interner = ByteInterner(capacity: 16)
        // Short (in the slot), exactly 8, long (in the arena), empty and non-ASCII keys, mixed.
        let keys = (0..<5_000).map { i -> String in
            switch i % 5 {
            case 0: return "D\(i)"
            case 1: return String(format: "S%07d", i)
            case 2: return "delegate-\(i)@example.org"
            case 3: return i == 3 ? "" : "Agençy \(i)"
            default: return "\(i)"
            }
        }
        for (i, key) in keys.enumerated() {
            let (id, inserted) = interner.intern(Array(key.utf8))
            #expect(inserted == true && id == Int32(i))
        }
        #expect(interner.count == keys.count)
        for (i, key) in keys.enumerated() {
            #expect(interner.string(Int32(i)) == key)
            #expect(interner.key(Int32(i)) == Array(key.utf8))
            #expect(interner.find(Array(key.utf8)) == Int32(i))
            #expect(interner.intern(Array(key.utf8)) == (Int32(i), false))
            let hash = Array(key.utf8).withUnsafeBufferPointer {
                attendanceHash($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count)
            }
            #expect(interner.hash(Int32(i)) == hash)
        }
        #expect(interner.find(Array("D1".utf8)) == nil)  // never inserted (i = 1 is an S key)
        #expect(interner.find(Array("S0000000".utf8)) == nil)
    }
}
