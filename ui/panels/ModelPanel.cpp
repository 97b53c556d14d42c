#include "ui/panels/ModelPanel.h"

#include "ui/common/Teardown.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "app/document/MergeIds.h"
#include "ui/common/NumberText.h"
#include "ui/common/PreciseSpinBox.h"

#include <QFont>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace linlab;

namespace {

// The smallest "nice" number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) >= x > 0, so
// range ends read as round numbers around the least-squares value.
double niceCeil(double x) {
    if (!(x > 0) || !std::isfinite(x))
        return 1.0;
    const double exponent = std::floor(std::log10(x));
    const double power = std::pow(10.0, exponent);
    for (double m : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
        const double candidate = exponent < 0 ? m / std::pow(10.0, -exponent) : m * power;
        if (candidate >= x * (1 - 1e-12))
            return candidate;
    }
    return 10.0 * power;
}

// tick = mantissa * 10^exponent, as the largest 1, 2 or 5 times a power of ten <= x.
struct Tick {
    double mantissa;
    int exponent;
};

Tick niceFloorTick(double x) {
    const int exponent = int(std::floor(std::log10(x)));
    const double m = x / std::pow(10.0, exponent);
    return {m >= 5.0 ? 5.0 : (m >= 2.0 ? 2.0 : 1.0), exponent};
}

// k ticks, as the double nearest the decimal k * mantissa * 10^exponent (dividing by an exact
// power of ten is correctly rounded; multiplying by an inexact 0.1 would not be).
double ticks(double k, const Tick& tick) {
    const double units = k * tick.mantissa;
    return tick.exponent >= 0 ? units * std::pow(10.0, tick.exponent)
                              : units / std::pow(10.0, -tick.exponent);
}

// [centre - half, centre + half] widened to whole ticks of about half/10, so range ends read as
// round numbers ("-13 to 17") while the least-squares value stays near the middle.
void roundedRange(double centre, double half, double& lo, double& hi) {
    const Tick tick = niceFloorTick(half / 10);
    const double size = ticks(1, tick);
    lo = ticks(std::floor((centre - half) / size), tick);
    hi = ticks(std::ceil((centre + half) / size), tick);
}

// Digits 0-9 as Unicode subscripts, for w₁, w₂, ...
QString subscript(int number) {
    QString digits = QString::number(number);
    for (QChar& c : digits)
        c = QChar(char16_t(0x2080 + (c.unicode() - u'0')));
    return digits;
}

bool sameDouble(double a, double b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

} // namespace

ModelPanel::ModelPanel(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    // Rows scroll when a dataset has many features; the buttons stay in view.
    auto* scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rowsHost = new QWidget(scroll);
    auto* hostLayout = new QVBoxLayout(m_rowsHost);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    hostLayout->addStretch(1);
    scroll->setWidget(m_rowsHost);

    // The buttons sit above the rows, so they stay next to the weights however tall the dock is.
    auto* buttons = new QHBoxLayout;
    m_fitButton = new QPushButton(tr("Fit"), this);
    m_fitButton->setToolTip(
        tr("Jump to the least-squares weights and bias: the lowest MSE a straight line can reach"));
    m_resetButton = new QPushButton(tr("Reset"), this);
    m_rangesButton = new QToolButton(this);
    m_rangesButton->setText(tr("Ranges"));
    m_rangesButton->setCheckable(true);
    m_rangesButton->setToolTip(tr("Show the slider ranges, to widen or narrow them"));
    buttons->addWidget(m_fitButton);
    buttons->addWidget(m_resetButton);
    buttons->addStretch(1);
    buttons->addWidget(m_rangesButton);
    layout->addLayout(buttons);
    layout->addWidget(scroll, 1);

    connect(m_fitButton, &QPushButton::clicked, this, [this] {
        m_document->undoStack()->push(new SetModelCommand(
            m_document, m_document->leastSquaresModel(), tr("Fit Least Squares")));
    });
    connect(m_resetButton, &QPushButton::clicked, this, [this] {
        m_document->undoStack()->push(
            new SetModelCommand(m_document, m_document->defaultModel(), tr("Reset Model")));
    });
    connect(m_rangesButton, &QToolButton::toggled, this, [this](bool on) {
        for (const Row& row : m_rows)
            row.rangeEditor->setVisible(on);
    });

    connect(m_document, &Document::analysisChanged, this, &ModelPanel::onAnalysisChanged);
    connect(m_document, &Document::modelChanged, this, &ModelPanel::onModelChanged);
    // A new document: its undo stack is empty, so no drag or edit session can continue.
    connect(m_document, &Document::resetDone, this, [this] {
        m_dragId = 0;
        m_editId = 0;
    });

    m_lastSettings = m_document->transformSettings();
    rebuildRows();
}

QSlider* ModelPanel::slider(int parameter) const {
    return parameter >= 0 && parameter < parameterCount() ? m_rows[size_t(parameter)].slider
                                                          : nullptr;
}

PreciseSpinBox* ModelPanel::spinBox(int parameter) const {
    return parameter >= 0 && parameter < parameterCount() ? m_rows[size_t(parameter)].spin
                                                          : nullptr;
}

QLabel* ModelPanel::originalLabel(int parameter) const {
    return parameter >= 0 && parameter < parameterCount() ? m_rows[size_t(parameter)].original
                                                          : nullptr;
}

double ModelPanel::rangeMinimum(int parameter) const {
    return parameter >= 0 && parameter < parameterCount() ? m_rows[size_t(parameter)].lo
                                                          : std::nan("");
}

double ModelPanel::rangeMaximum(int parameter) const {
    return parameter >= 0 && parameter < parameterCount() ? m_rows[size_t(parameter)].hi
                                                          : std::nan("");
}

bool ModelPanel::isUserRange(int parameter) const {
    return parameter >= 0 && parameter < parameterCount() && m_rows[size_t(parameter)].user;
}

double ModelPanel::valueAt(int parameter, int position) const {
    if (parameter < 0 || parameter >= parameterCount())
        return std::nan("");
    const Row& row = m_rows[size_t(parameter)];
    position = std::clamp(position, 0, kSliderSteps);
    const double step = (row.hi - row.lo) / kSliderSteps;
    const double raw = position == kSliderSteps ? row.hi : row.lo + step * position;
    // The shortest decimal that stays well inside this slider step: the slider cannot tell the
    // two apart, and the spin box and undo text then read like numbers a person would type.
    const double tolerance = step * 1e-3;
    char buffer[40];
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(buffer, sizeof buffer, "%.*g", digits, raw);
        const double candidate = std::strtod(buffer, nullptr);
        if (std::abs(candidate - raw) <= tolerance)
            return candidate;
    }
    return raw;
}

int ModelPanel::positionOf(int parameter, double value) const {
    if (parameter < 0 || parameter >= parameterCount() || !std::isfinite(value))
        return 0;
    const Row& row = m_rows[size_t(parameter)];
    const double t = (value - row.lo) / (row.hi - row.lo) * kSliderSteps;
    if (!std::isfinite(t))
        return 0;
    return int(std::lround(std::clamp(t, 0.0, double(kSliderSteps))));
}

void ModelPanel::setRange(int parameter, double minimum, double maximum) {
    if (parameter < 0 || parameter >= parameterCount() || !std::isfinite(minimum) ||
        !std::isfinite(maximum) || !(minimum < maximum) || !std::isfinite(maximum - minimum))
        return;
    Row& row = m_rows[size_t(parameter)];
    row.lo = minimum;
    row.hi = maximum;
    row.user = true;
    includeCurrentValue(parameter);
    showRange(parameter);
}

void ModelPanel::setAutomaticRange(int parameter) {
    if (parameter < 0 || parameter >= parameterCount())
        return;
    m_rows[size_t(parameter)].user = false;
    computeAutomaticRange(parameter);
    showRange(parameter);
}

double ModelPanel::currentValue(int parameter) const {
    const LinearModel& model = m_document->model();
    if (parameter < int(model.weights().n_elem))
        return model.weights()(arma::uword(parameter));
    return model.bias();
}

QString ModelPanel::parameterSymbol(int parameter) const {
    return parameter < parameterCount() - 1 ? QStringLiteral("w%1").arg(parameter + 1)
                                            : QStringLiteral("b");
}

bool ModelPanel::rowsMatchDocument() const {
    const Dataset& data = m_document->dataset();
    if (m_document->model().weights().n_elem != data.featureCount() ||
        m_rows.size() != data.featureCount() + 1)
        return false;
    for (arma::uword j = 0; j < data.featureCount(); ++j)
        if (m_names.at(int(j)) != QString::fromStdString(data.featureNames()[j]))
            return false;
    return true;
}

void ModelPanel::onAnalysisChanged() {
    // Defensive: weights and features that disagree mean a change is half done; its next signal
    // (modelChanged) brings them in line and rebuilds then.
    if (m_document->model().weights().n_elem != m_document->dataset().featureCount())
        return;
    if (!rowsMatchDocument()) {
        rebuildRows();
        return;
    }
    const TransformSettings settings = m_document->transformSettings();
    const bool unitsChanged = settings != m_lastSettings;
    m_lastSettings = settings;
    for (int p = 0; p < parameterCount(); ++p) {
        Row& row = m_rows[size_t(p)];
        if (unitsChanged)
            row.user = false; // a range in the old units means nothing in the new ones
        if (!row.user)
            computeAutomaticRange(p);
        showRange(p);
    }
    updateTexts();
    syncFromDocument();
}

void ModelPanel::onModelChanged() {
    if (!rowsMatchDocument()) {
        if (m_document->model().weights().n_elem == m_document->dataset().featureCount())
            rebuildRows();
        return;
    }
    syncFromDocument();
}

void ModelPanel::rebuildRows() {
    m_dragId = 0;
    m_editId = 0;
    m_editParameter = -1;
    if (m_rowsWidget) {
        // Deleted later: this may run inside a signal one of its widgets emitted.
        for (const Row& row : m_rows) {
            disconnect(row.slider, nullptr, this, nullptr);
            disconnect(row.spin, nullptr, this, nullptr);
            disconnect(row.minBox, nullptr, this, nullptr);
            disconnect(row.maxBox, nullptr, this, nullptr);
            disconnect(row.autoButton, nullptr, this, nullptr);
        }
        m_rowsWidget->hide();
        m_rowsWidget->deleteLater();
        m_rowsWidget = nullptr;
    }
    m_rows.clear();
    m_names.clear();

    const Dataset& data = m_document->dataset();
    if (m_document->model().weights().n_elem != data.featureCount())
        return;
    for (const std::string& name : data.featureNames())
        m_names << QString::fromStdString(name);
    m_lastSettings = m_document->transformSettings();

    m_rowsWidget = new QWidget(m_rowsHost);
    auto* grid = new QGridLayout(m_rowsWidget);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(0, 1);
    m_rows.resize(size_t(m_names.size()) + 1);
    for (int p = 0; p < parameterCount(); ++p)
        buildRow(p, grid);
    static_cast<QVBoxLayout*>(m_rowsHost->layout())->insertWidget(0, m_rowsWidget);

    for (int p = 0; p < parameterCount(); ++p) {
        computeAutomaticRange(p);
        showRange(p);
    }
    updateTexts();
    syncFromDocument();
}

void ModelPanel::buildRow(int parameter, QGridLayout* grid) {
    Row& row = m_rows[size_t(parameter)];
    const int top = parameter * 3;
    QWidget* parent = m_rowsWidget;

    row.name = new QLabel(parent);
    row.name->setTextFormat(Qt::RichText);
    row.original = new QLabel(parent);
    row.original->setForegroundRole(QPalette::PlaceholderText);
    QFont small = row.original->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    row.original->setFont(small);
    row.original->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    row.original->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* head = new QHBoxLayout;
    head->setSpacing(6);
    head->addWidget(row.name);
    head->addStretch(1);
    head->addWidget(row.original);
    grid->addLayout(head, top, 0, 1, 2);
    if (parameter > 0)
        grid->setRowMinimumHeight(top, row.name->sizeHint().height() + 6); // air between rows

    row.slider = new QSlider(Qt::Horizontal, parent);
    row.slider->setRange(0, kSliderSteps);
    row.slider->setSingleStep(1);
    row.slider->setPageStep(kSliderSteps / 20);
    row.spin = new PreciseSpinBox(parent);
    row.spin->setMinimumWidth(
        row.spin->fontMetrics().horizontalAdvance(QStringLiteral("-0.30000000000000004")) / 2 + 40);
    row.spin->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    grid->addWidget(row.slider, top + 1, 0);
    grid->addWidget(row.spin, top + 1, 1);

    // The range editor: "range [min] to [max] Auto", shown by the Ranges button.
    row.rangeEditor = new QWidget(parent);
    auto* editor = new QHBoxLayout(row.rangeEditor);
    editor->setContentsMargins(0, 0, 0, 0);
    editor->setSpacing(4);
    auto* rangeLabel = new QLabel(tr("range"), row.rangeEditor);
    rangeLabel->setForegroundRole(QPalette::PlaceholderText);
    row.minBox = new PreciseSpinBox(row.rangeEditor);
    row.maxBox = new PreciseSpinBox(row.rangeEditor);
    for (PreciseSpinBox* box : {row.minBox, row.maxBox}) {
        box->setKeyboardTracking(false); // commit on Enter or focus out, not per keystroke
        box->setButtonSymbols(QAbstractSpinBox::NoButtons);
        box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    }
    row.minBox->setToolTip(tr("Left end of the slider"));
    row.maxBox->setToolTip(tr("Right end of the slider"));
    auto* toLabel = new QLabel(tr("to"), row.rangeEditor);
    toLabel->setForegroundRole(QPalette::PlaceholderText);
    row.autoButton = new QToolButton(row.rangeEditor);
    row.autoButton->setText(tr("Auto"));
    row.autoButton->setToolTip(
        tr("Let the range follow the data again (centred on the least-squares value)"));
    editor->addWidget(rangeLabel);
    editor->addWidget(row.minBox, 1);
    editor->addWidget(toLabel);
    editor->addWidget(row.maxBox, 1);
    editor->addWidget(row.autoButton);
    row.rangeEditor->setVisible(m_rangesButton->isChecked());
    grid->addWidget(row.rangeEditor, top + 2, 0, 1, 2);

    connect(row.slider, &QSlider::sliderPressed, this, [this] { m_dragId = nextMergeId(); });
    connect(row.slider, &QSlider::sliderReleased, this, [this] { m_dragId = 0; });
    connect(row.slider, &QSlider::valueChanged, this,
            [this, parameter](int position) { onSliderValueChanged(parameter, position); });
    connect(row.spin, &QDoubleSpinBox::valueChanged, this,
            [this, parameter](double value) { onSpinValueChanged(parameter, value); });
    connect(row.spin, &QAbstractSpinBox::editingFinished, this, [this] { m_editId = 0; });
    connect(row.minBox, &QDoubleSpinBox::valueChanged, this,
            [this, parameter] { onRangeEdited(parameter); });
    connect(row.maxBox, &QDoubleSpinBox::valueChanged, this,
            [this, parameter] { onRangeEdited(parameter); });
    connect(row.autoButton, &QToolButton::clicked, this,
            [this, parameter] { setAutomaticRange(parameter); });
}

void ModelPanel::updateTexts() {
    const Dataset& data = m_document->dataset();
    const QString label = QString::fromStdString(data.labelName());
    const bool normalized = m_document->transformSettings().normalization != Normalization::None;
    for (int p = 0; p < parameterCount(); ++p) {
        Row& row = m_rows[size_t(p)];
        const bool bias = p == parameterCount() - 1;
        const QString name = bias ? tr("bias") : m_names.at(p);
        const QString symbol = bias ? QStringLiteral("b") : QStringLiteral("w") + subscript(p + 1);
        row.name->setText(
            QStringLiteral("<b>%1</b>&nbsp;&nbsp;%2").arg(symbol, name.toHtmlEscaped()));
        QString meaning;
        if (bias) {
            meaning = tr("Bias: the predicted %1 when every feature is 0").arg(label);
        } else if (normalized) {
            meaning = tr("Weight for %1: how many %2 points one more unit of normalised %1 adds")
                          .arg(name, label);
        } else {
            meaning = tr("Weight for %1: how many %2 points one more %1 adds").arg(name, label);
        }
        row.name->setToolTip(meaning);
        row.slider->setToolTip(meaning);
        row.spin->setToolTip(bias ? tr("The bias, exactly: type any number")
                                  : tr("weights[%1], exactly: type any number").arg(p));
    }
    if (data.isLesson() && m_document->defaultModel().weights().n_elem == 2)
        m_resetButton->setToolTip(tr("Back to the lesson's model: weights = [4, 3], bias = 10"));
    else
        m_resetButton->setToolTip(tr("Back to the starting model: every weight and the bias 0"));
}

void ModelPanel::computeAutomaticRange(int parameter) {
    Row& row = m_rows[size_t(parameter)];
    const SufficientStatistics& stats = m_document->analysis().statistics();
    const LeastSquaresResult& ls = stats.leastSquares();
    const int d = parameterCount() - 1;
    const double n = double(stats.sampleCount());
    const double current = currentValue(parameter);

    double best = std::nan("");
    if (parameter < d && ls.weights.n_elem == arma::uword(d))
        best = ls.weights(arma::uword(parameter));
    else if (parameter == d)
        best = ls.bias;

    // How far the parameter must move to shift predictions by one spread of the label.
    double floor = std::nan("");
    if (n > 0 && stats.featureCount() == arma::uword(d)) {
        const double labelSpread = std::sqrt(stats.centredLabelSquares() / n);
        if (parameter == d) {
            floor = labelSpread;
        } else {
            const double featureSpread =
                std::sqrt(stats.centredGram()(arma::uword(parameter), arma::uword(parameter)) / n);
            floor = labelSpread / featureSpread;
        }
    }

    const double centre = std::isfinite(best) ? best : (std::isfinite(current) ? current : 0.0);
    double half = 1.0;
    if (std::isfinite(best))
        half = std::max(half, 2.0 * std::abs(best));
    else if (std::isfinite(current))
        half = std::max(half, std::abs(current)); // no fit to centre on: room around the value
    if (std::isfinite(current))
        half = std::max(half, 3.0 * std::abs(current - centre));
    if (std::isfinite(floor) && floor > 0)
        half = std::max(half, floor);
    roundedRange(centre, niceCeil(half), row.lo, row.hi);
    if (!(row.lo < row.hi) || !std::isfinite(row.hi - row.lo)) {
        row.lo = -1.0;
        row.hi = 1.0;
    }
    // Rounding cannot exclude it in exact arithmetic; in floating point, make sure.
    if (std::isfinite(current)) {
        row.lo = std::min(row.lo, current);
        row.hi = std::max(row.hi, current);
    }
}

void ModelPanel::includeCurrentValue(int parameter) {
    Row& row = m_rows[size_t(parameter)];
    const double v = currentValue(parameter);
    if (!std::isfinite(v) || (v >= row.lo && v <= row.hi))
        return;
    if (!row.user) {
        // The automatic range reaches 3|v - w*| from least squares: recompute it around v.
        computeAutomaticRange(parameter);
        return;
    }
    // A user's range grows just enough to show the value, with a little room past it.
    const double margin = (row.hi - row.lo) * 0.1;
    if (v < row.lo)
        row.lo = v - margin;
    else
        row.hi = v + margin;
}

void ModelPanel::showRange(int parameter) {
    Row& row = m_rows[size_t(parameter)];
    const bool was = m_updating;
    m_updating = true;
    if (row.minBox->value() != row.lo)
        row.minBox->setValue(row.lo);
    if (row.maxBox->value() != row.hi)
        row.maxBox->setValue(row.hi);
    row.autoButton->setEnabled(row.user);
    row.slider->setValue(positionOf(parameter, currentValue(parameter)));
    m_updating = was;
}

void ModelPanel::syncFromDocument() {
    const Analysis& analysis = m_document->analysis();
    const LinearModel& model = m_document->model();
    const bool identity = analysis.transform().isIdentity();
    arma::vec originalWeights;
    double originalBias = std::nan("");
    if (!identity && analysis.transform().divisor().n_elem == model.weights().n_elem) {
        originalWeights = analysis.transform().weightsToOriginal(model.weights());
        originalBias = analysis.transform().biasToOriginal(model.weights(), model.bias());
    }

    const bool was = m_updating;
    m_updating = true;
    for (int p = 0; p < parameterCount(); ++p) {
        Row& row = m_rows[size_t(p)];
        const double v = currentValue(p);
        // The slider being dragged already shows its value; its range must not move under the
        // mouse.
        if (!row.slider->isSliderDown() && !(v >= row.lo && v <= row.hi)) {
            includeCurrentValue(p);
            showRange(p);
        }
        row.slider->setValue(positionOf(p, v));
        // setValue would rewrite the text even when equal, eating a half-typed "2." in the box.
        if (!sameDouble(row.spin->value(), v))
            row.spin->setValue(v);

        row.original->setVisible(!identity);
        if (!identity) {
            const bool bias = p == parameterCount() - 1;
            const double o =
                bias ? originalBias
                     : (p < int(originalWeights.n_elem) ? originalWeights(arma::uword(p))
                                                        : std::nan(""));
            const QString feature = bias ? QString() : m_names.at(p);
            row.original->setText(tr("original units: %1").arg(NumberText::brief(o)));
            row.original->setToolTip(
                bias ? tr("The same model's bias on the untransformed features: exactly %1")
                           .arg(NumberText::exact(o))
                     : tr("The same weight per unit of raw %1 (before scaling and normalising): "
                          "exactly %2")
                           .arg(feature, NumberText::exact(o)));
        }
    }
    m_updating = was;
    m_fitButton->setEnabled(m_document->dataset().rowCount() > 0);
}

void ModelPanel::onSliderValueChanged(int parameter, int position) {
    if (m_updating)
        return;
    const QString symbol = parameterSymbol(parameter);
    if (m_rows[size_t(parameter)].slider->isSliderDown())
        pushValue(parameter, valueAt(parameter, position), tr("Drag %1").arg(symbol), m_dragId);
    else // keyboard, wheel, a click on the groove: one undo step each
        pushValue(parameter, valueAt(parameter, position), tr("Set %1").arg(symbol), 0);
}

void ModelPanel::onSpinValueChanged(int parameter, double value) {
    if (m_updating)
        return;
    // Typing "1", "12", "12.5" into one box is one edit: merge until the box loses focus.
    if (m_editId == 0 || m_editParameter != parameter) {
        m_editId = nextMergeId();
        m_editParameter = parameter;
    }
    pushValue(parameter, value, tr("Edit %1").arg(parameterSymbol(parameter)), m_editId);
}

void ModelPanel::onRangeEdited(int parameter) {
    if (m_updating)
        return;
    const Row& row = m_rows[size_t(parameter)];
    if (row.minBox->value() < row.maxBox->value())
        setRange(parameter, row.minBox->value(), row.maxBox->value());
    else
        showRange(parameter); // an empty range: put the old ends back
}

void ModelPanel::pushValue(int parameter, double value, const QString& text, int mergeId) {
    if (!std::isfinite(value) || value == currentValue(parameter))
        return;
    LinearModel model = m_document->model();
    if (parameter < int(model.weights().n_elem)) {
        arma::vec w = model.weights();
        w(arma::uword(parameter)) = value;
        model.setWeights(w);
    } else {
        model.setBias(value);
    }
    m_document->undoStack()->push(new SetModelCommand(m_document, model, text, mergeId));
}

ModelPanel::~ModelPanel() {
    silenceChildren(this);
}
