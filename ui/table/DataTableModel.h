#pragma once
// The table model adapter: shows the document's dataset (features, then the label) without
// copying it, in raw or transformed units; a typed document's table shows every column and row of
// its typed table, rows left out greyed, missing cells muted, filled cells tinted. After the
// document's columns come its derived features and then the report's columns, both read-only.
// Edits become undo commands on the document.

#include "ui/table/DerivedTableColumns.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <functional>

class Document;

class DataTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    /// Extra role: true for the label column (views style it differently).
    static constexpr int IsLabelRole = Qt::UserRole + 1;

    explicit DataTableModel(Document* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    /// Parses the text in full; refuses (returns false, see lastError()) anything that is not a
    /// finite number.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    /// Shows transformed (read-only) values instead of the raw ones.
    void setShowTransformed(bool transformed);
    bool showTransformed() const { return m_showTransformed; }
    /// Why the last refused setData was refused ("“abc” is not a number").
    QString lastError() const { return m_lastError; }
    /// The label's column (the last).
    int labelColumn() const;
    /// Why a dataset row is flagged by the regression report ("" when it is not): the vertical
    /// header marks those rows, with the reason as the tooltip. Asked per shown row, so a million
    /// rows cost nothing until they scroll into view.
    using FlagReason = std::function<QString(int datasetRow)>;
    void setFlagReason(FlagReason reason) { m_flagReason = std::move(reason); }
    /// The flags changed: the header asks again.
    void flagsChanged();

    /// Read-only columns after the derived ones (the regression's fitted values, residuals,
    /// leverage, Cook's distance): `names` with their header `tips`, and per dataset row
    /// value(row, k) for extra column k (NaN: none, as for a row left out). Empty: none.
    using ExtraValue = std::function<double(int datasetRow, int column)>;
    void setExtraColumns(const QStringList& names, const QStringList& tips, ExtraValue value);
    /// The extra columns' values changed: the view asks again.
    void extraValuesChanged();
    /// The document's own columns; the derived and then the report's columns follow them.
    int documentColumnCount() const;
    /// True for a read-only column after the document's: a derived feature's or the report's.
    bool isExtraColumn(int column) const;
    /// The derived features' columns shown (the document's, once the table has caught up).
    int derivedColumnCount() const { return m_derivedShown; }
    /// The index of column `column` among the derived features, or -1 for any other column.
    int derivedIndex(int column) const;

private:
    double valueAt(int row, int column) const;
    QVariant typedData(const QModelIndex& index, int role) const;
    QVariant typedHeader(int section, int role) const;
    bool setTypedData(const QModelIndex& index, const QString& text);
    /// The fill of typed column `column` when it has one (its index in design().imputed()).
    int imputationOf(int column) const;
    /// The transformed value of typed cell (row, column), when it has one.
    bool transformedAt(int row, int column, double* value) const;
    QVariant extraData(int row, int column, int role) const;
    QVariant extraHeader(int column, int role) const;
    /// The first of the report's columns.
    int firstReportColumn() const;
    /// Inserts or removes derived columns to match the document's, then repaints them.
    void syncDerivedColumns();

    Document* m_document;
    bool m_showTransformed = false;
    QString m_lastError;
    FlagReason m_flagReason;
    QStringList m_extraNames, m_extraTips;
    ExtraValue m_extraValue;
    DerivedTableColumns m_derived;
    int m_derivedShown = 0; // what the views were told; the document may be ahead of it
};
