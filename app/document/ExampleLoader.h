#pragma once
// Opens a built-in example (model/data/Examples) in a document: an all-numeric one as a plain
// dataset, one with text or missing values as a typed table, each with its label, ignored
// columns, transform and model. What File > Open Example does.

#include "model/data/Examples.h"

class Document;

class ExampleLoader {
public:
    /// Replaces the document's data with `example` (an empty undo stack, as any file opened).
    /// Throws std::invalid_argument when it cannot be read (a bug: the examples are tested).
    static void open(Document* document, const linlab::Example& example);
};
