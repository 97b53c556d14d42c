#pragma once
// The regularisation path: each weight against alpha (log x axis), ridge's or lasso's by the
// document's penalty, on the fit rows' moments (Regularized::path), with the current alpha as a
// vertical line. The path is recomputed when the data, the transform, the split, the penalty or
// the intercept change; a change of alpha only moves the line.

#include <armadillo>

#include <QWidget>

#include <qcustomplot.h>

class Document;

class PathPlotView : public QWidget {
    Q_OBJECT
public:
    /// Alphas on the path's grid.
    static constexpr int kGridSize = 120;
    /// Paths are drawn for at most this many features (ridge's is O(d^3), lasso's O(grid d^2)
    /// a sweep; and a legend of hundreds says nothing).
    static constexpr int kMaxFeatures = 60;

    explicit PathPlotView(Document* document, QWidget* parent = nullptr);
    ~PathPlotView() override;

    QCustomPlot* plot() const { return m_plot; }
    /// The alphas of the path drawn (empty without one).
    const arma::vec& alphas() const { return m_alphas; }
    /// The weights drawn: column k at alphas()(k), one row per feature.
    const arma::mat& path() const { return m_path; }
    /// The alpha the vertical line marks (NaN when hidden).
    double markerAlpha() const;
    QCPItemStraightLine* marker() const { return m_marker; }
    /// How many times the path was computed.
    int pathBuilds() const { return m_builds; }
    /// The centred placeholder shown instead of a path; empty when one is drawn.
    QString message() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void rebuild();
    void computePath();
    void drawPath();
    void moveMarker();
    void showMessage(const QString& text);
    void onSettingsChanged();
    /// What the path depends on besides the data (alpha excluded).
    arma::vec settingsKey() const;

    Document* m_document;
    QCustomPlot* m_plot;
    QCPLayer* m_overlay = nullptr;
    QCPItemStraightLine* m_marker = nullptr;
    QCPItemText* m_markerLabel = nullptr;
    QCPItemText* m_message = nullptr;
    arma::vec m_alphas;
    arma::mat m_path;
    arma::vec m_key;
    int m_builds = 0;
    bool m_pending = false; ///< a change came while hidden behind another tab
};
