#include "ui/panels/ModelPanel.h"

#include "ui/common/Teardown.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "app/document/MergeIds.h"
#include "app/document/ModelActions.h"
#include "model/training/SliderRange.h"
#include "ui/common/NumberText.h"
#include "ui/common/ParameterSymbols.h"
#include "ui/common/PreciseSpinBox.h"
#include "ui/panels/FeaturePicker.h"
#include "ui/panels/FitSettingsGroup.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace linlab;

namespace {

// The ending every name shares (empty for fewer than two names).
QString sharedSuffix(const QStringList& names) {
    if (names.size() < 2)
        return {};
    QString suffix = names.front();
    for (const QString& name : names)
        while (!suffix.isEmpty() && !name.endsWith(suffix))
            suffix.remove(0, 1);
    return suffix;
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
    m_fitGroup = new FitSettingsGroup(m_document, this);
    layout->addWidget(m_fitGroup);

    connect(m_fitButton, &QPushButton::clicked, this,
            [this] { ModelActions::fitLeastSquares(m_document); });
    connect(m_resetButton, &QPushButton::clicked, this,
            [this] { ModelActions::reset(m_document); });
    connect(m_rangesButton, &QToolButton::toggled, this, [this](bool on) {
        for (const Row& row : m_rows)
            row.rangeEditor->setVisible(on);
    });

    connect(m_document, &Document::analysisChanged, this, &ModelPanel::onAnalysisChanged);
    connect(m_document, &Document::modelChanged, this, &ModelPanel::onModelChanged);
    connect(m_document, &Document::fitSettingsChanged, this, [this] {
        updateTexts();
        syncFromDocument();
    });
    // A new document: its undo stack is empty, so no drag or edit session can continue.
    connect(m_document, &Document::resetDone, this, [this] {
        m_dragId = 0;
        m_editId = 0;
    });

    // Between the buttons and the rows.
    m_picker = new FeaturePicker(this);
    layout->insertWidget(1, m_picker);
    connect(m_picker, &FeaturePicker::changed, this, &ModelPanel::onFeatureFilterChanged);
    m_lastSettings = m_document->transformSettings();
    rebuildRows();
}

void ModelPanel::onFeatureFilterChanged() {
    // Another pick of features: the rows that stay keep the ranges their user set.
    std::vector<std::pair<int, SliderRange>> userRanges;
    for (const Row& row : m_rows)
        if (row.user)
            userRanges.emplace_back(row.parameter, row.range);
    rebuildRows();
    for (const auto& [parameter, range] : userRanges)
        setRange(parameter, range.lo, range.hi);
}

QLineEdit* ModelPanel::featureFilter() const {
    return m_picker->filter();
}

QLabel* ModelPanel::featureNote() const {
    return m_picker->note();
}

std::vector<int> ModelPanel::shownParameters() const {
    std::vector<int> parameters;
    for (const Row& row : m_rows)
        parameters.push_back(row.parameter);
    return parameters;
}

ModelPanel::Row* ModelPanel::row(int parameter) {
    return parameter >= 0 && parameter < parameterCount() && m_rowOf[size_t(parameter)] >= 0
               ? &m_rows[size_t(m_rowOf[size_t(parameter)])]
               : nullptr;
}

const ModelPanel::Row* ModelPanel::row(int parameter) const {
    return const_cast<ModelPanel*>(this)->row(parameter);
}

QSlider* ModelPanel::slider(int parameter) const {
    const Row* r = row(parameter);
    return r ? r->slider : nullptr;
}

PreciseSpinBox* ModelPanel::spinBox(int parameter) const {
    const Row* r = row(parameter);
    return r ? r->spin : nullptr;
}

QLabel* ModelPanel::originalLabel(int parameter) const {
    const Row* r = row(parameter);
    return r ? r->original : nullptr;
}

double ModelPanel::rangeMinimum(int parameter) const {
    const Row* r = row(parameter);
    return r ? r->range.lo : std::nan("");
}

double ModelPanel::rangeMaximum(int parameter) const {
    const Row* r = row(parameter);
    return r ? r->range.hi : std::nan("");
}

bool ModelPanel::isUserRange(int parameter) const {
    const Row* r = row(parameter);
    return r && r->user;
}

double ModelPanel::valueAt(int parameter, int position) const {
    const Row* r = row(parameter);
    return r ? sliderValue(r->range, position, kSliderSteps) : std::nan("");
}

int ModelPanel::positionOf(int parameter, double value) const {
    const Row* r = row(parameter);
    return r ? sliderPosition(r->range, value, kSliderSteps) : 0;
}

void ModelPanel::setRange(int parameter, double minimum, double maximum) {
    Row* r = row(parameter);
    if (!r || !std::isfinite(minimum) || !std::isfinite(maximum) || !(minimum < maximum) ||
        !std::isfinite(maximum - minimum))
        return;
    r->range = {minimum, maximum};
    r->user = true;
    includeCurrentValue(parameter);
    showRange(parameter);
}

void ModelPanel::setAutomaticRange(int parameter) {
    Row* r = row(parameter);
    if (!r)
        return;
    r->user = false;
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
    return ParameterSymbols::plainParameterSymbol(parameter, parameterCount() - 1);
}

bool ModelPanel::rowsMatchDocument() const {
    const Dataset& data = m_document->dataset();
    if (m_document->model().weights().n_elem != data.featureCount() ||
        m_rowOf.size() != data.featureCount() + 1)
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
    for (Row& row : m_rows) {
        if (unitsChanged)
            row.user = false; // a range in the old units means nothing in the new ones
        if (!row.user)
            computeAutomaticRange(row.parameter);
        showRange(row.parameter);
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
    m_rowOf.clear();
    m_names.clear();

    const Dataset& data = m_document->dataset();
    if (m_document->model().weights().n_elem != data.featureCount()) {
        m_picker->showState(0, 0, 0);
        return;
    }
    for (const std::string& name : data.featureNames())
        m_names << QString::fromStdString(name);
    m_lastSettings = m_document->transformSettings();
    int matches = 0;
    const std::vector<int> features = m_picker->pick(m_names, kMaxSliders, matches);
    m_sharedSuffix = sharedSuffix(m_names);
    m_rowOf.assign(size_t(m_names.size()) + 1, -1);
    m_rows.resize(features.size() + 1);
    for (size_t r = 0; r < m_rows.size(); ++r) {
        m_rows[r].parameter = r < features.size() ? features[r] : int(m_names.size());
        m_rowOf[size_t(m_rows[r].parameter)] = int(r);
    }

    m_rowsWidget = new QWidget(m_rowsHost);
    auto* grid = new QGridLayout(m_rowsWidget);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(m_names.size() >= kCompactFrom ? 1 : 0, 1); // the sliders
    for (const Row& row : m_rows)
        buildRow(row.parameter, grid);
    static_cast<QVBoxLayout*>(m_rowsHost->layout())->insertWidget(0, m_rowsWidget);
    m_picker->showState(int(m_names.size()), int(features.size()), matches);

    for (const Row& row : m_rows) {
        computeAutomaticRange(row.parameter);
        showRange(row.parameter);
    }
    updateTexts();
    syncFromDocument();
}

void ModelPanel::buildRow(int parameter, QGridLayout* grid) {
    Row& row = *this->row(parameter);
    const int top = m_rowOf[size_t(parameter)] * 3;
    row.build(m_rowsWidget, grid, top, kSliderSteps, m_names.size() >= kCompactFrom);
    row.sharedSuffix = m_sharedSuffix;
    row.rangeEditor->setVisible(m_rangesButton->isChecked());
    grid->addWidget(row.rangeEditor, top + 2, 0, 1, row.columns());

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

ModelPanel::DummyOf ModelPanel::dummyOf(int parameter) const {
    if (!m_document->isTyped() || parameter < 0)
        return {};
    const linlab::Design& design = m_document->design();
    if (std::size_t(parameter) >= design.featureColumns().size())
        return {};
    const std::size_t column = design.featureColumns()[std::size_t(parameter)];
    if (column >= m_document->source().table.columnCount())
        return {}; // a derived feature (Design::kNoColumn): no table column of its own
    const linlab::Column& cells = m_document->source().table.column(column);
    if (cells.type() != linlab::ColumnType::Categorical)
        return {};
    const QString name = QString::fromStdString(cells.name());
    const QString feature = m_names.value(parameter);
    return {true, name, feature.mid(name.size() + 1),
            QString::fromStdString(design.references()[column])};
}

void ModelPanel::updateTexts() {
    const Dataset& data = m_document->dataset();
    const QString label = QString::fromStdString(data.labelName());
    const bool normalized = m_document->transformSettings().normalization != Normalization::None;
    for (Row& row : m_rows) {
        const int p = row.parameter;
        const bool bias = p == parameterCount() - 1;
        const QString name = bias ? tr("bias") : m_names.at(p);
        const QString symbol = ParameterSymbols::parameterSymbol(p, parameterCount() - 1);
        QString heading, text = name;
        QString meaning;
        const DummyOf dummy = bias ? DummyOf{} : dummyOf(p);
        if (dummy.isDummy) {
            // A category's weights under its column: the first of them carries the heading.
            const bool first = &row == &m_rows.front() || (&row - 1)->parameter != p - 1 ||
                               dummyOf(p - 1).column != dummy.column;
            if (first)
                heading = tr("%1 (vs. %2)").arg(dummy.column, dummy.reference);
            text = QStringLiteral("= ") + dummy.level;
            meaning = tr("Weight for %1: how many %2 points %3 = %4 adds compared with the "
                         "reference level %5 (a 0/1 dummy: never scaled or normalised)")
                          .arg(name, label, dummy.column, dummy.level, dummy.reference);
        } else if (bias) {
            meaning = tr("Bias: the predicted %1 when every feature is 0").arg(label);
        } else if (normalized) {
            meaning = tr("Weight for %1: how many %2 points one more unit of normalised %1 adds")
                          .arg(name, label);
        } else {
            meaning = tr("Weight for %1: how many %2 points one more %1 adds").arg(name, label);
        }
        row.setName(heading, symbol, text, meaning, name);
        row.spin->setToolTip(bias ? tr("The bias, exactly: type any number")
                                  : tr("weights[%1], exactly: type any number").arg(p));
    }
    if (data.isLesson() && m_document->defaultModel().weights().n_elem == 2)
        m_resetButton->setToolTip(tr("Back to the lesson's model: weights = [4, 3], bias = 10"));
    else
        m_resetButton->setToolTip(tr("Back to the starting model: every weight and the bias 0"));
}

void ModelPanel::computeAutomaticRange(int parameter) {
    const SufficientStatistics& stats =
        m_document->fitSetup().fitStatistics(m_document->analysis());
    const LeastSquaresResult& ls = stats.leastSquares();
    const int d = parameterCount() - 1;
    double best = std::nan("");
    if (parameter < d && ls.weights.n_elem == arma::uword(d))
        best = ls.weights(arma::uword(parameter));
    else if (parameter == d)
        best = ls.bias;
    const double scale = stats.featureCount() == arma::uword(d)
                             ? labelShiftScale(stats, arma::uword(parameter))
                             : std::nan("");
    row(parameter)->range = automaticRange(best, currentValue(parameter), scale);
}

void ModelPanel::includeCurrentValue(int parameter) {
    Row& row = *this->row(parameter);
    const double v = currentValue(parameter);
    if (!std::isfinite(v) || (v >= row.range.lo && v <= row.range.hi))
        return;
    if (!row.user) {
        // The automatic range reaches 3|v - w*| from least squares: recompute it around v.
        computeAutomaticRange(parameter);
        return;
    }
    // A user's range grows just enough to show the value, with a little room past it.
    row.range = rangeIncluding(row.range, v);
}

void ModelPanel::showRange(int parameter) {
    Row& row = *this->row(parameter);
    const bool was = m_updating;
    m_updating = true;
    if (row.minBox->value() != row.range.lo)
        row.minBox->setValue(row.range.lo);
    if (row.maxBox->value() != row.range.hi)
        row.maxBox->setValue(row.range.hi);
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
    for (Row& row : m_rows) {
        const int p = row.parameter;
        const double v = currentValue(p);
        // The slider being dragged already shows its value; its range must not move under the
        // mouse.
        if (!row.slider->isSliderDown() && !(v >= row.range.lo && v <= row.range.hi)) {
            includeCurrentValue(p);
            showRange(p);
        }
        row.slider->setValue(positionOf(p, v));
        // setValue would rewrite the text even when equal, eating a half-typed "2." in the box.
        if (!sameDouble(row.spin->value(), v))
            row.spin->setValue(v);

        if (identity) {
            row.setOriginal(false, QString(), QString());
            continue;
        }
        const bool bias = p == parameterCount() - 1;
        const double o = bias ? originalBias
                              : (p < int(originalWeights.n_elem) ? originalWeights(arma::uword(p))
                                                                 : std::nan(""));
        const QString feature = bias ? QString() : m_names.at(p);
        row.setOriginal(
            true, tr("original units: %1").arg(NumberText::brief(o)),
            bias ? tr("The same model's bias on the untransformed features: exactly %1")
                       .arg(NumberText::exact(o))
                 : tr("The same weight per unit of raw %1 (before scaling and normalising): "
                      "exactly %2")
                       .arg(feature, NumberText::exact(o)));
    }
    m_updating = was;
    m_fitButton->setEnabled(m_document->dataset().rowCount() > 0);
    m_fitButton->setText(ModelActions::fitText(m_document->fitSettings()));
    showInterceptState();
}

void ModelPanel::showInterceptState() {
    // Through the origin the bias is fixed at 0 (the document keeps it there).
    Row* bias = row(parameterCount() - 1);
    if (!bias)
        return;
    const bool intercept = m_document->fitSettings().intercept;
    bias->slider->setEnabled(intercept);
    bias->spin->setEnabled(intercept);
    bias->name->setEnabled(intercept);
    if (!intercept)
        bias->slider->setToolTip(tr("Through the origin: the bias is fixed at 0"));
}

void ModelPanel::onSliderValueChanged(int parameter, int position) {
    if (m_updating)
        return;
    const QString symbol = parameterSymbol(parameter);
    if (row(parameter)->slider->isSliderDown())
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
    const Row& row = *this->row(parameter);
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
