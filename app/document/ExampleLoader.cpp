#include "app/document/ExampleLoader.h"

#include "app/document/Document.h"
#include "model/data/DesignRoles.h"
#include "model/io/CsvError.h"
#include "model/io/CsvReader.h"
#include "model/io/TypedCsvReader.h"

#include <algorithm>
#include <stdexcept>

using namespace linlab;

namespace {

LinearModel modelOf(const Example& e, arma::uword features) {
    if (e.weights.n_elem == features)
        return LinearModel(e.weights, e.bias);
    return LinearModel(features);
}

// An all-numeric table with no ignored column is a plain dataset (the fast path, and the lesson
// stays the lesson: Dataset::isLesson()).
bool plainDataset(const Example& e, CsvTable& out) {
    if (!e.ignored.empty())
        return false;
    try {
        out = CsvReader::readString(e.csv, "example " + e.name);
        return true;
    } catch (const CsvError&) {
        return false; // text or missing cells: the typed reader's
    }
}

} // namespace

void ExampleLoader::open(Document* document, const Example& e) {
    const QString name = QString::fromStdString(e.name); // the title bar's, as a file's base name
    CsvTable numeric;
    if (plainDataset(e, numeric)) {
        const auto label = std::find(numeric.names.begin(), numeric.names.end(), e.label);
        if (label == numeric.names.end())
            throw std::invalid_argument("example " + e.name + " has no column " + e.label);
        const arma::uword labelColumn = arma::uword(label - numeric.names.begin());
        Dataset data = Dataset::fromTable(std::move(numeric), labelColumn);
        const LinearModel model = modelOf(e, data.featureCount());
        document->replaceAll(std::move(data), e.transform, model, name);
        return;
    }
    TypedCsvTable read = TypedCsvReader::readString(e.csv, "example " + e.name);
    DesignOptions design;
    design.label = e.label;
    design.ignored = e.ignored;
    for (const Column& column : read.table.columns())
        design = DesignRoles::afterTypeChange(design, column);
    SourceTable source{std::move(read.table), std::move(design), defaultMissingTokens()};
    document->replaceSource(std::move(source), e.transform, LinearModel(0), name);
    if (e.weights.n_elem == document->dataset().featureCount())
        document->setModel(LinearModel(e.weights, e.bias));
}
