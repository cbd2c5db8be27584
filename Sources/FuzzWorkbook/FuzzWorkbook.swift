// libFuzzer target: scripts/fuzz FuzzWorkbook SECONDS. Built without FUZZING (plain swift build)
// it is a replay tool instead: each file named on the command line is one input.
import AnnualReportKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntryPoints.workbook(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if !FUZZING
    @main struct Replay {
        static func main() { FuzzEntryPoints.replay(CommandLine.arguments, through: FuzzEntryPoints.workbook) }
    }
#endif
