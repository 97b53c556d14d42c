#include "ui/table/DerivedFeatureDialog.h"

#include "app/document/DerivedFeatureCommand.h"
#include "app/document/Document.h"
#include "ui/common/NumberText.h"
#include "ui/table/DerivedMenu.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using linlab::DerivedFeature;
using linlab::DerivedSpec;

namespace {

// Rows the preview shows.
constexpr int kPreviewRows = 5;

// A column name in brackets (']' doubled): valid whatever the name holds.
QString bracketed(const QString& name) {
    QString inner = name;
    inner.replace(QStringLiteral("]"), QStringLiteral("]]"));
    return QLatin1Char('[') + inner + QLatin1Char(']');
}

} // namespace

DerivedFeatureDialog::DerivedFeatureDialog(Document* document, int editIndex, int column,
                                           QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_editIndex(editIndex)
    , m_name(new QLineEdit(this))
    , m_expression(new QLineEdit(this))
    , m_columns(new QListWidget(this))
    , m_preview(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_pause(new QTimer(this)) {
    setWindowTitle(editIndex >= 0 ? tr("Edit Derived Feature") : tr("Add Derived Feature"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Expression:"), m_expression);
    m_expression->setPlaceholderText(tr("e.g. [x1]^2, log([body mass]), [a] * [b]"));
    auto* help =
        new QLabel(tr("+ \u2212 * / ^ and log, exp, sqrt, abs, sin, cos, tan, log10, log2. "
                      "Double-click a column to insert it:"),
                   this);
    help->setWordWrap(true);
    m_columns->addItems(columnNames());
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(help);
    layout->addWidget(m_columns);
    layout->addWidget(m_preview);
    layout->addWidget(m_buttons);

    const std::vector<DerivedSpec> list = DerivedFeatureCommand::current(*document);
    if (editIndex >= 0 && std::size_t(editIndex) < list.size()) {
        m_name->setText(QString::fromStdString(list[std::size_t(editIndex)].name));
        m_expression->setText(QString::fromStdString(list[std::size_t(editIndex)].expression));
    } else if (column >= 0 && DerivedMenu::offersShortcuts(document, column)) {
        m_expression->setText(bracketed(QString::fromStdString(document->tableColumnName(column))));
    }

    m_pause->setSingleShot(true);
    m_pause->setInterval(150); // a large table's design is built once the typing pauses
    connect(m_pause, &QTimer::timeout, this, &DerivedFeatureDialog::updatePreview);
    connect(m_name, &QLineEdit::textChanged, m_pause, qOverload<>(&QTimer::start));
    connect(m_expression, &QLineEdit::textChanged, m_pause, qOverload<>(&QTimer::start));
    connect(m_columns, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem* item) { insertColumn(item->text()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DerivedFeatureDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DerivedFeatureDialog::reject);
    resize(480, 360);
    updatePreview();
}

QStringList DerivedFeatureDialog::columnNames() const {
    // What an expression may read: the features (dummies among them), the other numeric and date
    // columns, and the derived features before this one.
    QStringList names;
    const std::vector<std::string>& features = m_document->dataset().featureNames();
    const std::size_t own =
        features.size() -
        (m_document->isTyped() ? m_document->design().derivedCount() : std::size_t(0));
    for (std::size_t j = 0; j < own; ++j)
        names << QString::fromStdString(features[j]);
    if (m_document->isTyped()) {
        const linlab::SourceTable& source = m_document->source();
        for (std::size_t c = 0; c < source.table.columnCount(); ++c) {
            const linlab::Column& cells = source.table.column(c);
            const QString name = QString::fromStdString(cells.name());
            if (cells.isNumber() && cells.name() != source.design.label && !names.contains(name))
                names << name;
        }
        const std::vector<DerivedSpec>& derived = source.design.derived;
        const std::size_t before = m_editIndex >= 0 ? std::size_t(m_editIndex) : derived.size();
        for (std::size_t k = 0; k < before && k < derived.size(); ++k)
            names << QString::fromStdString(derived[k].name);
    }
    return names;
}

void DerivedFeatureDialog::insertColumn(const QString& name) {
    m_expression->insert(bracketed(name));
    m_expression->setFocus();
}

std::vector<DerivedSpec> DerivedFeatureDialog::derivedList() const {
    std::vector<DerivedSpec> list = DerivedFeatureCommand::current(*m_document);
    const DerivedSpec spec{m_name->text().trimmed().toStdString(),
                           m_expression->text().toStdString()};
    if (m_editIndex < 0 || std::size_t(m_editIndex) >= list.size()) {
        list.push_back(spec);
        return list;
    }
    const std::string old = list[std::size_t(m_editIndex)].name;
    list[std::size_t(m_editIndex)] = spec;
    if (old != spec.name)
        for (std::size_t k = std::size_t(m_editIndex) + 1; k < list.size(); ++k)
            list[k].expression = DerivedFeature::renameColumn(list[k].expression, old, spec.name);
    return list;
}

QString DerivedFeatureDialog::previewText() const {
    return m_preview->text();
}

void DerivedFeatureDialog::updatePreview() {
    m_pause->stop();
    const std::vector<DerivedSpec> list = derivedList();
    const std::string name = m_name->text().trimmed().toStdString();
    QString text;
    try {
        const linlab::Design design = DerivedFeatureCommand::trial(*m_document, list);
        const std::vector<std::string>& names = design.featureNames();
        const auto at = std::find(names.begin(), names.end(), name);
        const arma::uword j = arma::uword(at - names.begin());
        QStringList values;
        const arma::uword rows = std::min<arma::uword>(design.features().n_rows, kPreviewRows);
        for (arma::uword i = 0; i < rows && at != names.end(); ++i)
            values << tr("%1 (row %2)")
                          .arg(NumberText::brief(design.features()(i, j)))
                          .arg(design.usedRows()[i] + 1);
        if (design.features().n_rows > rows)
            values << QStringLiteral("\u2026");
        text = tr("%1 = %2").arg(QString::fromStdString(name), values.join(QStringLiteral(", ")));
        m_acceptable = true;
        m_preview->setStyleSheet({});
    } catch (const std::exception& e) {
        text = QString::fromStdString(e.what());
        m_acceptable = false;
        m_preview->setStyleSheet(QStringLiteral("color: #b00020"));
    }
    m_preview->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_acceptable);
}

void DerivedFeatureDialog::accept() {
    const std::vector<DerivedSpec> list = derivedList();
    if (list == DerivedFeatureCommand::current(*m_document)) {
        QDialog::accept(); // nothing edited: no undo step
        return;
    }
    const QString name = m_name->text().trimmed();
    const QString what = m_editIndex >= 0 ? tr("Edit Derived Feature \u201c%1\u201d").arg(name)
                                          : tr("Add Derived Feature \u201c%1\u201d").arg(name);
    const QString why = DerivedMenu::apply(m_document, list, what);
    if (!why.isEmpty()) {
        QMessageBox::warning(this, tr("Derived Feature Refused"), why);
        updatePreview();
        return;
    }
    QDialog::accept();
}
