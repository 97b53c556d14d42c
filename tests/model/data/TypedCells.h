#pragma once
// Test helper: splits a small unquoted CSV text into a header and rows of cells, as a CSV scanner
// would hand them to TypedReader (no quotes, ',' between cells, '\n' between records).

#include <string>
#include <string_view>
#include <vector>

namespace linlab::test {

struct Cells {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

inline std::vector<std::string> splitLine(std::string_view line) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = line.find(',', start);
        cells.emplace_back(line.substr(start, comma - start));
        if (comma == std::string_view::npos)
            return cells;
        start = comma + 1;
    }
}

inline Cells splitCsv(std::string_view text) {
    Cells cells;
    bool first = true;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        if (first)
            cells.header = splitLine(line);
        else
            cells.rows.push_back(splitLine(line));
        first = false;
        start = end + 1;
    }
    return cells;
}

} // namespace linlab::test
