#include "app/batch/BatchInput.h"

#include "model/data/ColumnType.h"
#include "model/data/DerivedColumns.h"
#include "model/data/Design.h"
#include "model/data/Examples.h"
#include "model/io/CsvError.h"
#include "model/io/CsvReader.h"
#include "model/io/NumberFormat.h"
#include "model/io/TypedCsvReader.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace linlab {

namespace {

CsvTable lessonTable() {
    const Dataset lesson = Dataset::lesson();
    CsvTable t;
    t.names = lesson.featureNames();
    t.names.push_back(lesson.labelName());
    t.data = arma::join_rows(lesson.features(), lesson.labels());
    t.hadHeader = true;
    return t;
}

// A dataset as a table, so --label and --features pick from a project's columns as from a CSV's.
CsvTable tableOf(const Dataset& d) {
    CsvTable t;
    t.names = d.featureNames();
    t.names.push_back(d.labelName());
    t.data = arma::join_rows(d.features(), d.labels());
    t.hadHeader = true;
    return t;
}

// The numeric reader refused a cell, not the file: the typed reader may read it. A number past
// the range of a double ("1e309") is a bad number, not a category: its error stands.
bool isCellError(const CsvError& e) {
    const std::string outOfRange =
        std::string("(") + parseStatusText(ParseStatus::OutOfRange) + ")";
    const std::string& r = e.reason();
    return r.rfind("expected a number", 0) == 0 &&
           !(r.size() >= outOfRange.size() &&
             r.compare(r.size() - outOfRange.size(), outOfRange.size(), outOfRange) == 0);
}

// A CSV file: all numeric through the numeric reader, else (or when the options need it) typed.
// FILE, or the text of --example (named "example NAME" in messages).
void readCsv(const BatchOptions& o, CsvTable& table, std::optional<TypedCsvTable>& typed) {
    const Example* example = o.example.empty() ? nullptr : Examples::find(o.example);
    const std::string name = example ? "example " + example->name : o.file;
    CsvReadOptions csv;
    csv.decimal = o.decimal;
    std::optional<CsvError> numericError;
    if (!o.needsTypedReader()) {
        try {
            table = example ? CsvReader::readString(example->csv, name, csv)
                            : CsvReader::readFile(o.file, csv);
            return;
        } catch (const CsvError& e) {
            if (!isCellError(e))
                throw;
            numericError = e;
        }
    }
    TypedReadOptions options;
    if (o.missingTokens)
        options.missingTokens = *o.missingTokens;
    for (const std::string& name : o.categorical)
        options.columns[name].type = ColumnType::Categorical;
    try {
        typed = example ? TypedCsvReader::readString(example->csv, name, csv, options)
                        : TypedCsvReader::readFile(o.file, csv, options);
    } catch (const std::invalid_argument& e) { // a --categorical name that is no column
        if (o.categorical.empty())
            throw;
        throw UsageError("--categorical: " + std::string(e.what()) + " in " + name);
    }
    if (!o.invalidAsMissing && typed->table.invalidCount() > 0)
        throw TypedCsvReader::invalidCellError(*typed, 0);
    // Not one column of numbers (e.g. "1.5" under --decimal ','): nothing could be fitted, and
    // where the numbers stop says more than "the label is text".
    const auto& columns = typed->table.columns();
    if (numericError &&
        std::none_of(columns.begin(), columns.end(), [](const Column& c) { return c.isNumber(); }))
        throw *numericError;
}

// A column named NAME, else a 1-based column number N.
std::size_t findColumn(const std::vector<std::string>& names, const std::string& option,
                       const std::string& wanted, const std::string& source) {
    for (std::size_t c = 0; c < names.size(); ++c)
        if (names[c] == wanted)
            return c;
    if (!wanted.empty() &&
        std::all_of(wanted.begin(), wanted.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) &&
        wanted.size() < 10) {
        const unsigned long k = std::stoul(wanted);
        if (k >= 1 && k <= names.size())
            return k - 1;
    }
    std::string list;
    for (const auto& n : names)
        list += (list.empty() ? "" : ", ") + n;
    throw UsageError(option + ": no column \"" + wanted + "\" in " + source + " (columns: " + list +
                     ")");
}

bool contains(const std::vector<std::size_t>& list, std::size_t value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// The columns the options name for the label, the features and the ignored, checked against
// each other.
struct Choice {
    std::size_t label = 0;
    std::vector<std::size_t> features; // empty: the default
    std::vector<std::size_t> ignored;
};

Choice choose(const BatchOptions& o, const std::vector<std::string>& names,
              const std::string& source) {
    Choice c;
    c.label = o.label.empty() ? names.size() - 1 : findColumn(names, "--label", o.label, source);
    for (const auto& f : o.features) {
        const std::size_t column = findColumn(names, "--features", f, source);
        // A column twice is a mistake (and a copy of it makes the fit singular).
        if (contains(c.features, column))
            throw UsageError("--features: column \"" + names[column] + "\" is named twice");
        c.features.push_back(column);
    }
    for (const auto& name : o.ignored) {
        const std::size_t column = findColumn(names, "--ignore", name, source);
        if (column == c.label)
            throw UsageError("--ignore: column \"" + names[column] + "\" is the label");
        if (contains(c.features, column))
            throw UsageError("--ignore: column \"" + names[column] + "\" is also a feature");
        if (!contains(c.ignored, column))
            c.ignored.push_back(column);
    }
    return c;
}

ColumnSummary numericColumn(const std::string& name, const char* role) {
    return {name, columnTypeName(ColumnType::Numeric), 0, role, {}};
}

// No used row: say which column has no value at all, the likely cause.
[[noreturn]] void refuseNoRows(const TypedTable& table, const Design& design) {
    std::string message = "no row has a value in the label and in every feature";
    for (std::size_t c = 0; c < table.columnCount(); ++c)
        if (design.roles()[c] != Role::Ignored &&
            table.column(c).missingCount() == table.rowCount()) {
            message += ": column \"" + table.column(c).name() + "\" has none (--ignore it)";
            break;
        }
    throw std::invalid_argument(message);
}

// A category per row is no feature (a million distinct IDs would be a million dummy columns):
// refused before the design is built, naming the column.
void refuseHugeCategories(const TypedTable& table, const Choice& c) {
    constexpr std::size_t kMaxLevels = 10000;
    for (std::size_t k = 0; k < table.columnCount(); ++k) {
        const Column& column = table.column(k);
        const bool feature =
            c.features.empty() ? k != c.label && !contains(c.ignored, k) : contains(c.features, k);
        if (feature && column.type() == ColumnType::Categorical &&
            column.levels().size() > kMaxLevels)
            throw std::invalid_argument("column \"" + column.name() + "\" has " +
                                        std::to_string(column.levels().size()) +
                                        " levels, too many dummy columns for a feature (at most " +
                                        std::to_string(kMaxLevels) + "): --ignore it");
    }
}

} // namespace

BatchInput BatchInput::load(const BatchOptions& o, BatchHooks* hooks) {
    BatchInput in;
    if (o.file.empty() && o.example.empty()) {
        in.m_table = lessonTable();
    } else if (isProject(o.file)) {
        in.m_project = hooks->loadProject(o.file);
        in.m_table = tableOf(in.m_project->dataset);
    } else {
        readCsv(o, in.m_table, in.m_typed);
    }
    return in;
}

ColumnChoice BatchInput::chooseColumns(const BatchOptions& o, const std::vector<std::string>& names,
                                       const std::string& source) {
    const Choice c = choose(o, names, source);
    ColumnChoice out{c.label, c.features, c.ignored};
    if (out.features.empty())
        for (std::size_t k = 0; k < names.size(); ++k)
            if (k != c.label && !contains(c.ignored, k))
                out.features.push_back(k);
    return out;
}

bool BatchInput::isProject(const std::string& file) {
    const std::string suffix = ".linlab";
    if (file.size() < suffix.size())
        return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        char c = file[file.size() - suffix.size() + i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c != suffix[i])
            return false;
    }
    return true;
}

BatchData BatchInput::pick(const BatchOptions& o, const std::string& source) && {
    return m_typed ? pickTyped(o, source) : pickNumeric(o, source);
}

BatchData BatchInput::pickNumeric(const BatchOptions& o, const std::string& source) {
    if (!o.categorical.empty() || !o.reference.empty())
        throw UsageError("--categorical and --reference need a CSV file"); // lesson or project
    const std::vector<std::string>& names = m_table.names;
    const Choice c = choose(o, names, source);
    std::vector<arma::uword> features(c.features.begin(), c.features.end());
    if (features.empty())
        for (std::size_t k = 0; k < names.size(); ++k)
            if (k != c.label && !contains(c.ignored, k))
                features.push_back(k);

    BatchData data;
    data.summary.rows = m_table.data.n_rows;
    data.summary.filled = o.fillMissing; // nothing is missing: nothing filled
    for (std::size_t k = 0; k < names.size(); ++k) {
        const bool feature = std::find(features.begin(), features.end(), k) != features.end();
        data.summary.columns.push_back(numericColumn(names[k], k == c.label ? "label"
                                                               : feature    ? "feature"
                                                                            : "ignored"));
    }
    if (features.empty() && names.size() > 1) { // every feature ignored: the label alone
        const std::string label = names[c.label];
        data.dataset =
            Dataset(arma::mat(m_table.data.n_rows, 0), m_table.data.col(c.label), {}, label);
        m_table = CsvTable();
    } else {
        data.dataset = Dataset::fromTable(std::move(m_table), c.label, features);
    }
    // --derive, --poly: over the features (no row is missing here).
    if (!o.derived.empty())
        data.dataset = DerivedColumns::appended(data.dataset, o.derived);
    return data;
}

BatchData BatchInput::pickTyped(const BatchOptions& o, const std::string& source) {
    const TypedTable& table = m_typed->table;
    const std::vector<std::string> names = table.names();
    const Choice c = choose(o, names, source);
    DesignOptions options;
    options.label = names[c.label];
    for (std::size_t f : c.features)
        options.features.push_back(names[f]);
    for (std::size_t i : c.ignored)
        options.ignored.push_back(names[i]);
    options.fillAll = o.fillMissing;
    options.derived = o.derived;
    refuseHugeCategories(table, c);
    for (const auto& [column, level] : o.reference)
        options.reference[names[findColumn(names, "--reference", column, source)]] = level;
    Design design = Design::build(table, options);
    if (design.usedRows().empty())
        refuseNoRows(table, design);

    BatchData data;
    TableSummary& s = data.summary;
    s.rows = table.rowCount();
    s.excludedRows = design.excludedRows();
    for (std::size_t k = 0; k < table.columnCount(); ++k) {
        const Column& column = table.column(k);
        s.columns.push_back({column.name(), columnTypeName(column.type()), column.missingCount(),
                             roleName(design.roles()[k]),
                             column.type() == ColumnType::Categorical
                                 ? column.levels()
                                 : std::vector<std::string>{}});
    }
    s.filled = o.fillMissing;
    for (const Imputation& i : design.imputed())
        s.imputed.push_back(
            {i.name, table.column(i.column).type() == ColumnType::Categorical, i.value, i.level});
    if (!o.exportNumpy.empty()) // the script embeds the raw columns
        data.source = SourceTable{std::move(m_typed->table), options,
                                  o.missingTokens ? *o.missingTokens : defaultMissingTokens()};
    m_typed.reset(); // the cells go before the analysis copies the numbers
    data.dataset = std::move(design).dataset();
    return data;
}

} // namespace linlab
