#include "app/batch/BatchStream.h"

#include "app/batch/BatchFit.h"
#include "app/batch/BatchInput.h"
#include "app/batch/BatchStreamReport.h"
#include "model/data/TypedReader.h"
#include "model/fit/Regularized.h"
#include "model/fit/StreamingMoments.h"
#include "model/io/CsvChunkReader.h"
#include "model/io/NumberFormat.h"
#include "model/training/GradientDescent.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace linlab {

namespace {

[[noreturn]] void refuse(const std::string& option, const std::string& why) {
    throw UsageError("--stream cannot be combined with " + option + ": " + why);
}

// Pass 1: the centred moments of (features..., label) over the rows without a missing value.
struct FirstPass {
    StreamingMoments moments;
    CsvChunkPass pass;
};

FirstPass firstPass(const CsvChunkReader& reader, const std::vector<std::size_t>& columns,
                    const std::vector<std::string>& missingTokens) {
    StreamingMoments parts[2] = {StreamingMoments(columns.size()),
                                 StreamingMoments(columns.size())};
    FirstPass out;
    out.pass = reader.read(columns, missingTokens, [&](const arma::mat& block, std::size_t part) {
        parts[part].add(block);
    });
    out.moments = parts[0];
    out.moments.merge(parts[1]);
    return out;
}

// Pass 2's sums, per part: the model's residuals e = x.w + b - y on the transformed features
// (as Analysis::evaluate takes them) and the least squares' centred residuals r = xc.p - yc.
struct ResidualSums {
    double e = 0, ee = 0, absE = 0;
    arma::vec xe;
    double rr = 0;
    arma::vec xr;

    explicit ResidualSums(arma::uword d = 0)
        : xe(d, arma::fill::zeros)
        , xr(d, arma::fill::zeros) {}
    void add(const ResidualSums& o) {
        e += o.e;
        ee += o.ee;
        absE += o.absE;
        xe += o.xe;
        rr += o.rr;
        xr += o.xr;
    }
};

ResidualSums secondPass(const CsvChunkReader& reader, const std::vector<std::size_t>& columns,
                        const std::vector<std::string>& missingTokens, const Transform& t,
                        const LinearModel& model, const SufficientStatistics& s,
                        const CsvChunkPass& first) {
    const arma::uword d = columns.size() - 1;
    const arma::vec& w = model.weights();
    const double b = model.bias();
    const arma::vec& p = s.leastSquares().weights;
    const arma::rowvec& meanX = s.featureMean();
    const double meanY = s.labelMean();
    const bool normalized = t.settings().normalization != Normalization::None;
    ResidualSums parts[2] = {ResidualSums(d), ResidualSums(d)};
    // Scratch per part: a block's transformed features, its e and r.
    arma::mat X[2];
    arma::vec e[2], r[2];
    const CsvChunkPass pass =
        reader.read(columns, missingTokens, [&](const arma::mat& block, std::size_t part) {
            const arma::uword n = block.n_rows;
            arma::mat& x = X[part];
            x.set_size(n, d);
            arma::vec& ep = e[part];
            arma::vec& rp = r[part];
            const double* y = block.colptr(d);
            ep.set_size(n);
            rp.set_size(n);
            ep.fill(b); // the residual pass's order: the bias, then each feature's term in turn
            for (arma::uword i = 0; i < n; ++i)
                rp(i) = meanY - y[i];
            for (arma::uword k = 0; k < d; ++k) {
                const double* from = block.colptr(k);
                double* to = x.colptr(k);
                const double scale = t.scales()(k), shift = t.shift()(k), divisor = t.divisor()(k);
                if (normalized)
                    for (arma::uword i = 0; i < n; ++i)
                        to[i] = (from[i] * scale - shift) / divisor;
                else
                    for (arma::uword i = 0; i < n; ++i)
                        to[i] = from[i] * scale;
                const double wk = w(k), pk = p(k), mk = meanX(k);
                for (arma::uword i = 0; i < n; ++i) {
                    ep(i) += wk * to[i];
                    rp(i) += pk * (to[i] - mk);
                }
            }
            ResidualSums& sums = parts[part];
            for (arma::uword i = 0; i < n; ++i) {
                ep(i) -= y[i];
                sums.e += ep(i);
                sums.ee += ep(i) * ep(i);
                sums.absE += std::abs(ep(i));
                sums.rr += rp(i) * rp(i);
            }
            if (d > 0) {
                sums.xe += x.t() * ep;
                x.each_row() -= meanX;
                sums.xr += x.t() * rp;
            }
        });
    if (pass.rows != first.rows || pass.skipped != first.skipped)
        throw std::invalid_argument("the file changed between the two passes (" +
                                    std::to_string(first.rows) + " rows, then " +
                                    std::to_string(pass.rows) + ")");
    parts[0].add(parts[1]);
    return parts[0];
}

// One --predict: the inputs as given and the features' values in order (every feature numeric).
// Throws UsageError, as the in-memory batch words it, before the file is read.
struct PredictAt {
    std::vector<NewPrediction::Input> inputs;
    arma::vec x;
};

PredictAt predictAt(const std::vector<std::pair<std::string, std::string>>& spec,
                    const std::vector<std::string>& featureNames) {
    PredictAt p;
    p.x.set_size(featureNames.size());
    std::vector<bool> given(featureNames.size(), false);
    for (const auto& [name, text] : spec) {
        const auto at = std::find(featureNames.begin(), featureNames.end(), name);
        if (at == featureNames.end()) {
            std::string list;
            for (const std::string& f : featureNames)
                list += (list.empty() ? "" : ", ") + f;
            throw UsageError("--predict: no feature named \"" + name + "\" (features: " + list +
                             ")");
        }
        const std::size_t k = std::size_t(at - featureNames.begin());
        if (given[k])
            throw UsageError("--predict gives \"" + name + "\" twice");
        const ParseResult r = parseDouble(text);
        if (!r.ok())
            throw UsageError("--predict: the value of \"" + name + "\" is not a number: \"" + text +
                             "\"");
        given[k] = true;
        p.x(k) = r.value;
        NewPrediction::Input in;
        in.name = name;
        in.value = r.value;
        p.inputs.push_back(in);
    }
    for (std::size_t k = 0; k < featureNames.size(); ++k)
        if (!given[k])
            throw UsageError("--predict has no value for feature \"" + featureNames[k] + "\"");
    return p;
}

// The start of a fit: zeros, then --weights and --bias (as the in-memory batch on a file).
LinearModel startModel(const BatchOptions& o, arma::uword d) {
    LinearModel model(d);
    BatchFit::applyGivenModel(o, model);
    return model;
}

// The batch lets coordinate descent run as long as scikit-learn's max_iter allows (BatchFit).
LassoSettings batchLasso() {
    LassoSettings settings;
    settings.maxSweeps = 1000000;
    return settings;
}

} // namespace

void BatchStream::checkOptions(const BatchOptions& o) {
    if (!o.example.empty())
        refuse("--example", "it reads a FILE from disk (write the example out first)");
    if (o.file.empty())
        throw UsageError("--stream needs a CSV FILE to read");
    if (BatchInput::isProject(o.file))
        refuse("a project file", "it reads a CSV FILE");
    if (o.full)
        refuse("--full", "the stream keeps no rows to list");
    if (o.testFraction > 0)
        refuse("--test-fraction", "a split needs every row's place in the file (split the file "
                                  "instead, and --stream each part)");
    if (o.cvFolds > 0)
        refuse("--cv", "the folds need the rows");
    if (o.gd.batchSize > 0)
        refuse("--batch-size", "mini-batches need the rows in memory (full-batch gd runs on the "
                               "statistics)");
    if (!o.intercept)
        refuse("--no-intercept", "the inference through the origin needs the rows");
    if (!o.exportCsv.empty())
        refuse("--export-csv", "the stream keeps no rows to write");
    if (!o.exportPlots.empty())
        refuse("--export-plot", "plots draw the rows");
    if (!o.exportNumpy.empty())
        refuse("--export-numpy", "the script embeds the data");
    if (!o.saveProject.empty())
        refuse("--save-project", "a project holds the data");
    if (!o.derived.empty())
        refuse("--derive and --poly", "derived features are not computed in the stream");
    if (!o.categorical.empty())
        refuse("--categorical", "the stream reads numeric columns only");
    if (!o.reference.empty())
        refuse("--reference", "the stream reads numeric columns only");
    if (o.fillMissing)
        refuse("--missing mean", "the fill needs the means before the first pass (rows with a "
                                 "missing value are left out and counted)");
    if (o.invalidAsMissing)
        refuse("--invalid missing", "a cell that is no number is an error in the stream");
}

std::string BatchStream::report(const BatchOptions& o) {
    checkOptions(o);
    CsvReadOptions csv;
    csv.decimal = o.decimal;
    const CsvChunkReader reader(o.file, csv);
    const std::vector<std::string>& names = reader.names();
    const ColumnChoice choice = BatchInput::chooseColumns(o, names, o.file);
    std::vector<std::size_t> columns = choice.features;
    columns.push_back(choice.label);
    const std::vector<std::string> missingTokens =
        o.missingTokens ? *o.missingTokens : defaultMissingTokens();
    const arma::uword d = choice.features.size();
    std::vector<std::string> featureNames;
    for (std::size_t k : choice.features)
        featureNames.push_back(names[k]);
    std::vector<PredictAt> predictions;
    for (const auto& spec : o.predict)
        predictions.push_back(predictAt(spec, featureNames));

    FirstPass first = firstPass(reader, columns, missingTokens);
    const StreamingMoments& m = first.moments;
    const arma::uword n = m.count();
    if (n == 0)
        throw std::invalid_argument("no row has a value in the label and in every feature");

    // The transform from the raw moments; the transformed statistics follow exactly, the map
    // being affine per column: t = a x + c, so means map, Sxx scales by diag(a) . diag(a).
    const arma::mat M = m.comoments();
    const arma::rowvec squares = arma::rowvec(M.diag().t()).head(d);
    const Transform t = Transform::fromMoments(n, m.mean().head(d), squares, m.min().head(d),
                                               m.max().head(d), o.transform);
    StreamStatistics st;
    st.pass = first.pass;
    st.moments = m;
    st.transform = t;
    const arma::rowvec a = t.scales() / t.divisor();
    arma::rowvec meanX(d);
    for (arma::uword k = 0; k < d; ++k) {
        // A z-score's transformed mean is tiny, and times a label mean of 1e6 it is in every
        // gradient: taken from the shift and the mean about it, every digit stays, as the mean
        // of the transformed rows keeps them.
        const double scale = t.scales()(k);
        meanX(k) = (std::fma(scale, m.shift()(k), -t.shift()(k)) + scale * m.shiftedMean()(k)) /
                   t.divisor()(k);
    }
    arma::mat sxx = d > 0 ? arma::mat(M.submat(0, 0, d - 1, d - 1) % (a.t() * a)) : arma::mat();
    arma::vec sxy = d > 0 ? arma::vec(M.submat(0, d, d - 1, d) % a.t()) : arma::vec();
    if (!meanX.is_finite() || !sxx.is_finite())
        throw std::invalid_argument("--scale " + formatDouble(o.transform.scale) +
                                    " takes the features past the largest double");
    SufficientStatistics s =
        SufficientStatistics::fromMoments(n, meanX, m.mean()(d), sxx, sxy, M(d, d));

    // --fit on the statistics, O(d^2) per step whatever the file's size.
    const LinearModel start = startModel(o, d);
    st.model = start;
    switch (o.fit) {
    case BatchOptions::Fit::None:
        break;
    case BatchOptions::Fit::LeastSquares:
        st.model = LinearModel(s.leastSquares().weights, s.leastSquares().bias);
        break;
    case BatchOptions::Fit::Ridge:
        st.regularized = Regularized::ridge(s, o.alpha, true);
        st.model = LinearModel(st.regularized.weights, st.regularized.bias);
        break;
    case BatchOptions::Fit::Lasso:
        st.regularized = Regularized::lasso(s, o.alpha, {}, true, batchLasso());
        st.model = LinearModel(st.regularized.weights, st.regularized.bias);
        break;
    case BatchOptions::Fit::GradientDescent: {
        GradientDescentSettings settings = o.gd;
        settings.intercept = true;
        st.gd = GradientDescent::run(s, start, settings);
        st.descent = true;
        st.model = st.gd.model;
        break;
    }
    }

    // Pass 2: the model's residual sums, and the least squares' summed over the rows (the
    // statistics' anchor, as SufficientStatistics::compute takes it).
    const ResidualSums sums =
        secondPass(reader, columns, missingTokens, t, st.model, s, first.pass);
    st.statistics = s.withAnchor(sums.rr, sums.xr);
    const double count = static_cast<double>(n);
    st.metrics.mse = sums.ee / count;
    st.metrics.rmse = std::sqrt(st.metrics.mse);
    st.metrics.mae = sums.absE / count;
    if (M(d, d) > 0)
        st.metrics.r2 = 1.0 - sums.ee / M(d, d);
    st.gradient.weights = 2.0 * sums.xe / count;
    st.gradient.bias = 2.0 * sums.e / count;
    st.lessonGradient = sums.xe / count;

    const std::optional<Regression> regression = Regression::fromStatistics(
        st.statistics, featureNames, o.confidence, a, -t.shift() / t.divisor());
    if (regression) {
        st.inference = regression->report();
    } else {
        st.inference.n = n;
        st.inference.confidenceLevel = o.confidence;
        st.inference.problem = "the statistics cannot give every digit here (rank-deficient "
                               "features, or a scaled condition number past 1e3): run without "
                               "--stream for the inference";
    }
    if (!predictions.empty() && !regression)
        throw std::invalid_argument("--predict needs the inference, which the statistics cannot "
                                    "give here: " +
                                    st.inference.problem);
    for (const PredictAt& p : predictions)
        st.predictions.push_back({p.inputs, regression->predict(p.x)});
    return BatchStreamReport::write(o, choice, names, featureNames, st);
}

} // namespace linlab
