#pragma once
// The loss curve: the MSE after every epoch of the run being watched (as the run keeps them: every
// one up to 10,000, then evenly thinned), drawn up to the epoch shown, with a readout of the epoch
// and loss under the cursor. "Keep run" freezes the curve so runs with other rates or methods can
// be laid over it; "Clear" drops the kept ones.

#include <QPointer>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <qcustomplot.h>

#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class TrainingSession;

class LossCurveView : public QWidget {
    Q_OBJECT
public:
    /// What a zero loss is drawn at on a log axis (off the bottom: the curve dives out of view).
    static constexpr double kLogFloor = 1e-300;

    explicit LossCurveView(TrainingSession* session, QWidget* parent = nullptr);
    ~LossCurveView() override;

    QCustomPlot* plot() const { return m_plot; }
    /// The run being watched, up to the epoch shown.
    QCPGraph* currentGraph() const { return m_current; }
    QCPItemTracer* tracer() const { return m_tracer; }
    /// "epoch 37: MSE 12.3" (under the cursor, else at the epoch shown).
    QLabel* readout() const { return m_readout; }
    QPushButton* keepButton() const { return m_keepButton; }
    QPushButton* clearButton() const { return m_clearButton; }
    QCheckBox* logBox() const { return m_logBox; }
    bool isLogScale() const { return m_log; }
    int keptCount() const { return int(m_kept.size()); }
    /// The kept runs' names, oldest first.
    QStringList keptNames() const;
    /// The names of every legend entry, top to bottom.
    QStringList legendNames() const;

public slots:
    /// Freezes the current curve (as far as it is shown) under the run's name.
    void keepRun();
    /// Drops every kept curve.
    void clearKept();
    void setLogScale(bool on);

private:
    struct Curve {
        QCPGraph* graph = nullptr;
        std::vector<double> loss;        ///< the kept points' losses
        std::vector<std::size_t> epochs; ///< the epoch of each (the history is thinned past 10,000)
        QString name;
        double lo = 0, hi = 0, lowestPositive = 0; ///< over the plottable losses
        bool any = false;
    };
    /// Widens a curve's extent by loss[from, to).
    static void include(Curve& curve, const std::vector<double>& loss, std::size_t from,
                        std::size_t to);

    void onRunChanged();
    void onPositionChanged();
    void syncCurrent(bool restart);
    void fill(QCPGraph* graph, const std::vector<double>& loss,
              const std::vector<std::size_t>& epochs, std::size_t from, std::size_t to) const;
    /// The index of the current run's point whose epoch is nearest `epoch`.
    std::size_t nearestPoint(double epoch) const;
    void updateRanges();
    void updateButtons();
    /// The readout (and the tracer while hovering) at the current run's point `index`.
    void showReadout(std::size_t index);
    void onMouseMove(QMouseEvent* event);
    double shown(double loss) const;

    QPointer<TrainingSession> m_session; ///< null once the session is gone (views may outlive it)
    QCustomPlot* m_plot;
    QCPGraph* m_current;
    QCPItemTracer* m_tracer;
    QLabel* m_readout;
    QPushButton* m_keepButton;
    QPushButton* m_clearButton;
    QCheckBox* m_logBox;
    std::vector<Curve> m_kept;
    bool m_log = true;
    Curve m_currentCurve; ///< extent of the current run's losses shown (they stay in the session)
    std::size_t m_currentCount = 0; ///< loss-history points of the current run in m_current
    bool m_hovering = false;
};
