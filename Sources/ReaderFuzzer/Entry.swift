import Foundation

#if FUZZING
    /// libFuzzer's driver, which runs the fuzzing loop and calls back for every input.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// libFuzzer's per-input hook, named by its own `main` (linked from its runtime).
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        ReaderFuzzer.exercise(bytes.map { Data(bytes: $0, count: size) } ?? Data())
        return 0
    }

    /// The executable's entry point under `scripts/fuzz` (-sanitize=fuzzer -DFUZZING): SwiftPM
    /// links an executable target's `main` to `<target>_main`, so this hands the command line
    /// to libFuzzer's driver instead of libFuzzer's own `main`.
    @_cdecl("ReaderFuzzer_main")
    func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
    }
#else
    /// Without the fuzzer: replays each file named on the command line through the readers.
    @main
    struct ReaderFuzzerReplay {
        static func main() {
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("transcode-fuzz: cannot read \(path)\n".utf8))
                    exit(1)
                }
                ReaderFuzzer.exercise(data)
                print("ok \(path)")
            }
        }
    }
#endif
