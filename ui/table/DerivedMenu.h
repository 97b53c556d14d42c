#pragma once
// The table header's derived-feature entries: Add Polynomial Terms, Add Product With, Add Log and
// Add Derived Feature on a numeric column; Edit and Remove Derived Feature on a derived one. Each
// change is one DerivedFeatureCommand; one the design refuses (an unknown name, a log of a
// negative, a division by zero) is said in a message box naming the expression and the first bad
// row, and nothing changes.

#include "model/data/DerivedFeature.h"

#include <QString>

#include <string>
#include <vector>

class DataTableModel;
class Document;
class QMenu;
class QWidget;

class DerivedMenu {
public:
    /// Adds the entries for table column `column` of `model` to `menu`; dialogs and refusals
    /// open over `parent`.
    static void addTo(QMenu* menu, DataTableModel* model, Document* document, int column,
                      QWidget* parent);

    // The edits behind the entries: each pushes one undo step, or returns why not ("" when done).
    /// Makes `derived` the document's derived features.
    static QString apply(Document* document, const std::vector<linlab::DerivedSpec>& derived,
                         const QString& text);
    /// Adds COLUMN^2 ... COLUMN^degree (the terms not there already), as `--poly` names them.
    static QString addPolynomial(Document* document, const std::string& column, int degree);
    /// Adds A*B.
    static QString addProduct(Document* document, const std::string& a, const std::string& b);
    /// Adds log(A).
    static QString addLogarithm(Document* document, const std::string& column);
    /// Removes derived feature `k` (refused while another derived feature reads it).
    static QString remove(Document* document, int k);
    /// Why table column `column` must stay a numeric non-label column (a derived feature reads
    /// it: `change` is what is refused, e.g. "removed"), or "" when nothing reads it.
    static QString readersRefusal(const Document* document, int column, const QString& change);
    /// True when column `column` may be a shortcut's source: numeric and not the label.
    static bool offersShortcuts(const Document* document, int column);

private:
    static QString add(Document* document, const std::vector<linlab::DerivedSpec>& specs);
    static void refuse(QWidget* parent, const QString& why);
};
