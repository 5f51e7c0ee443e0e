import DesignSpace
import HardwareModules
import RTLGen
import RTLSim
import Testing

/// The activation buffer's zero-free packer and unpacker against their Swift reference: random
/// tiles of random densities (all zero and all dense included), one tile a cycle, at the
/// catalogue's latency.
@Suite(.serialized) struct ZeroFreeRTLTests {
    /// Tiles of `n` values: all zero, all dense, then random densities from 0 to 1.
    static func tiles(_ n: Int, format f: FixedPointFormat, seed: UInt64) -> [[Int64]] {
        var rng = SeededGenerator(seed: seed)
        var tiles = [[Int64](repeating: 0, count: n)]
        tiles.append((0..<n).map { _ in max(1, f.quantize(rng.nextUnit() * 2)) })
        for _ in 0..<14 {
            let density = rng.nextUnit()
            tiles.append(
                (0..<n).map { _ in
                    guard rng.nextUnit() < density else { return 0 }
                    let v = f.quantize((rng.nextUnit() * 2 - 1) * 3)
                    return v == 0 ? f.minValue : v
                })
        }
        return tiles
    }

    /// Points: odd and even network depths in the paper's format, and one in an 8-bit format.
    static let points: [(n: Int, integerBits: Int, fractionBits: Int)] = [(8, 4, 16), (64, 4, 16), (32, 4, 4)]

    @Test(arguments: points.indices)
    func packerAndUnpackerMatchTheReference(point: Int) throws {
        let p = Self.points[point]
        let f = try FixedPointFormat(integerBits: p.integerBits, fractionBits: p.fractionBits)
        let generator = RTLGenerator(library: RTLFixtures.library, format: f)
        let tiles = Self.tiles(p.n, format: f, seed: UInt64(p.n * 31 + f.bits))
        // Every fifth tile is written raw (the dense stored form).
        let raw = tiles.indices.map { $0 % 5 == 4 }
        let expected = zip(tiles, raw).map { ZeroFreeReference.pack($0, raw: $1) }

        let packer = ModuleVariant.zeroFreePacker(values: p.n)
        let hp = ModuleHarness(variant: packer, format: f)
        let packed = try RTLFixtures.verilator.run(
            top: packer.moduleName, sources: ["\(packer.moduleName).sv": try generator.generate(packer, command: "RTL test")],
            layout: hp.layout, stimulus: zip(tiles, raw).map { hp.vector(["in_valid": [1], "in_raw": [$1 ? 1 : 0], "in_tile": $0]) },
            drain: packer.latency(format: f) + 2)
        #expect(packed.count == tiles.count)
        #expect(packed.map { hp.read($0, "out_packed") } == expected.map(\.packed))
        #expect(packed.map { hp.read($0, "out_mask", signed: false).map { $0 == 1 } } == expected.map(\.mask))
        #expect(zip(expected, raw).allSatisfy { !$1 || $0.mask.allSatisfy { !$0 } })
        #expect(packed.enumerated().allSatisfy { $0.element.cycle == $0.offset + packer.latency(format: f) - 1 })

        // The unpacker must ignore whatever sits past the kept values: give it noise there.
        var rng = SeededGenerator(seed: UInt64(p.n))
        let noisy = expected.map { e in
            let kept = e.mask.filter { !$0 }.count
            return e.packed.enumerated().map { $0.offset < kept ? $0.element : f.quantize(rng.nextUnit()) }
        }
        let unpacker = ModuleVariant.zeroFreeUnpacker(values: p.n)
        let hu = ModuleHarness(variant: unpacker, format: f)
        let dense = try RTLFixtures.verilator.run(
            top: unpacker.moduleName, sources: ["\(unpacker.moduleName).sv": try generator.generate(unpacker, command: "RTL test")],
            layout: hu.layout,
            stimulus: zip(noisy, expected).map { hu.vector(["in_valid": [1], "in_packed": $0, "in_mask": $1.mask.map { $0 ? 1 : 0 }]) },
            drain: unpacker.latency(format: f) + 2)
        #expect(dense.map { hu.read($0, "out_tile") } == zip(noisy, expected).map { ZeroFreeReference.unpack($0, mask: $1.mask) })
        #expect(dense.map { hu.read($0, "out_tile") } == tiles)
        #expect(dense.enumerated().allSatisfy { $0.element.cycle == $0.offset + unpacker.latency(format: f) - 1 })
    }
}
