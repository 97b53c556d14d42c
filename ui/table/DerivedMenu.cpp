#include "ui/table/DerivedMenu.h"

#include "app/document/DerivedFeatureCommand.h"
#include "app/document/Document.h"
#include "ui/table/DataTableModel.h"
#include "ui/table/DerivedFeatureDialog.h"

#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QUndoStack>

#include <algorithm>

using linlab::DerivedFeature;
using linlab::DerivedSpec;

namespace {

QString quotedName(const std::string& name) {
    return QStringLiteral("\u201c%1\u201d").arg(QString::fromStdString(name));
}

} // namespace

QString DerivedMenu::apply(Document* document, const std::vector<DerivedSpec>& derived,
                           const QString& text) {
    const QString why = DerivedFeatureCommand::check(*document, derived);
    if (!why.isEmpty())
        return why;
    document->undoStack()->push(new DerivedFeatureCommand(document, derived, text));
    return {};
}

QString DerivedMenu::add(Document* document, const std::vector<DerivedSpec>& specs) {
    std::vector<DerivedSpec> list = DerivedFeatureCommand::current(*document);
    list.insert(list.end(), specs.begin(), specs.end());
    const QString what = specs.size() == 1
                             ? QObject::tr("Add Derived Feature %1").arg(quotedName(specs[0].name))
                             : QObject::tr("Add %1 Derived Features").arg(specs.size());
    return apply(document, list, what);
}

QString DerivedMenu::addPolynomial(Document* document, const std::string& column, int degree) {
    const std::vector<DerivedSpec> list = DerivedFeatureCommand::current(*document);
    std::vector<DerivedSpec> terms;
    for (const DerivedSpec& term : DerivedFeature::polynomial(column, degree))
        if (std::find(list.begin(), list.end(), term) == list.end()) // one there already stays
            terms.push_back(term);
    if (terms.empty())
        return QObject::tr("The terms of %1 up to degree %2 are there already.")
            .arg(quotedName(column))
            .arg(degree);
    return add(document, terms);
}

QString DerivedMenu::addProduct(Document* document, const std::string& a, const std::string& b) {
    return add(document, {DerivedFeature::product(a, b)});
}

QString DerivedMenu::addLogarithm(Document* document, const std::string& column) {
    return add(document, {DerivedFeature::logarithm(column)});
}

QString DerivedMenu::remove(Document* document, int k) {
    std::vector<DerivedSpec> list = DerivedFeatureCommand::current(*document);
    if (k < 0 || std::size_t(k) >= list.size())
        return {};
    const std::string name = list[std::size_t(k)].name;
    list.erase(list.begin() + k);
    const std::vector<std::string> readers = DerivedFeatureCommand::readers(list, name);
    if (!readers.empty())
        return QObject::tr("Derived feature %1 is read by %2: remove or edit that first.")
            .arg(quotedName(name), quotedName(readers.front()));
    return apply(document, list, QObject::tr("Remove Derived Feature %1").arg(quotedName(name)));
}

QString DerivedMenu::readersRefusal(const Document* document, int column, const QString& change) {
    if (!document->isTyped())
        return {};
    const std::string name = document->tableColumnName(column);
    const std::vector<std::string> readers =
        DerivedFeatureCommand::readers(document->source().design.derived, name);
    if (readers.empty())
        return {};
    return QObject::tr("Column %1 cannot be %2: derived feature %3 reads it (edit or remove that "
                       "first).")
        .arg(quotedName(name), change, quotedName(readers.front()));
}

bool DerivedMenu::offersShortcuts(const Document* document, int column) {
    if (!document->isTyped())
        return column < int(document->dataset().featureCount());
    const linlab::SourceTable& source = document->source();
    const linlab::Column& cells = source.table.column(std::size_t(column));
    return cells.type() == linlab::ColumnType::Numeric && cells.name() != source.design.label;
}

void DerivedMenu::refuse(QWidget* parent, const QString& why) {
    if (!why.isEmpty())
        QMessageBox::warning(parent, QObject::tr("Derived Feature Refused"), why);
}

void DerivedMenu::addTo(QMenu* menu, DataTableModel* model, Document* document, int column,
                        QWidget* parent) {
    if (const int k = model->derivedIndex(column); k >= 0) {
        menu->addAction(QObject::tr("Edit Derived Feature\u2026"), parent, [document, k, parent] {
            DerivedFeatureDialog dialog(document, k, -1, parent);
            dialog.exec();
        });
        menu->addAction(QObject::tr("Remove Derived Feature"), parent,
                        [document, k, parent] { refuse(parent, remove(document, k)); });
        menu->addSeparator();
    } else if (column < model->documentColumnCount() && offersShortcuts(document, column)) {
        const std::string name = document->tableColumnName(column);
        menu->addAction(
            QObject::tr("Add Polynomial Terms\u2026"), parent, [document, name, parent] {
                bool ok = false;
                const int degree =
                    QInputDialog::getInt(parent, QObject::tr("Add Polynomial Terms"),
                                         QObject::tr("Highest degree k (adds %1^2 \u2026 %1^k):")
                                             .arg(QString::fromStdString(name)),
                                         3, 2, 20, 1, &ok);
                if (ok)
                    refuse(parent, addPolynomial(document, name, degree));
            });
        QMenu* products = menu->addMenu(QObject::tr("Add Product With"));
        for (int c = 0; c < model->documentColumnCount(); ++c)
            if (c != column && offersShortcuts(document, c)) {
                const std::string other = document->tableColumnName(c);
                products->addAction(QString::fromStdString(other), parent,
                                    [document, name, other, parent] {
                                        refuse(parent, addProduct(document, name, other));
                                    });
            }
        products->setEnabled(!products->isEmpty());
        menu->addAction(QObject::tr("Add Log"), parent,
                        [document, name, parent] { refuse(parent, addLogarithm(document, name)); });
    }
    menu->addAction(QObject::tr("Add Derived Feature\u2026"), parent, [document, column, parent] {
        DerivedFeatureDialog dialog(document, -1, column, parent);
        dialog.exec();
    });
}
