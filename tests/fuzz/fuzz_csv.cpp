// libFuzzer target: the CSV reader under every option combination. Any input must give a table
// or a CsvError/invalid_argument, never a crash, a hang or undefined behaviour.

#include "CsvReader.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
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
    try {
        const linlab::CsvTable t = linlab::CsvReader::readString(text, "fuzz.csv", options);
        // What is read is what the reader promises: finite numbers, one name per column.
        if (t.names.size() != t.data.n_cols || t.data.n_rows == 0 || !t.data.is_finite())
            __builtin_trap();
    } catch (const linlab::CsvError&) {
    } catch (const std::invalid_argument&) {
    }
    return 0;
}
