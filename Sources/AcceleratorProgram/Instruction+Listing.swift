extension Instruction: CustomStringConvertible {
    /// One line of assembly, for listings and error reports.
    package var description: String {
        switch self {
        case .load(let t), .store(let t):
            return
                "\(mnemonic) \(t.buffer.name)[\(t.bufferAddress)] x\(t.rows) <-> mem 0x\(String(t.memoryAddress, radix: 16)) stride \(t.stride)"
        case .matmul(let m):
            let flags = [
                m.start ? "start" : nil, m.finish ? "finish" : nil, m.activate ? "act" : nil, m.transpose ? "t" : nil,
                m.keepWeights ? "keep" : nil,
            ].compactMap { $0 }
            return "matmul pe\(m.pe) a[\(m.source)] w[\(m.weights)] group \(m.group) -> a[\(m.destination)] \(flags.joined(separator: ","))"
        case .softmax(let r):
            return "softmax pe\(r.pe) a[\(r.source)] -> a[\(r.destination)]\(r.transpose ? " t" : "")"
        case .layerNorm(let r, let p):
            return "layernorm pe\(r.pe) a[\(r.source)] params a[\(p)] -> a[\(r.destination)]\(r.transpose ? " t" : "")"
        case .elementwise(let e):
            return "\(mnemonic) a[\(e.a)] a[\(e.b)] s \(e.scalar) -> a[\(e.destination)]"
        case .transpose(let s, let d):
            return "transpose a[\(s)] -> a[\(d)]"
        case .prune(let tau, let weightTau):
            return "prune tau \(tau)" + (weightTau == 0 ? "" : " weight tau \(weightTau)")
        case .barrier, .end:
            return mnemonic
        }
    }
}

extension Program {
    /// The program as numbered assembly lines.
    package var listing: String {
        instructions.enumerated().map { "\($0.offset)\t\($0.element)" }.joined(separator: "\n") + "\n"
    }
}
