// libFuzzer target: the typed CSV reader under every dialect option. Any input must give a typed
// table or a CsvError/invalid_argument, never a crash, a hang or undefined behaviour. Against the
// numeric reader (CsvReader): where it reads the input, every typed column is numeric with no
// missing cell and the same doubles to the bit; where it refuses it for anything but a number,
// the typed reader refuses it in the same words; where the typed reader refuses, so does it.

#include "model/io/CsvReader.h"
#include "model/io/TypedCsvReader.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

const std::string kSource = "fuzz.csv";

// One reading: the result, or the message of the error it threw.
template <class Table> struct Outcome {
    bool ok = false;
    Table table;
    std::string error;
};

template <class Table, class Read> Outcome<Table> attempt(Read read) {
    Outcome<Table> out;
    try {
        out.table = read();
        out.ok = true;
    } catch (const linlab::CsvError& e) {
        out.error = e.what();
    } catch (const std::invalid_argument& e) {
        out.error = std::string("invalid: ") + e.what();
    }
    return out;
}

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// What the typed reader promises on its own: one length, places for the listed invalid cells.
void checkTyped(const linlab::TypedCsvTable& t) {
    const linlab::TypedTable& table = t.table;
    if (table.rowCount() == 0 || table.columnCount() == 0 ||
        t.invalidAt.size() != table.invalidCells().size())
        __builtin_trap();
    for (std::size_t i = 0; i < t.invalidAt.size(); ++i) {
        const linlab::CsvError e = linlab::TypedCsvReader::invalidCellError(t, i);
        if (e.line() == 0 || e.column() != table.invalidCells()[i].column + 1)
            __builtin_trap();
    }
}

// The typed table holds exactly the numeric reader's table.
bool sameAsNumeric(const linlab::TypedCsvTable& t, const linlab::CsvTable& n) {
    if (t.table.names() != n.names || t.delimiter != n.delimiter || t.decimal != n.decimal ||
        t.hadHeader != n.hadHeader || t.table.rowCount() != n.data.n_rows ||
        t.table.columnCount() != n.data.n_cols)
        return false;
    for (std::size_t c = 0; c < t.table.columnCount(); ++c) {
        const linlab::Column& column = t.table.column(c);
        if (column.type() != linlab::ColumnType::Numeric || column.missingCount() != 0)
            return false;
        for (std::size_t r = 0; r < column.rowCount(); ++r)
            if (!sameBits(column.value(r), n.data(r, c)))
                return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    // The first byte picks the options: delimiter (4), decimal (3), header (3).
    const std::uint8_t pick = data[0];
    static const char delimiters[] = {0, ',', ';', '\t'};
    static const char decimals[] = {0, '.', ','};
    linlab::CsvReadOptions options;
    options.delimiter = delimiters[pick % 4];
    options.decimal = decimals[(pick / 4) % 3];
    options.header = static_cast<linlab::CsvReadOptions::Header>((pick / 12) % 3);
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

    const auto typed = attempt<linlab::TypedCsvTable>(
        [&] { return linlab::TypedCsvReader::readString(text, kSource, options); });
    const auto numeric = attempt<linlab::CsvTable>(
        [&] { return linlab::CsvReader::readString(text, kSource, options); });
    if (typed.ok)
        checkTyped(typed.table);
    if (numeric.ok && !(typed.ok && sameAsNumeric(typed.table, numeric.table)))
        __builtin_trap();
    const bool numberError = numeric.error.find(": expected a number, found") != std::string::npos;
    if (!numeric.ok && !numberError && typed.error != numeric.error)
        __builtin_trap();
    return 0;
}
