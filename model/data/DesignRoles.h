#pragma once
// Role edits on design options, by column: what the table header's "Use as" menu and the import
// dialog change. Options are kept explicit (the label, the features in table order, every other
// column ignored), so a type change never moves a column in or out silently. Plain C++17, no Qt.

#include "model/data/Design.h"
#include "model/data/TypedTable.h"

#include <cstddef>
#include <string>

namespace linlab {

class DesignRoles {
public:
    /// The options with every role written out: the label, the features in table order and every
    /// other column ignored, as Design::build would choose them (the default label: the last
    /// numeric or date column when none is named). Fills and references are kept.
    static DesignOptions explicitRoles(const TypedTable& table, const DesignOptions& options);
    /// The role of table column `column` under explicit `options`.
    static Role roleOf(const TypedTable& table, const DesignOptions& options, std::size_t column);
    /// `options` with column `column` in `role`. A new label's old label becomes a feature when it
    /// can be one, else ignored; a text column cannot be a feature and a categorical or text one
    /// not the label (std::invalid_argument with a message naming the column).
    static DesignOptions withRole(const TypedTable& table, const DesignOptions& options,
                                  std::size_t column, Role role);
    /// `options` with column `column`'s missing values filled (or not).
    static DesignOptions withFill(const TypedTable& table, const DesignOptions& options,
                                  std::size_t column, bool fill);
    /// `options` after a column was renamed from `from` to `to`.
    static DesignOptions renamed(const DesignOptions& options, const std::string& from,
                                 const std::string& to);
    /// The options once a column has become `changed` (same name, a new type): a column that
    /// became text is no feature any more, a reference level it no longer has is dropped, and so
    /// is a fill when it has no value left to fill with.
    static DesignOptions afterTypeChange(const DesignOptions& options, const Column& changed);
    /// `options` without the choices an edit has made void: a reference level no row has any
    /// more, a fill of a column with no value left (Design::build would refuse both).
    static DesignOptions sanitized(const TypedTable& table, const DesignOptions& options);
    /// True when column `column`'s missing values are filled.
    static bool isFilled(const TypedTable& table, const DesignOptions& options, std::size_t column);
};

} // namespace linlab
