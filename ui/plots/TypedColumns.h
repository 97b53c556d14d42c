#pragma once
// What the data plot reads of a typed document's table: the categorical columns it can offer
// (colour by, categorical x), the level of a dataset row, and which features are dates. Every
// function answers "none" for a plain document.

#include "app/document/Document.h"

#include <QStringList>

#include <string>
#include <vector>

class TypedColumns {
public:
    /// Columns with more levels than this are not offered: the palette and legend end here.
    static constexpr std::size_t kMaxLevels = 50;
    /// The level of a row that has none.
    static constexpr int kMissing = -1;

    /// The categorical columns that can be offered (at most kMaxLevels levels), in table order.
    static std::vector<std::string> categoricalNames(const Document& document);
    /// The table index of offered categorical column `name`, or -1.
    static int categoricalIndex(const Document& document, const std::string& name);
    /// Table column `index` when it is (still) categorical, else nullptr. Checked on every use: a
    /// view may be asked for a point between a document change and its rebuild.
    static const linlab::Column* categoricalColumn(const Document& document, int index);
    /// The level index of dataset row `row` in `column`, or kMissing.
    static int levelOfRow(const Document& document, const linlab::Column& column, int row);
    /// True when dataset feature `feature` comes from a date column.
    static bool isDateFeature(const Document& document, int feature);
    /// A categorical column's levels, as the plot shows them.
    static QStringList levelNames(const linlab::Column& column);
};
