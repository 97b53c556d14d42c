#pragma once
// What the import dialog decided about a CSV file: how to read its text, how to type its cells
// and what each column is for. FileController loads the file by it.

#include "model/data/Design.h"
#include "model/data/TypedReader.h"
#include "model/io/CsvReader.h"

struct ImportChoice {
    linlab::CsvReadOptions csv;     ///< delimiter, decimal, header (0 / Detect = detect)
    linlab::TypedReadOptions typed; ///< missing tokens and the types the user changed
    linlab::DesignOptions design;   ///< label, features and ignored columns, by name
    /// The user agreed to read cells that do not fit their column's type as missing.
    bool invalidAsMissing = false;
    /// Every column numeric, nothing missing, every column but the label a feature: the numeric
    /// reader's fast path, and the document stays a plain dataset.
    bool plain = false;
    /// The label's column (0-based; -1: the last), for the fast path.
    int labelColumn = -1;
};
