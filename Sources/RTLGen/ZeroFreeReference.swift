/// Bit-exact models of the zero-free packer and unpacker (templates/zero_free_packer and
/// zero_free_unpacker): the form an activation-buffer word holds a tile in (docs/isa.md).
package enum ZeroFreeReference {
    /// The tile's non-zero values packed to the front in order, zeros after, and its zero mask
    /// (true where the value is zero).
    /// With `raw` the tile is kept as it is under an all-zero mask (the dense stored form).
    package static func pack(_ tile: [Int64], raw: Bool = false) -> (packed: [Int64], mask: [Bool]) {
        let mask = tile.map { !raw && $0 == 0 }
        return (SparsityReference.pack(tile, mask: mask).packed, mask)
    }

    /// The dense tile: the packed values back at the positions the mask keeps (false), zeros
    /// where it is true. Packed slots past the number of kept positions are not read.
    package static func unpack(_ packed: [Int64], mask: [Bool]) -> [Int64] {
        SparsityReference.unpack(packed, mask: mask)
    }
}
