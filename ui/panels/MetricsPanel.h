#pragma once
// Live read-out of the current model: MSE, RMSE, MAE and R2, the true gradient of the MSE per
// weight and for the bias next to the lesson's X^T e / n (half of it), and how far the model
// is from the least-squares fit. Exact numbers; "—" where a value is undefined.

#include <QStringList>
#include <QWidget>

#include <vector>

class Document;
class QGridLayout;
class QLabel;

class MetricsPanel : public QWidget {
    Q_OBJECT
public:
    /// Gradient rows are listed for at most this many weights; a note counts the rest.
    static constexpr int kMaxFeatureRows = 200;

    explicit MetricsPanel(Document* document, QWidget* parent = nullptr);
    ~MetricsPanel() override;

    /// The value label named `objectName` ("mseValue", "gradW0Value", ...); nullptr if none.
    QLabel* valueLabel(const QString& objectName) const;

public slots:
    /// Rereads every number from the document.
    void refresh();

private:
    static QString maeToolTip();
    void rebuild();
    void addSection(const QString& title);
    void addNote(const QString& text, const QString& toolTip);
    void addMoreNote(int hidden);
    QLabel* addRow(const QString& name, const QString& objectName, const QString& toolTip);
    /// A value read-out: a dash until set, a fixed width, selectable, `toolTip` as its tooltip.
    QLabel* valueLabel(const QString& objectName, const QString& toolTip);
    /// A value label in the test column, in grid row `row`.
    QLabel* addTestValue(const QString& objectName, const QString& toolTip, int row);
    /// Train and test columns with a split (heldOutMetrics), the every-row column without.
    void refreshLoss();
    /// `mae` into `label`, or its last value muted while the document computes it.
    void showMae(QLabel* label, double mae, const QString& tip);

    Document* m_document;
    QWidget* m_content = nullptr; ///< every label; rebuilt when the features change
    QGridLayout* m_grid = nullptr;
    int m_row = 0;                ///< next free row of m_grid while building
    QLabel* m_rowsUsed = nullptr; ///< "333 of 344 rows used (11 with missing values)"
    QLabel* m_mse = nullptr;
    QLabel* m_rmse = nullptr;
    QLabel* m_mae = nullptr;
    QLabel* m_r2 = nullptr;
    QLabel* m_trainHeader = nullptr; ///< "train" above the values, with a split only
    QLabel* m_testHeader = nullptr;
    QLabel* m_mseTest = nullptr; ///< the test column: the held-out rows' metrics
    QLabel* m_rmseTest = nullptr;
    QLabel* m_maeTest = nullptr;
    QLabel* m_r2Test = nullptr;
    std::vector<QLabel*> m_gradW;       ///< true dMSE/dw_j
    std::vector<QLabel*> m_lessonGradW; ///< the lesson's X^T e / n
    QLabel* m_gradBias = nullptr;
    QLabel* m_distance = nullptr;
    QLabel* m_excess = nullptr;
    QLabel* m_rankWarning = nullptr;
    QStringList m_names; ///< feature names the gradient rows were built for
};
