#pragma once
// What the data table shows in its derived-feature columns: the design's last derivedCount()
// feature columns, read-only, per table row (a dash for a row the design leaves out), the name
// in the header and the expression in its tooltip. No state of its own: it reads the document.

#include <QVariant>

class Document;

class DerivedTableColumns {
public:
    explicit DerivedTableColumns(const Document* document);

    /// The document's derived features (0 for a plain document).
    int count() const;
    /// Cell (table row `row`, derived feature `k`) in `role`; transformed values when
    /// `transformed` (the analysis' features, as the other columns show them).
    QVariant data(int row, int k, int role, bool transformed) const;
    /// Derived feature `k`'s header in `role`.
    QVariant header(int k, int role) const;

private:
    /// The column of X (and of the dataset) of derived feature `k`.
    int featureColumn(int k) const;

    const Document* m_document;
};
