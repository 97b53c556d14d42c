#include "app/document/RegressionRunner.h"

#include "app/document/Document.h"
#include "model/fit/Analysis.h"
#include "model/fit/SufficientStatistics.h"

#include <optional>

#include <QMetaObject>
#include <QTimer>

struct RegressionRunner::Snapshot {
    arma::mat X;
    arma::vec y;
    std::vector<std::string> names;
    std::string label;
    double level;
};

RegressionRunner::RegressionRunner(Document* document, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_result(std::make_unique<Result>())
    , m_delay(new QTimer(this)) {
    m_delay->setSingleShot(true);
    m_delay->setInterval(kLargeDataDelay);
    connect(m_delay, &QTimer::timeout, this, &RegressionRunner::onDataChanged);
    connect(document, &Document::analysisChanged, this, &RegressionRunner::onDataChanged);
    connect(document, &Document::resetDone, this, &RegressionRunner::onDataChanged);
    onDataChanged();
}

RegressionRunner::~RegressionRunner() {
    if (m_thread.joinable())
        m_thread.join();
}

void RegressionRunner::setConfidenceLevel(double level) {
    if (!(level > 0 && level < 1) || level == m_level)
        return;
    m_level = level;
    onDataChanged();
}

void RegressionRunner::setActive(bool active) {
    if (active == m_active)
        return;
    m_active = active;
    if (active && !m_current)
        onDataChanged();
}

void RegressionRunner::onDataChanged() {
    m_current = false;
    if (!m_active)
        return; // fitted when something shows the report again
    const bool waited = sender() == m_delay;
    if (!waited && m_document->dataset().rowCount() > Document::kDirectEvaluationRows) {
        m_delay->start(); // (re)started: the fit follows the last edit of a burst
        return;
    }
    if (m_thread.joinable()) {
        m_again = true;
        return;
    }
    start();
}

void RegressionRunner::start() {
    m_again = false;
    const linlab::Dataset& data = m_document->dataset();
    // A copy: the document may change again while the thread reads it. Into the last fit's
    // memory when the shape is the same (a cell edit), so a large table costs a memcpy, not a
    // fresh allocation of every page.
    std::shared_ptr<Snapshot> snapshot =
        m_spare ? std::move(m_spare) : std::make_shared<Snapshot>();
    snapshot->X = data.features();
    snapshot->y = data.labels();
    snapshot->names = data.featureNames();
    snapshot->label = data.labelName();
    snapshot->level = m_level;
    m_running = snapshot;
    const quint64 job = ++m_job;
    m_thread = std::thread([this, snapshot, job] {
        m_pending = fit(*snapshot);
        QMetaObject::invokeMethod(
            this, [this, job] { onThreadDone(job); }, Qt::QueuedConnection);
    });
}

arma::vec RegressionRunner::sampleQuantiles(const arma::vec& standardized) {
    // The Q-Q plot draws the display rows 0, k, 2k, ...: their quantiles among themselves (the
    // sample's Q-Q plot), NaN for the rows it does not draw. Sorting a million values for points
    // nobody sees would be most of the report's time.
    const arma::uword step = linlab::displayStep(standardized.n_elem);
    if (step == 1)
        return linlab::Influence::normalQuantiles(standardized);
    const arma::uvec rows = arma::regspace<arma::uvec>(0, step, standardized.n_elem - 1);
    arma::vec q(standardized.n_elem, arma::fill::value(arma::datum::nan));
    q.elem(rows) = linlab::Influence::normalQuantiles(standardized.elem(rows));
    return q;
}

std::unique_ptr<RegressionRunner::Result> RegressionRunner::fit(const Snapshot& s) {
    auto r = std::make_unique<Result>();
    try {
        // From the centred sums where they keep every digit (one pass, O(d^3) after it), else by
        // the QR of the rows (nearly collinear, rank-deficient or wide data).
        std::optional<linlab::Regression> fast;
        const arma::uword d = s.X.n_cols;
        if (d < linlab::SufficientStatistics::kWideFeatures && s.X.n_rows > d + 1)
            fast = linlab::Regression::fromStatistics(
                linlab::SufficientStatistics::compute(s.X, s.y), s.names, s.level,
                arma::ones<arma::rowvec>(d), arma::zeros<arma::rowvec>(d));
        r->regression = fast ? std::move(*fast) : linlab::Regression(s.X, s.y, s.names, s.level);
        if (r->regression.report().problem.empty()) {
            r->diagnostics = r->regression.diagnostics(s.X, s.y);
            r->flagged = linlab::Influence::flagRows(r->diagnostics, r->regression.report().rank);
            r->normalQuantiles = sampleQuantiles(r->diagnostics.standardized);
        }
    } catch (const std::exception&) {
        r = std::make_unique<Result>(); // sizes that do not fit: no report to show
    }
    for (const std::string& name : s.names)
        r->featureNames << QString::fromStdString(name);
    if (s.X.n_rows > 0)
        r->featureMeans = arma::mean(s.X, 0);
    r->labelName = QString::fromStdString(s.label);
    return r;
}

void RegressionRunner::onThreadDone(quint64 job) {
    if (job != m_job || !m_thread.joinable())
        return; // already waited for
    m_thread.join();
    m_spare = std::move(m_running);
    m_result = std::move(m_pending);
    if (m_again) {
        start();
    } else {
        m_current = true;
    }
    emit resultChanged();
}

void RegressionRunner::waitForResult() {
    if (m_current)
        return;
    m_delay->stop();
    while (!m_current) {
        if (!m_thread.joinable())
            start();
        m_thread.join();
        ++m_job; // its queued notice is now stale
        m_spare = std::move(m_running);
        m_result = std::move(m_pending);
        if (m_again)
            start(); // the data changed during that fit: the next one is the current one
        else
            m_current = true;
    }
    emit resultChanged();
}
