import CZlib
import Foundation
import TestSupport
import Testing
import Training

/// The Fashion-MNIST reader on small generated IDX gzip files, well-formed and not.
@Suite struct FashionMNISTReaderTests {
    private static let reinstall = "reinstall it with `apt-get install --reinstall dataset-fashion-mnist`"

    private static func idx(magic: Int, dimensions: [Int], values: [UInt8]) -> [UInt8] {
        func word(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 255), UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255)] }
        return word(magic) + dimensions.flatMap(word) + values
    }

    private static func gzip(_ bytes: [UInt8], to path: String) {
        let file = gzopen(path, "wb")!
        _ = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        gzclose(file)
    }

    /// A folder of four files: `count` training and 2 test images, pixel value = (i + row + column) % 256.
    private static func folder(
        count: Int = 3, imageMagic: Int = 0x803, side: (Int, Int) = (28, 28), labelCount: Int? = nil, label: UInt8 = 4
    )
        throws -> TemporaryDirectory
    {
        let folder = try TemporaryDirectory("fashion")
        for (prefix, n) in [("train", count), ("t10k", 2)] {
            var pixels: [UInt8] = []
            for i in 0..<n { for r in 0..<side.0 { for c in 0..<side.1 { pixels.append(UInt8((i + r + c) % 256)) } } }
            gzip(
                idx(magic: imageMagic, dimensions: [n, side.0, side.1], values: pixels), to: "\(folder.path)/\(prefix)-images-idx3-ubyte.gz"
            )
            let labels = labelCount ?? n
            gzip(
                idx(magic: 0x801, dimensions: [labels], values: (0..<labels).map { UInt8($0 % 10) == 0 ? label : UInt8($0 % 10) }),
                to: "\(folder.path)/\(prefix)-labels-idx1-ubyte.gz")
        }
        return folder
    }

    @Test func readsImagesAsSixteenPatchTokens() throws {
        let folder = try Self.folder()
        let data = try FashionMNIST(directory: folder.path)
        #expect(data.training.count == 3 && data.test.count == 2)
        #expect(data.training.sequenceLength == 16 && data.training.tokenWidth == 49)
        #expect(data.training.labels == [4, 1, 2])
        // Image 1, pixel (row 8, column 1): patch row 1, column 0 -> token 4; within the
        // patch row 1, column 1 -> value 8.
        #expect(data.training.inputs[1 * 784 + 4 * 49 + 8] == Float(1 + 8 + 1) / 255)
        // Image 2, pixel (27, 27): token 15, value 48.
        #expect(data.training.inputs[2 * 784 + 15 * 49 + 48] == Float(2 + 27 + 27) / 255)
    }

    @Test func missingFileNamesThePackage() throws {
        let folder = try TemporaryDirectory("fashion-empty")
        #expect(throws: TrainingError.self) { try FashionMNIST(directory: folder.path) }
        do {
            _ = try FashionMNIST(directory: folder.path)
        } catch {
            #expect(
                String(describing: error)
                    == "cannot read \(folder.path)/train-images-idx3-ubyte.gz: no such file; install Fashion-MNIST with `apt-get install dataset-fashion-mnist`"
            )
        }
    }

    private func message(_ folder: TemporaryDirectory) -> String? {
        do {
            _ = try FashionMNIST(directory: folder.path)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test func plainFileIsNotGzip() throws {
        let folder = try Self.folder()
        let path = "\(folder.path)/train-labels-idx1-ubyte.gz"
        try Data(Self.idx(magic: 0x801, dimensions: [3], values: [0, 1, 2])).write(to: URL(fileURLWithPath: path))
        #expect(message(folder) == "malformed \(path): not a gzip file; \(Self.reinstall)")
    }

    @Test func truncatedGzipStream() throws {
        let folder = try Self.folder()
        let path = "\(folder.path)/train-images-idx3-ubyte.gz"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(message(folder) == "malformed \(path): the gzip stream is corrupt (unexpected end of file); \(Self.reinstall)")
    }

    @Test func wrongMagicNumber() throws {
        let folder = try Self.folder(imageMagic: 0x801)
        #expect(
            message(folder)
                == "malformed \(folder.path)/train-images-idx3-ubyte.gz: magic number 0x00000801, expected 0x00000803 (IDX unsigned bytes, 3 dimensions); \(Self.reinstall)"
        )
    }

    @Test func dataShorterThanTheHeaderSays() throws {
        let folder = try Self.folder()
        let path = "\(folder.path)/train-images-idx3-ubyte.gz"
        Self.gzip(Self.idx(magic: 0x803, dimensions: [3, 28, 28], values: [UInt8](repeating: 0, count: 2000)), to: path)
        #expect(
            message(folder)
                == "malformed \(path): the header declares 3 x 28 x 28 = 2352 bytes of data, the file has 2000; \(Self.reinstall)")
    }

    @Test func headerTooShort() throws {
        let folder = try Self.folder()
        let path = "\(folder.path)/train-labels-idx1-ubyte.gz"
        Self.gzip([0, 0, 8], to: path)
        #expect(message(folder) == "malformed \(path): 3 bytes is too short for an IDX header; \(Self.reinstall)")
    }

    @Test func imagesOfTheWrongSize() throws {
        let folder = try Self.folder(side: (27, 28))
        #expect(
            message(folder)
                == "malformed \(folder.path)/train-images-idx3-ubyte.gz: images are 27 x 28, expected 28 x 28; \(Self.reinstall)")
    }

    @Test func labelCountDiffersFromImageCount() throws {
        let folder = try Self.folder(labelCount: 5)
        #expect(
            message(folder)
                == "malformed \(folder.path)/train-labels-idx1-ubyte.gz: 5 labels for the 3 images of \(folder.path)/train-images-idx3-ubyte.gz; \(Self.reinstall)"
        )
    }

    @Test func labelOutsideTheTenClasses() throws {
        let folder = try Self.folder(label: 12)
        #expect(
            message(folder) == "malformed \(folder.path)/train-labels-idx1-ubyte.gz: label 12 at index 0 is outside 0-9; \(Self.reinstall)")
    }
}
