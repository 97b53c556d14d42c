#pragma once
// Why normalisation matters: full-batch gradient descent on the raw features and on the
// z-scored ones, each at the same fraction of its own stable bound, drawn side by side on the
// same slice of parameters at equal scales (a long thin valley against a round bowl), with the
// condition numbers, the epochs each needed, and both fits in the original units: one model.
//
// A snapshot: it is computed when asked (compare()) and says so when the data has changed since.

#include "model/training/LandscapeWindow.h"
#include "model/training/NormalizationExperiment.h"

#include <QVector>
#include <QWidget>

#include <qcustomplot.h>

#include <utility>

class Document;
class QComboBox;
class QLabel;
class QPushButton;

class NormalizationComparison : public QWidget {
    Q_OBJECT
public:
    explicit NormalizationComparison(Document* document, QWidget* parent = nullptr);
    ~NormalizationComparison() override;

    /// Runs both sides on the document's data now (the scale is taken from the document).
    void compare(const linlab::NormalizationComparisonSettings& settings);
    /// Runs again with the last settings.
    void compareAgain();

    bool hasResult() const { return m_hasResult; }
    const linlab::NormalizationComparisonResult& result() const { return m_result; }
    /// True when the data changed after the comparison was computed.
    bool isOutdated() const { return m_outdated; }

    QCustomPlot* rawPlot() const { return m_sides[0].plot; }
    QCustomPlot* zscoredPlot() const { return m_sides[1].plot; }
    QLabel* summaryLabel() const { return m_summary; }
    QComboBox* sliceBox() const { return m_sliceBox; }
    /// The two parameters drawn (j may be the bias, index d).
    std::pair<int, int> slice() const { return m_slice; }
    void setSlice(int i, int j);

private:
    struct Side {
        QCustomPlot* plot = nullptr;
        QCPTextElement* title = nullptr;
        QCPColorMap* map = nullptr;
        QVector<QCPCurve*> contours;
        QCPCurve* path = nullptr;
        QCPGraph* start = nullptr;
        QCPGraph* optimum = nullptr;
        linlab::LandscapeWindow wanted; ///< what must show; one axis widens to keep scales equal
        linlab::LandscapeWindow drawn;  ///< what the grid covers
    };

    void buildSide(Side& side, const QString& title);
    void redraw();
    void drawSide(Side& side, const linlab::NormalizationRun& run);
    void fitAspect(Side& side);
    void fillGrid(Side& side, const linlab::NormalizationRun& run);
    void updateSummary();
    // updateSummary's parts, once there is a result.
    void updateTitles();
    QString summaryTable(const QString& fraction, const QString& tolerance) const;
    QString moralText() const;
    void rebuildSliceBox();

    Document* m_document;
    QLabel* m_intro;
    QComboBox* m_sliceBox;
    QPushButton* m_againButton;
    QLabel* m_outdatedLabel;
    QLabel* m_summary;
    Side m_sides[2];
    linlab::NormalizationComparisonSettings m_settings;
    linlab::NormalizationComparisonResult m_result;
    bool m_hasResult = false;
    bool m_outdated = false;
    std::pair<int, int> m_slice{0, 1};
    bool m_fitting = false;
};
