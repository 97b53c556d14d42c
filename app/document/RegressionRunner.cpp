#include "app/document/RegressionRunner.h"

#include "app/document/Document.h"
#include "model/fit/Analysis.h"

#include <QMetaObject>

// What one fit reads: the document's analysis (unchanged until stop()), and copies of the rest.
struct RegressionRunner::Job {
    const linlab::Analysis* analysis;
    std::vector<std::string> names;
    std::string label;
    double level;
};

RegressionRunner::RegressionRunner(Document* document, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_result(std::make_unique<Result>()) {
    // Direct: the thread must let go of the analysis before the document touches it.
    connect(document, &Document::analysisAboutToChange, this, &RegressionRunner::stop,
            Qt::DirectConnection);
    connect(document, &Document::analysisChanged, this, &RegressionRunner::onDataChanged);
    connect(document, &Document::statisticsRefreshed, this, &RegressionRunner::onDataChanged);
    connect(document, &Document::resetDone, this, &RegressionRunner::onDataChanged);
    onDataChanged();
}

RegressionRunner::~RegressionRunner() {
    stop();
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
    if (active && !m_current && !m_thread.joinable())
        onDataChanged();
}

void RegressionRunner::onDataChanged() {
    m_current = false;
    if (!m_active)
        return; // fitted when something shows the report again
    stop();     // a fit of what is no longer asked for
    start();
}

void RegressionRunner::stop() {
    m_current = false;
    if (!m_thread.joinable())
        return;
    m_cancel = true;
    m_thread.join();
    m_cancel = false;
    ++m_job; // its queued notice is now stale
}

void RegressionRunner::start() {
    const linlab::Dataset& data = m_document->dataset();
    auto job = std::make_shared<Job>(
        Job{&m_document->analysis(), data.featureNames(), data.labelName(), m_level});
    const quint64 id = ++m_job;
    // Into the memory of the result before last: a million rows' diagnostics are not allocated
    // (and their pages faulted in) anew after every edit.
    m_thread = std::thread([this, job, id, reuse = std::move(m_spare)]() mutable {
        m_pending = fit(*job, m_cancel, std::move(reuse));
        QMetaObject::invokeMethod(
            this, [this, id] { onThreadDone(id); }, Qt::QueuedConnection);
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

std::unique_ptr<RegressionRunner::Result> RegressionRunner::fit(const Job& job,
                                                                const std::atomic<bool>& cancel,
                                                                std::unique_ptr<Result> reuse) {
    std::unique_ptr<Result> r = reuse ? std::move(reuse) : std::make_unique<Result>();
    r->flagged.clear();
    r->normalQuantiles.reset();
    r->featureNames.clear();
    const linlab::Analysis& analysis = *job.analysis;
    try {
        // From the centred statistics where they keep every digit (O(d^3)), else by the QR of
        // the transformed rows (nearly collinear, rank-deficient or wide data). Leverage,
        // residuals and Cook's distance do not change with a column's affine map: the
        // diagnostics read the transformed rows the analysis already holds.
        r->regression = linlab::Regression::ofAnalysis(analysis, job.names, job.level);
        if (r->regression.report().problem.empty()) {
            r->regression.diagnostics(analysis.features(), analysis.labels(), r->diagnostics,
                                      &cancel);
            if (r->diagnostics.fitted.n_elem == analysis.labels().n_elem) {
                r->flagged =
                    linlab::Influence::flagRows(r->diagnostics, r->regression.report().rank);
                r->normalQuantiles = sampleQuantiles(r->diagnostics.standardized);
            }
        } else {
            r->diagnostics = {}; // none for a fit that could not be made (not the last ones)
        }
    } catch (const std::exception&) {
        r = std::make_unique<Result>(); // sizes that do not fit: no report to show
    }
    for (const std::string& name : job.names)
        r->featureNames << QString::fromStdString(name);
    r->featureMeans = analysis.rawMeans();
    r->labelName = QString::fromStdString(job.label);
    return r;
}

void RegressionRunner::onThreadDone(quint64 job) {
    if (job != m_job || !m_thread.joinable())
        return; // stopped or waited for since
    m_thread.join();
    m_spare = std::move(m_result);
    m_result = std::move(m_pending);
    m_current = true;
    emit resultChanged();
}

void RegressionRunner::waitForResult() {
    if (m_current)
        return;
    if (!m_thread.joinable())
        start();
    m_thread.join();
    ++m_job; // its queued notice is now stale
    m_spare = std::move(m_result);
    m_result = std::move(m_pending);
    m_current = true;
    emit resultChanged();
}
