// libFuzzer target: the CSV reader under every option combination. Any input must give a table
// or a CsvError/invalid_argument, never a crash, a hang or undefined behaviour. The reader's
// three ways of reading (the fast path in one thread, in two, and the RFC 4180 scanner alone)
// must agree exactly: the same table to the bit, or the same error message.

#include "model/io/CsvReader.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

// One way of reading: the table, or the message of the error it threw.
struct Outcome {
    bool ok = false;
    linlab::CsvTable table;
    std::string error;
};

Outcome read(std::string_view text, const linlab::CsvReadOptions& options) {
    Outcome out;
    try {
        out.table = linlab::CsvReader::readString(text, "fuzz.csv", options);
        out.ok = true;
    } catch (const linlab::CsvError& e) {
        out.error = e.what();
    } catch (const std::invalid_argument& e) {
        out.error = std::string("invalid: ") + e.what();
    }
    return out;
}

bool same(const Outcome& a, const Outcome& b) {
    if (a.ok != b.ok)
        return false;
    if (!a.ok)
        return a.error == b.error;
    const linlab::CsvTable& s = a.table;
    const linlab::CsvTable& t = b.table;
    return s.names == t.names && s.delimiter == t.delimiter && s.decimal == t.decimal &&
           s.hadHeader == t.hadHeader && s.data.n_rows == t.data.n_rows &&
           s.data.n_cols == t.data.n_cols &&
           std::memcmp(s.data.memptr(), t.data.memptr(), s.data.n_elem * sizeof(double)) == 0;
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

    const Outcome fast = read(text, options);
    // What is read is what the reader promises: finite numbers, one name per column.
    if (fast.ok && (fast.table.names.size() != fast.table.data.n_cols ||
                    fast.table.data.n_rows == 0 || !fast.table.data.is_finite()))
        __builtin_trap();

    linlab::CsvReadOptions twoThreads = options;
    twoThreads.parallelMinBytes = 1;
    if (!same(fast, read(text, twoThreads)))
        __builtin_trap();

    linlab::CsvReadOptions scanner = options;
    scanner.fastPath = false;
    if (!same(fast, read(text, scanner)))
        __builtin_trap();
    return 0;
}
