import Foundation
import HardwareModules
import RTLGen

/// Runs the csr block in Verilator (templates/csr_tb.sv.mustache): AXI4-Lite writes and
/// reads with chosen handshake delays, status inputs held at chosen values.
package struct CSRTestbench: Sendable {
    /// One bus operation.
    package struct Operation: Sendable {
        package let write: Bool
        package let address: Int
        package let data: UInt32
        package let strobes: Int
        /// Cycles before AWVALID (or ARVALID), before WVALID, and before BREADY (or RREADY).
        package let delays: (address: Int, data: Int, response: Int)

        package init(write: Bool, address: Int, data: UInt32 = 0, strobes: Int = 0xF, delays: (Int, Int, Int) = (0, 0, 0)) {
            self.write = write
            self.address = address
            self.data = data
            self.strobes = strobes
            self.delays = delays
        }
    }

    /// What the testbench recorded.
    package struct Result: Sendable {
        /// Per operation: the response, the read data (0 for a write) and the read-write
        /// outputs after it, in `CSRMap`'s register order.
        package var responses: [(response: Int, data: UInt32, outputs: [UInt32])] = []
        /// The cycles in which ctrl_start was 1.
        package var startCycles: [Int] = []
    }

    package let generator: RTLGenerator

    package init(generator: RTLGenerator) { self.generator = generator }

    package func run(_ variant: ModuleVariant, inputs: [String: [UInt32]], operations: [Operation]) throws -> Result {
        guard case .csr(let w) = variant else { preconditionFailure("not a csr block: \(variant.moduleName)") }
        let map = CSRMap(wordBits: w)
        let command = "CSR testbench"
        func literal(_ name: String, _ bits: Int) -> String {
            let words = inputs[name] ?? []
            let hex = (0..<((bits + 31) / 32)).reversed().map { String(format: "%08x", $0 < words.count ? words[$0] : 0) }.joined()
            return "\(bits)'h\(hex)"
        }
        let outputs = map.registers.filter { $0.access == .readWrite }.map { $0.fields[0] }
        let tb = try generator.library.render(
            "csr_tb",
            [
                "banner": RTLGenerator.banner(command: command), "dut": variant.moduleName, "aw": "\(map.addressBits)",
                "ops": "\(operations.count)", "max_cycles": "\(100 * operations.count + 100)",
            ],
            lists: [
                "in_ports": map.inputPorts.map { ["name": $0.name, "msb": "\($0.bits - 1)", "value": literal($0.name, $0.bits)] },
                "out_ports": outputs.map { ["name": $0.port, "msb": "\($0.bits - 1)"] },
            ])
        let ops = operations.flatMap { o in
            [o.write ? 0 : 1, o.address, Int(o.data), o.strobes, o.delays.address | o.delays.data << 4 | o.delays.response << 8]
                .map { String($0, radix: 16) }
        }
        let out = try VerilatorBench.run(
            sources: ["tb.sv": tb, "\(variant.moduleName).sv": try generator.generate(variant, command: command)],
            inputs: ["ops.hex": ops.joined(separator: "\n") + "\n"], outputs: ["trace.txt"])
        var result = Result()
        var pending: (Int, UInt32)?
        for line in (out["trace.txt"] ?? "").split(separator: "\n") {
            let f = line.split(separator: " ").map(String.init)
            switch f.first {
            case "B": pending = (Int(f[1])!, 0)
            case "R": pending = (Int(f[1])!, UInt32(f[2], radix: 16)!)
            case "S": result.startCycles.append(Int(f[1])!)
            case "O":
                if let (r, d) = pending { result.responses.append((r, d, f.dropFirst().map { UInt32($0, radix: 16)! })) }
                pending = nil
            default: break
            }
        }
        return result
    }
}
