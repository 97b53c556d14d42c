#include "ui/panels/MetricsPanel.h"

#include "ui/common/Teardown.h"

#include "app/document/Document.h"
#include "ui/common/DisplayDigits.h"
#include "ui/common/NumberText.h"
#include "ui/common/ParameterSymbols.h"

#include <QFont>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

// A read-out as the display setting says (View > Significant Digits), every digit in its tooltip
// after the label's own explanation (kept in the "baseTip" property).
void showNumber(QLabel* label, double value) {
    if (!label->property("baseTip").isValid())
        label->setProperty("baseTip", label->toolTip());
    label->setText(NumberText::shown(value));
    const QString base = label->property("baseTip").toString();
    const QString digits = MetricsPanel::tr("Every digit: %1").arg(NumberText::exact(value));
    label->setToolTip(base.isEmpty() ? digits : base + QStringLiteral("\n\n") + digits);
}

} // namespace

using namespace linlab;

MetricsPanel::MetricsPanel(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addStretch(1);

    connect(m_document, &Document::evaluationChanged, this, &MetricsPanel::refresh);
    // Renames arrive without a new evaluation; sizes may briefly disagree, refresh() copes.
    connect(m_document, &Document::analysisChanged, this, &MetricsPanel::refresh);
    // A large table's MAE arrives a moment after the rest, from the background.
    connect(m_document, &Document::metricsRefined, this, &MetricsPanel::refresh);
    // Other digits: other label widths, so the labels are made anew.
    connect(DisplayDigits::instance(), &DisplayDigits::changed, this, [this] {
        rebuild();
        refresh();
    });

    refresh();
}

QString MetricsPanel::maeToolTip() {
    return tr("np.mean(np.abs(predicted - actual)): the average miss, whatever its sign");
}

QLabel* MetricsPanel::valueLabel(const QString& objectName) const {
    return findChild<QLabel*>(objectName);
}

void MetricsPanel::addSection(const QString& title) {
    auto* label = new QLabel(title, m_content);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    if (m_row > 0)
        label->setContentsMargins(0, 8, 0, 0);
    m_grid->addWidget(label, m_row++, 0, 1, 2);
}

void MetricsPanel::addNote(const QString& text, const QString& toolTip) {
    auto* label = new QLabel(text, m_content);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setWordWrap(true);
    label->setToolTip(toolTip);
    label->setContentsMargins(0, 4, 0, 0);
    m_grid->addWidget(label, m_row++, 0, 1, 2);
}

void MetricsPanel::addMoreNote(int hidden) {
    if (hidden > 0)
        addNote(tr("\u2026 %1 more weights, not listed (the first %2 are)")
                    .arg(NumberText::count(hidden))
                    .arg(kMaxFeatureRows),
                tr("A label per weight would make a wide table's panel slow to build and to "
                   "scroll; the lesson pane shows the whole gradient's start and size"));
}

QLabel* MetricsPanel::addRow(const QString& name, const QString& objectName,
                             const QString& toolTip) {
    auto* nameLabel = new QLabel(name, m_content);
    nameLabel->setContentsMargins(8, 0, 0, 0);
    nameLabel->setToolTip(toolTip);
    QLabel* value = valueLabel(objectName, toolTip);
    m_grid->addWidget(nameLabel, m_row, 0);
    m_grid->addWidget(value, m_row++, 1);
    return value;
}

QLabel* MetricsPanel::valueLabel(const QString& objectName, const QString& toolTip) {
    auto* value = new QLabel(NumberText::dash(), m_content);
    value->setObjectName(objectName);
    // A fixed size, wide enough for any double as the digits setting shows it: a label whose
    // size cannot change does not ask the panel to lay out again when its text does (a slider
    // tick changes thirty of them; the relayout cost more than the rest of the panel's work).
    const QString widest = DisplayDigits::digits() == 0
                               ? QStringLiteral("-8.8888888888888888e-308") // 17 digits
                               : NumberText::shown(-8.8888888888888888e-308);
    value->setFixedSize(value->fontMetrics().horizontalAdvance(widest) + 4,
                        value->sizeHint().height());
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setToolTip(toolTip);
    return value;
}

QLabel* MetricsPanel::addTestValue(const QString& objectName, const QString& toolTip, int row) {
    QLabel* value = valueLabel(objectName, toolTip);
    m_grid->addWidget(value, row, 2);
    return value;
}

void MetricsPanel::rebuild() {
    // Only labels live here and none of them emits, so deleting now is safe; deleting later
    // would leave two "gradW0Value" labels for findChild() until the event loop runs.
    delete m_content;
    m_gradW.clear();
    m_lessonGradW.clear();
    m_names.clear();
    for (const std::string& name : m_document->dataset().featureNames())
        m_names << QString::fromStdString(name);

    // One grid for every section, so all values line up in one column.
    m_content = new QWidget(this);
    m_grid = new QGridLayout(m_content);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(3);
    m_grid->setColumnStretch(3, 1); // the train and test columns side by side, room after
    m_row = 0;

    addSection(tr("Loss"));
    // A typed table's rows left out for missing values: every number below is over the rest.
    m_rowsUsed = new QLabel(m_content);
    m_rowsUsed->setObjectName(QStringLiteral("rowsUsedNote"));
    m_rowsUsed->setWordWrap(true);
    m_rowsUsed->setToolTip(
        tr("Rows with a missing value in the label or a used feature are left out of every "
           "number (listwise, as R and JASP do); the table shows them greyed"));
    m_grid->addWidget(m_rowsUsed, m_row++, 0, 1, 2);
    // With a split: the train rows' numbers under "train", the held-out rows' beside them.
    m_trainHeader = new QLabel(tr("train"), m_content);
    m_testHeader = new QLabel(tr("test (held out)"), m_content);
    m_testHeader->setObjectName(QStringLiteral("testHeader"));
    m_grid->addWidget(m_trainHeader, m_row, 1);
    m_grid->addWidget(m_testHeader, m_row++, 2);
    m_mse = addRow(tr("MSE"), QStringLiteral("mseValue"),
                   tr("mse = np.mean((predicted - actual) ** 2): the average squared miss"));
    m_rmse = addRow(tr("RMSE"), QStringLiteral("rmseValue"),
                    tr("np.sqrt(mse): a typical miss, in the label's own units"));
    m_mae = addRow(tr("MAE"), QStringLiteral("maeValue"), maeToolTip());
    m_r2 =
        addRow(tr("R²"), QStringLiteral("r2Value"),
               tr("1 - SS_res / SS_tot: 1 is a perfect fit, 0 no better than predicting the mean"));
    // The test column beside MSE, RMSE, MAE and R² (the four rows just added).
    const QString onTest = tr("On the held-out test rows, which the fit never saw");
    m_mseTest = addTestValue(QStringLiteral("mseTestValue"), onTest, m_row - 4);
    m_rmseTest = addTestValue(QStringLiteral("rmseTestValue"), onTest, m_row - 3);
    m_maeTest = addTestValue(QStringLiteral("maeTestValue"), onTest, m_row - 2);
    m_r2Test = addTestValue(QStringLiteral("r2TestValue"), onTest, m_row - 1);

    addSection(tr("Gradient ∂MSE/∂"));
    const int shown = std::min<int>(m_names.size(), kMaxFeatureRows);
    for (int j = 0; j < shown; ++j)
        m_gradW.push_back(
            addRow(QStringLiteral("%1  %2").arg(ParameterSymbols::weightSymbol(j), m_names.at(j)),
                   QStringLiteral("gradW%1Value").arg(j),
                   tr("(2/n) Xᵀe for %1: how fast the MSE grows as its weight grows; negative: "
                      "increase the weight")
                       .arg(m_names.at(j))));
    addMoreNote(m_names.size() - shown);
    m_gradBias = addRow(tr("b  bias"), QStringLiteral("gradBiasValue"),
                        tr("(2/n) Σe: how fast the MSE grows as the bias grows; negative: the "
                           "predictions are too low"));
    addNote(tr("lesson's Xᵀe/n (half the true gradient)"),
            tr("gradient = np.dot(X.T, errors) / len(X): the lesson's formula drops the 2 that "
               "comes from "
               "differentiating the square, and has no bias term"));
    for (int j = 0; j < shown; ++j)
        m_lessonGradW.push_back(
            addRow(QStringLiteral("%1  %2").arg(ParameterSymbols::weightSymbol(j), m_names.at(j)),
                   QStringLiteral("lessonGradW%1Value").arg(j),
                   tr("The lesson's gradient for %1: half the true one").arg(m_names.at(j))));
    addMoreNote(m_names.size() - shown);

    addSection(tr("Distance to the least-squares fit"));
    m_distance = addRow(
        tr("|(w, b) − (w*, b*)|"), QStringLiteral("distanceValue"),
        tr("How far the weights and bias are from the best fit, as a straight-line distance"));
    m_excess = addRow(tr("MSE − MSE*"), QStringLiteral("excessLossValue"),
                      tr("How much more loss than the best fit: 0 at the least-squares weights"));

    m_rankWarning = new QLabel(m_content);
    m_rankWarning->setObjectName(QStringLiteral("rankWarning"));
    m_rankWarning->setWordWrap(true);
    m_rankWarning->setContentsMargins(0, 6, 0, 0);
    m_rankWarning->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rankWarning->setToolTip(
        tr("Some features are constant or combinations of others, or there are too few rows"));
    m_rankWarning->hide();
    m_grid->addWidget(m_rankWarning, m_row++, 0, 1, 2);

    static_cast<QVBoxLayout*>(layout())->insertWidget(0, m_content);
}

void MetricsPanel::refresh() {
    const Dataset& data = m_document->dataset();
    bool namesMatch = m_content && m_names.size() == int(data.featureCount());
    for (int j = 0; namesMatch && j < m_names.size(); ++j)
        namesMatch = m_names.at(j) == QString::fromStdString(data.featureNames()[size_t(j)]);
    if (!namesMatch)
        rebuild();

    const QString rowsUsed = m_document->rowsUsedText();
    m_rowsUsed->setText(rowsUsed);
    m_rowsUsed->setVisible(!rowsUsed.isEmpty());
    refreshLoss();
    const Evaluation& e = m_document->evaluation();
    for (size_t j = 0; j < m_gradW.size(); ++j) {
        // While a feature is being inserted the evaluation can still be the old one's size.
        showNumber(m_gradW[j],
                   j < e.gradient.weights.n_elem ? e.gradient.weights(j) : std::nan(""));
        showNumber(m_lessonGradW[j],
                   j < e.lessonGradient.n_elem ? e.lessonGradient(j) : std::nan(""));
    }
    showNumber(m_gradBias, e.gradient.bias);
    showNumber(m_distance, e.distanceToLeastSquares);
    showNumber(m_excess, e.excessLoss);

    const LeastSquaresResult& ls = m_document->analysis().statistics().leastSquares();
    const bool warn = data.rowCount() > 0 && ls.rankDeficient;
    m_rankWarning->setVisible(warn);
    if (warn)
        m_rankWarning->setText(
            tr("\u26a0 Least squares is rank-deficient (rank %1 of %2): the best fit is not "
               "unique; Fit uses the smallest weights among them.")
                .arg(ls.rank)
                .arg(data.featureCount() + 1));
}

void MetricsPanel::refreshLoss() {
    const bool split = m_document->fitSetup().hasSplit();
    for (QLabel* label : {m_trainHeader, m_testHeader, m_mseTest, m_rmseTest, m_maeTest, m_r2Test})
        label->setVisible(split);
    const Evaluation& e = m_document->evaluation();
    const HeldOutMetrics& h = m_document->heldOutMetrics();
    const Metrics& shown = split ? h.train : e.metrics;
    showNumber(m_mse, shown.mse);
    showNumber(m_rmse, shown.rmse);
    showNumber(m_r2, shown.r2);
    if (split) {
        showNumber(m_mseTest, h.test.mse);
        showNumber(m_rmseTest, h.test.rmse);
        showNumber(m_r2Test, h.test.r2);
    }
    showMae(m_mae, split ? h.train.mae : e.metrics.mae, maeToolTip());
    if (split)
        showMae(m_maeTest, h.test.mae, tr("On the held-out test rows, which the fit never saw"));
}

void MetricsPanel::showMae(QLabel* label, double mae, const QString& tip) {
    if (m_document->maePending()) {
        // Being computed over every row: the last value stays, muted, rather than flicker.
        if (label->text().isEmpty())
            label->setText(QStringLiteral("\u2026"));
        label->setEnabled(false);
        label->setToolTip(tip + tr("\n(being computed over every row\u2026)"));
        return;
    }
    label->setProperty("baseTip", tip);
    showNumber(label, mae);
    label->setEnabled(true);
}

MetricsPanel::~MetricsPanel() {
    silenceChildren(this);
}
