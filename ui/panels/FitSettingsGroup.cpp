#include "ui/panels/FitSettingsGroup.h"

#include "ui/common/Teardown.h"

#include "app/document/Document.h"
#include "app/document/FitSettingsCommand.h"
#include "app/document/MergeIds.h"
#include "model/fit/Moments.h"
#include "ui/common/NumberText.h"
#include "ui/common/PreciseSpinBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

using namespace linlab;

namespace {

QLabel* mutedLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    QFont small = label->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    label->setFont(small);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// 3 significant digits: a slider tick reads "0.0251", not "0.025118864315095794".
double roundSignificant(double value) {
    if (!(value > 0) || !std::isfinite(value))
        return value;
    const double scale = std::pow(10.0, std::floor(std::log10(value)) - 2);
    return std::round(value / scale) * scale;
}

} // namespace

FitSettingsGroup::FitSettingsGroup(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document) {
    buildWidgets();
    connectWidgets();
    updateRange();
    syncFromDocument();
}

FitSettingsGroup::~FitSettingsGroup() {
    silenceChildren(this);
}

void FitSettingsGroup::buildWidgets() {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 4, 0, 4);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(2);

    auto* head = new QHBoxLayout;
    head->setSpacing(6);
    auto* title = new QLabel(tr("<b>Fit</b>"), this);
    m_penaltyBox = new QComboBox(this);
    m_penaltyBox->addItem(tr("Least squares"));
    m_penaltyBox->addItem(tr("Ridge (L2)"));
    m_penaltyBox->addItem(tr("Lasso (L1)"));
    m_penaltyBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_penaltyBox->setToolTip(tr("What Fit minimises: the squared error alone, or with a penalty "
                                "on the weights (scikit-learn's Ridge and Lasso)"));
    m_originBox = new QCheckBox(tr("Through the origin (b = 0)"), this);
    m_originBox->setToolTip(tr("No intercept: the bias is fixed at 0 in the sliders, the "
                               "landscape, gradient descent and every fit"));
    head->addWidget(title);
    head->addWidget(m_penaltyBox, 1);
    grid->addLayout(head, 0, 0, 1, 3);
    // A row of its own: beside the penalty it would widen the dock.
    grid->addWidget(m_originBox, 1, 0, 1, 3);

    m_alphaLabel = new QLabel(QStringLiteral("\u03b1"), this);
    m_alphaSlider = new QSlider(Qt::Horizontal, this);
    m_alphaSlider->setRange(0, kAlphaSteps);
    m_alphaSlider->setAccessibleName(tr("Alpha (log scale)"));
    m_alphaSlider->setPageStep(kAlphaSteps / 16);
    m_alphaSlider->setToolTip(tr("The penalty's strength, on a log scale: drag to watch the "
                                 "weights shrink (one drag is one undo step)"));
    m_alphaBox = new PreciseSpinBox(this);
    m_alphaBox->setRange(0, 1e300);
    m_alphaBox->setAccessibleName(tr("Alpha, exactly"));
    m_alphaBox->setKeyboardTracking(false);
    m_alphaBox->setToolTip(tr("\u03b1 exactly: type any number \u2265 0"));
    m_alphaBox->setMinimumWidth(
        m_alphaBox->fontMetrics().horizontalAdvance(QStringLiteral("0.000123")) + 30);
    m_alphaBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    grid->addWidget(m_alphaLabel, 2, 0);
    grid->addWidget(m_alphaSlider, 2, 1);
    grid->addWidget(m_alphaBox, 2, 2);
    grid->setColumnStretch(1, 1);

    m_objective = new QLabel(this);
    m_objective->setWordWrap(true);
    m_objective->setTextFormat(Qt::RichText);
    m_objective->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_objective->setToolTip(tr("What the fit minimises, at the current model"));
    grid->addWidget(m_objective, 3, 0, 1, 3);
    m_formula = mutedLabel(this);
    grid->addWidget(m_formula, 4, 0, 1, 3);
    m_r2Note = mutedLabel(this);
    m_r2Note->setText(tr("Through the origin, the live R\u00b2 is scikit-learn's r2_score (about "
                         "the mean: it can be negative); the report's R\u00b2 is R's uncentred "
                         "one (about 0)."));
    grid->addWidget(m_r2Note, 5, 0, 1, 3);
}

void FitSettingsGroup::connectWidgets() {
    connect(m_penaltyBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_updating)
            return;
        FitSettings s = m_document->fitSettings();
        s.penalty = index == 1 ? Penalty::Ridge : index == 2 ? Penalty::Lasso : Penalty::None;
        pushSettings(s, tr("Fit with %1").arg(m_penaltyBox->itemText(index)), 0, false);
    });
    connect(m_originBox, &QCheckBox::toggled, this, [this](bool on) {
        if (m_updating)
            return;
        FitSettings s = m_document->fitSettings();
        s.intercept = !on;
        pushSettings(s, on ? tr("Through the Origin") : tr("With an Intercept"), 0, false);
    });
    connect(m_alphaSlider, &QSlider::sliderPressed, this, [this] { m_dragId = nextMergeId(); });
    connect(m_alphaSlider, &QSlider::sliderReleased, this, [this] { m_dragId = 0; });
    connect(m_alphaSlider, &QSlider::valueChanged, this, [this](int position) {
        if (!m_updating)
            pushAlpha(alphaAt(position), m_alphaSlider->isSliderDown() ? m_dragId : 0);
    });
    connect(m_alphaBox, &QDoubleSpinBox::valueChanged, this, [this](double alpha) {
        if (m_updating)
            return;
        if (m_editId == 0)
            m_editId = nextMergeId();
        pushAlpha(alpha, m_editId);
    });
    connect(m_alphaBox, &QAbstractSpinBox::editingFinished, this, [this] { m_editId = 0; });

    connect(m_document, &Document::fitSettingsChanged, this, [this] {
        updateRange();
        syncFromDocument();
    });
    connect(m_document, &Document::analysisChanged, this, [this] {
        updateRange(); // lasso's alphaMax follows the fit rows
        syncFromDocument();
    });
    connect(m_document, &Document::evaluationChanged, this, &FitSettingsGroup::updateObjective);
    connect(m_document, &Document::resetDone, this, [this] {
        m_dragId = 0;
        m_editId = 0;
    });
}

double FitSettingsGroup::alphaAt(int position) const {
    const double t = double(std::clamp(position, 0, kAlphaSteps)) / kAlphaSteps;
    const double lo = std::log10(m_alphaLow), hi = std::log10(m_alphaHigh);
    return roundSignificant(std::pow(10.0, lo + t * (hi - lo)));
}

int FitSettingsGroup::positionOfAlpha(double alpha) const {
    if (!(alpha > 0))
        return 0;
    const double lo = std::log10(m_alphaLow), hi = std::log10(m_alphaHigh);
    const double t = (std::log10(alpha) - lo) / (hi - lo);
    if (!std::isfinite(t))
        return 0;
    return int(std::lround(std::clamp(t, 0.0, 1.0) * kAlphaSteps));
}

void FitSettingsGroup::updateRange() {
    alphaRange(*m_document, m_alphaLow, m_alphaHigh);
}

void FitSettingsGroup::alphaRange(const Document& document, double& low, double& high) {
    low = kRidgeAlphaMin;
    high = kRidgeAlphaMax;
    const FitSettings& s = document.fitSettings();
    if (s.penalty != Penalty::Lasso)
        return;
    const SufficientStatistics& stats = document.fitSetup().fitStatistics(document.analysis());
    if (stats.sampleCount() == 0 || stats.featureCount() == 0)
        return;
    double top = std::nan("");
    try {
        top = Regularized::lassoAlphaMax(Moments::of(stats, s.intercept));
    } catch (const std::exception&) {
    }
    if (top > 0 && std::isfinite(top)) {
        high = top;
        low = top * kLassoLowFraction;
    }
}

QString FitSettingsGroup::formulaText(Penalty penalty, bool intercept) {
    const QString residual =
        intercept ? QStringLiteral("y \u2212 Xw \u2212 b") : QStringLiteral("y \u2212 Xw");
    switch (penalty) {
    case Penalty::Ridge:
        return QStringLiteral("\u2016%1\u2016\u00b2 + \u03b1\u2016w\u2016\u00b2").arg(residual);
    case Penalty::Lasso:
        return QStringLiteral("(1/2n)\u2016%1\u2016\u00b2 + \u03b1\u2016w\u2016\u2081")
            .arg(residual);
    case Penalty::None:
        break;
    }
    return QStringLiteral("(1/n)\u2016%1\u2016\u00b2").arg(residual);
}

void FitSettingsGroup::syncFromDocument() {
    const FitSettings& s = m_document->fitSettings();
    const bool was = m_updating;
    m_updating = true;
    m_penaltyBox->setCurrentIndex(s.penalty == Penalty::Ridge   ? 1
                                  : s.penalty == Penalty::Lasso ? 2
                                                                : 0);
    m_originBox->setChecked(!s.intercept);
    const bool penalised = s.penalty != Penalty::None;
    for (QWidget* w : {static_cast<QWidget*>(m_alphaLabel), static_cast<QWidget*>(m_alphaSlider),
                       static_cast<QWidget*>(m_alphaBox)})
        w->setVisible(penalised);
    if (!m_alphaSlider->isSliderDown())
        m_alphaSlider->setValue(positionOfAlpha(s.alpha));
    if (m_alphaBox->value() != s.alpha)
        m_alphaBox->setValue(s.alpha);
    m_alphaSlider->setToolTip(
        tr("\u03b1 from %1 to %2 on a log scale: drag to watch the weights "
           "shrink (one drag is one undo step)")
            .arg(NumberText::brief(m_alphaLow), NumberText::brief(m_alphaHigh)));
    QString note;
    if (s.penalty == Penalty::Ridge)
        note = tr("scikit-learn's Ridge(alpha); ");
    else if (s.penalty == Penalty::Lasso)
        note = tr("scikit-learn's Lasso(alpha), by coordinate descent; \u03b1 \u2265 %1 zeroes "
                  "every weight; ")
                   .arg(NumberText::brief(m_alphaHigh));
    else
        note = tr("The mean squared error over the fit rows; ");
    note += s.intercept ? tr("the intercept is not penalised; on the transformed features.")
                        : tr("no intercept (b = 0); on the transformed features.");
    m_formula->setText(note);
    m_r2Note->setVisible(!s.intercept);
    m_updating = was;
    updateObjective();
}

void FitSettingsGroup::updateObjective() {
    const FitSettings& s = m_document->fitSettings();
    const QString name = s.penalty == Penalty::Ridge   ? tr("ridge")
                         : s.penalty == Penalty::Lasso ? tr("lasso")
                                                       : tr("MSE");
    m_objective->setText(QStringLiteral("%1&nbsp;&nbsp;%2 = <b>%3</b>")
                             .arg(name, formulaText(s.penalty, s.intercept).toHtmlEscaped(),
                                  NumberText::brief(m_document->objective(), 5)));
}

void FitSettingsGroup::pushAlpha(double alpha, int mergeId) {
    FitSettings s = m_document->fitSettings();
    if (!(alpha >= 0) || !std::isfinite(alpha) || alpha == s.alpha)
        return;
    s.alpha = alpha;
    // With a penalty on, the weights follow alpha (refit); one drag or edit is one undo step.
    pushSettings(s, tr("Set \u03b1"), mergeId, s.penalty != Penalty::None);
}

void FitSettingsGroup::pushSettings(const FitSettings& settings, const QString& text, int mergeId,
                                    bool refit) {
    if (settings == m_document->fitSettings())
        return;
    try {
        m_document->undoStack()->push(
            new FitSettingsCommand(m_document, settings, text, mergeId, refit));
    } catch (const std::exception&) {
        syncFromDocument(); // refused settings: show the document's again
    }
}
