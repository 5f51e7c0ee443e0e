import Training

/// A data set with its test split cut to its first `testSamples` examples: a reduced setting
/// evaluates on a fixed, smaller test set (the training split is subsampled by the trainer).
package struct DatasetSubset: TrainingDataset {
    package let name: String
    package let tokenization: String
    package let input: TokenInput
    package let classes: Int
    package let training: LabeledExamples
    package let test: LabeledExamples

    package init(_ base: any TrainingDataset, testSamples: Int) {
        name = base.name
        tokenization = base.tokenization
        input = base.input
        classes = base.classes
        training = base.training
        test = testSamples >= base.test.count ? base.test : base.test.selecting(0..<testSamples)
    }
}
