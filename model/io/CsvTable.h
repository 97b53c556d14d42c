#pragma once
// A numeric table read from CSV. Rows are samples, columns are variables.
// Plain C++17 + Armadillo, no Qt.

#include <armadillo>

#include <string>
#include <vector>

namespace linlab {

/// A numeric table read from CSV: one name per column and an n x k matrix of values.
struct CsvTable {
    std::vector<std::string> names; ///< one per column; from the header, else x1, x2, ..., y
    arma::mat data;                 ///< rows x columns (n samples x k variables)
    char delimiter = ',';           ///< the field delimiter used or detected
    char decimal = '.';             ///< the decimal separator used or detected
    bool hadHeader = false;         ///< whether the first record held the column names
};

} // namespace linlab
