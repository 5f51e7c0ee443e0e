import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension FileHandle {
    /// Everything until end of file, retrying reads a signal interrupts.
    ///
    /// Foundation's `readDataToEndOfFile()` on Linux stops the process with a fatal error
    /// when a read returns EINTR, which happens when child processes exit while several
    /// tools run at once (seen under the parallel test runner).
    package func readAllRetryingInterrupts() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                return data
            }
        }
    }
}
