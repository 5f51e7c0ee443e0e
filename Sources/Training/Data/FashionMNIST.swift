/// Fashion-MNIST (Xiao et al., 2017) from the IDX gzip files of Debian's
/// `dataset-fashion-mnist`: 60,000 training and 10,000 test images of 28 x 28, 10 classes.
///
/// Patching: each image is cut into a 4 x 4 grid of 7 x 7 patches, read row by row, so a
/// sequence has 16 tokens of 49 values (pixels row by row within the patch, scaled to
/// [0, 1]). `PatchEmbedding` maps each token to the first layer's width.
package struct FashionMNIST: TrainingDataset {
    /// Where the Debian package installs the files.
    package static let defaultDirectory = "/usr/share/datasets/fashion-mnist"
    static let side = 28
    static let patch = 7
    private static let missingFix = "install Fashion-MNIST with `apt-get install dataset-fashion-mnist`"
    private static let malformedFix = "reinstall it with `apt-get install --reinstall dataset-fashion-mnist`"

    package let name = "fashion-mnist"
    package let tokenization = "28 x 28 images cut into 16 patches of 7 x 7 (row by row), 49 values in [0, 1] per token"
    package let input = TokenInput.features(width: patch * patch)
    package let classes = 10
    package let training: LabeledExamples
    package let test: LabeledExamples

    /// Reads and checks the four files in `directory`.
    package init(directory: String = defaultDirectory) throws(TrainingError) {
        training = try Self.split(directory: directory, prefix: "train")
        test = try Self.split(directory: directory, prefix: "t10k")
    }

    private static func split(directory: String, prefix: String) throws(TrainingError) -> LabeledExamples {
        let imagePath = "\(directory)/\(prefix)-images-idx3-ubyte.gz"
        let labelPath = "\(directory)/\(prefix)-labels-idx1-ubyte.gz"
        let images = try IDXFile(
            bytes: GzipFile.read(imagePath, missing: missingFix, malformed: malformedFix), rank: 3, path: imagePath, fix: malformedFix)
        guard images.dimensions[1] == side, images.dimensions[2] == side else {
            throw .malformedDataFile(
                path: imagePath, reason: "images are \(images.dimensions[1]) x \(images.dimensions[2]), expected 28 x 28", fix: malformedFix
            )
        }
        let labels = try IDXFile(
            bytes: GzipFile.read(labelPath, missing: missingFix, malformed: malformedFix), rank: 1, path: labelPath, fix: malformedFix)
        let count = images.dimensions[0]
        guard labels.dimensions[0] == count else {
            throw .malformedDataFile(
                path: labelPath, reason: "\(labels.dimensions[0]) labels for the \(count) images of \(imagePath)", fix: malformedFix)
        }
        var values = [Int32]()
        values.reserveCapacity(count)
        for (index, label) in labels.values.enumerated() {
            guard label < 10 else {
                throw .malformedDataFile(path: labelPath, reason: "label \(label) at index \(index) is outside 0-9", fix: malformedFix)
            }
            values.append(Int32(label))
        }
        return LabeledExamples(inputs: patches(images.values, count: count), labels: values, sequenceLength: 16, tokenWidth: 49)
    }

    /// Reorders pixels into patch tokens and scales them to [0, 1].
    private static func patches(_ pixels: ArraySlice<UInt8>, count: Int) -> [Float] {
        var result = [Float](repeating: 0, count: count * side * side)
        let start = pixels.startIndex
        let perRow = side / patch
        for image in 0..<count {
            let base = image * side * side
            for row in 0..<side {
                for column in 0..<side {
                    let token = (row / patch) * perRow + column / patch
                    let within = (row % patch) * patch + column % patch
                    result[base + token * patch * patch + within] = Float(pixels[start + base + row * side + column]) / 255
                }
            }
        }
        return result
    }
}
