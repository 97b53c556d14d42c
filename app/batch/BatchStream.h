#pragma once
// `linlab --batch FILE --stream`: the file read in blocks, twice, and only its statistics kept,
// so least squares, gradient descent, ridge, lasso and the report run on files of any size in
// bounded memory. The first pass merges each block's centred moments (StreamingMoments); the
// transform and the sufficient statistics follow from them exactly; the second pass sums the
// reported model's residuals (MSE, MAE, gradients) and the least squares' own. Plain C++17.

#include "app/batch/BatchOptions.h"

#include <string>

namespace linlab {

class BatchStream {
public:
    /// Throws UsageError naming the first option given that --stream cannot honour (it needs the
    /// rows, or a file the stream does not read): "--stream cannot be combined with --cv: ...".
    static void checkOptions(const BatchOptions& o);
    /// The report of the options on FILE, read in blocks: the in-memory report's keys but the
    /// per-row ones, with "stream": true and the rows left out for a missing value counted.
    /// Throws UsageError (options, columns), CsvError (the file: file, line, column) and
    /// std::invalid_argument (data the statistics cannot fit, e.g. an ill-conditioned Gram
    /// matrix, whose least squares needs the rows).
    static std::string report(const BatchOptions& o);
};

} // namespace linlab
