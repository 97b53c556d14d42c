#pragma once
// The regression report of a document, computed on a second thread after every data change: the
// report panel and the diagnostic plots read it here. Widget-free, so views only show what it
// has (PlotJuggler's manager beside its panel).
//
// The thread reads the document's analysis itself (no copy of a large table): the document says
// before it changes it (analysisAboutToChange), and a running fit is cancelled then. Until the
// new result is in, the old one stays readable and isCurrent() is false.

#include "model/fit/Influence.h"
#include "model/fit/Regression.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <thread>

class Document;
class QTimer;

class RegressionRunner : public QObject {
    Q_OBJECT
public:
    /// Follows `document` (which must outlive it) and fits its data at once.
    explicit RegressionRunner(Document* document, QObject* parent = nullptr);
    /// Waits for a running fit.
    ~RegressionRunner() override;

    /// Everything one fit gives, on the rows of one version of the data.
    struct Result {
        linlab::Regression regression;
        linlab::RowDiagnostics diagnostics;
        std::vector<linlab::FlaggedRow> flagged;
        /// The Q-Q plot's x: for the display rows (0, k, 2k, ...), the normal quantile of their
        /// standardized residual among themselves; NaN for the other rows.
        arma::vec normalQuantiles;
        QStringList featureNames;
        arma::rowvec featureMeans; ///< of the rows fitted: where Predict starts, where bands hold
                                   ///< the other features
        QString labelName;
    };

    /// The latest finished fit (an empty one before the first).
    const Result& result() const { return *m_result; }
    /// True when result() belongs to the document's current data and level.
    bool isCurrent() const { return m_current; }
    /// The level of the confidence and prediction intervals, in (0, 1); 0.95 by default.
    double confidenceLevel() const { return m_level; }
    /// Changes the level and fits again (nothing when it is out of range or unchanged).
    void setConfidenceLevel(double level);
    /// Fits now on this thread when a fit is due or running (tests, exports); sends resultChanged.
    void waitForResult();
    /// Inactive, a data change only marks the result stale and no fit runs (nothing shows the
    /// report: a million-row edit should not share its cores with one); becoming active fits.
    /// Active by default.
    void setActive(bool active);
    bool isActive() const { return m_active; }

signals:
    /// A fit finished: result() changed (delivered on this object's thread).
    void resultChanged();

private:
    struct Job;
    void onDataChanged();
    /// Cancels a running fit and waits for its thread (the analysis is about to change).
    void stop();
    void start();
    void onThreadDone(quint64 job);
    /// The fit of `job`, into `reuse`'s memory when given.
    static std::unique_ptr<Result> fit(const Job& job, const std::atomic<bool>& cancel,
                                       std::unique_ptr<Result> reuse);
    /// The Q-Q plot's x: normal quantiles of the display rows' standardized residuals.
    static arma::vec sampleQuantiles(const arma::vec& standardized);

    Document* m_document;
    std::unique_ptr<Result> m_result;
    std::unique_ptr<Result> m_pending; // written by the thread, read after join()
    std::unique_ptr<Result> m_spare;   // the result before last: the next fit's memory
    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    quint64 m_job = 0;
    double m_level = 0.95;
    bool m_current = false;
    bool m_active = true;
};
