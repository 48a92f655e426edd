//! Sequence labelling: an averaged perceptron with hashed features, trained and run on CPU.
