#include "ui/training/TrainingView.h"

#include "ui/common/Teardown.h"

#include "app/document/Document.h"
#include "model/training/NormalizationExperiment.h"
#include "model/training/Rounding.h"
#include "ui/common/NumberText.h"
#include "ui/common/PreciseSpinBox.h"
#include "ui/training/LossCurveView.h"
#include "ui/training/LossLandscapeView.h"
#include "ui/training/NormalizationComparison.h"
#include "ui/training/TrainingSession.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

using namespace linlab;

namespace {

// Animation speeds, epochs per second: the slider walks this list.
constexpr double kSpeeds[] = {1,     2,     5,      10,     20,     30,     50,
                              100,   200,   500,    1000,   2000,   5000,   10000,
                              20000, 50000, 100000, 200000, 500000, 1000000};
constexpr int kSpeedCount = int(std::size(kSpeeds));

QString grouped(qint64 n) {
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(n);
}

QFrame* separator(QWidget* parent) {
    auto* line = new QFrame(parent);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

QLabel* heading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(text), parent);
    return label;
}

} // namespace

TrainingView::TrainingView(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_session(new TrainingSession(document, this))
    , m_landscape(new LossLandscapeView(document, this))
    , m_lossCurve(new LossCurveView(m_session, this)) {
    m_landscape->setSession(m_session);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* plots = new QSplitter(Qt::Vertical, split);
    plots->addWidget(m_landscape);
    plots->addWidget(m_lossCurve);
    plots->setStretchFactor(0, 3);
    plots->setStretchFactor(1, 2);
    plots->setChildrenCollapsible(false);
    split->addWidget(plots);

    auto* scroll = new QScrollArea(split);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(buildControls());
    scroll->setMinimumWidth(290);
    split->addWidget(scroll);
    m_controlsArea = scroll;
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setChildrenCollapsible(false);
    layout->addWidget(split);

    connect(m_session, &TrainingSession::settingsChanged, this, &TrainingView::syncFromSession);
    connect(m_session, &TrainingSession::boundsChanged, this, &TrainingView::syncFromSession);
    connect(m_session, &TrainingSession::runChanged, this, &TrainingView::updateRunState);
    connect(m_session, &TrainingSession::positionChanged, this, &TrainingView::updateRunState);
    connect(m_session, &TrainingSession::runningChanged, this, &TrainingView::updateRunState);
    connect(m_document, &Document::evaluationChanged, this, &TrainingView::updateRunState);

    syncFromSession();
    updateRunState();
}

TrainingView::~TrainingView() {
    // The session's timer must not fire into half-destroyed views.
    m_session->pause();
    silenceChildren(this);
}

QWidget* TrainingView::buildControls() {
    // The groups top to bottom, in the order Tab walks them.
    auto* panel = new QWidget(this);
    auto* v = new QVBoxLayout(panel);
    v->setContentsMargins(8, 0, 4, 0);
    v->setSpacing(6);
    addMethodControls(panel, v);
    addRateControls(panel, v);
    addLimitControls(panel, v);
    v->addWidget(separator(panel));
    addRunButtons(panel, v);
    addSpeedControl(panel, v);
    addRunReport(panel, v);
    v->addWidget(separator(panel));
    addComparisonControls(panel, v);
    v->addStretch(1);
    connectSettings();
    connectRunButtons();
    return panel;
}

void TrainingView::addMethodControls(QWidget* panel, QVBoxLayout* v) {
    v->addWidget(heading(tr("Gradient descent"), panel));
    auto* form = new QFormLayout;
    m_methodForm = form;
    form->setContentsMargins(0, 0, 0, 0);
    form->setHorizontalSpacing(8);
    form->setVerticalSpacing(4);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_methodBox = new QComboBox(panel);
    m_methodBox->addItem(tr("Plain (full batch)"), int(TrainingSession::Method::GradientDescent));
    m_methodBox->addItem(tr("Momentum (heavy ball)"), int(TrainingSession::Method::Momentum));
    m_methodBox->addItem(tr("Mini-batch SGD"), int(TrainingSession::Method::MiniBatch));
    m_methodBox->setToolTip(
        tr("Plain: the full gradient every epoch. Momentum: steps keep some of their "
           "speed. Mini-batch: a step per batch of shuffled rows, noisier but cheaper."));
    form->addRow(tr("Method"), m_methodBox);

    m_momentumSpin = new PreciseSpinBox(panel);
    m_momentumSpin->setRange(0.0, 0.999);
    m_momentumSpin->setSingleStep(0.05);
    m_momentumSpin->setKeyboardTracking(false);
    m_momentumSpin->setToolTip(
        tr("\u03bc: the share of the last step kept (0 = plain descent, below 1)"));
    m_momentumRow = m_momentumSpin;
    form->addRow(tr("Momentum \u03bc"), m_momentumSpin);

    m_batchRow = new QWidget(panel);
    auto* batch = new QHBoxLayout(m_batchRow);
    batch->setContentsMargins(0, 0, 0, 0);
    m_batchSpin = new QSpinBox(m_batchRow);
    m_batchSpin->setRange(1, std::numeric_limits<int>::max());
    m_batchSpin->setKeyboardTracking(false);
    m_batchSpin->setToolTip(tr("Rows per step; the rows are shuffled every epoch"));
    m_batchSpin->setAccessibleName(tr("Batch size"));
    m_seedSpin = new QSpinBox(m_batchRow);
    m_seedSpin->setRange(0, std::numeric_limits<int>::max());
    m_seedSpin->setKeyboardTracking(false);
    m_seedSpin->setToolTip(tr("Seeds the shuffle: the same seed gives the same run"));
    m_seedSpin->setAccessibleName(tr("Shuffle seed"));
    batch->addWidget(m_batchSpin, 1);
    batch->addWidget(new QLabel(tr("seed"), m_batchRow));
    batch->addWidget(m_seedSpin, 1);
    form->addRow(tr("Batch size"), m_batchRow);
    v->addLayout(form);
}

void TrainingView::addRateControls(QWidget* panel, QVBoxLayout* v) {
    // The learning rate: a logarithmic slider around the stable bound, and the exact value.
    v->addWidget(new QLabel(tr("Learning rate"), panel));
    auto* rate = new QHBoxLayout;
    m_rateSlider = new QSlider(Qt::Horizontal, panel);
    m_rateSlider->setRange(0, kRateSteps);
    m_rateSlider->setPageStep(kRateSteps / 20);
    m_rateSlider->setToolTip(
        tr("Logarithmic: from 10\u2074 times under the stable bound to 4 times past it"));
    m_rateSlider->setAccessibleName(tr("Learning rate"));
    m_rateSpin = new PreciseSpinBox(panel);
    m_rateSpin->setAccessibleName(tr("Learning rate, exactly"));
    m_rateSpin->setRange(1e-300, 1e300);
    m_rateSpin->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_rateSpin->setKeyboardTracking(false);
    m_rateSpin->setMinimumWidth(
        m_rateSpin->fontMetrics().horizontalAdvance(QStringLiteral("0.000123456")) + 16);
    m_rateSpin->setToolTip(tr("The learning rate, exactly: type any positive number"));
    rate->addWidget(m_rateSlider, 1);
    rate->addWidget(m_rateSpin);
    v->addLayout(rate);
    auto* bound = new QHBoxLayout;
    m_boundLabel = new QLabel(panel);
    m_boundLabel->setForegroundRole(QPalette::PlaceholderText);
    m_boundLabel->setTextFormat(Qt::RichText);
    m_boundLabel->setWordWrap(true);
    m_defaultRateButton = new QToolButton(panel);
    m_defaultRateButton->setText(tr("\u00bd bound"));
    m_defaultRateButton->setToolTip(
        tr("Half the stable bound, 1/\u03bb\u2098\u2090\u2093: safe and fast"));
    bound->addWidget(m_boundLabel, 1);
    bound->addWidget(m_defaultRateButton);
    v->addLayout(bound);
    m_warningLabel = new QLabel(panel);
    m_warningLabel->setWordWrap(true);
    m_warningLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fde2e1; color: #8a1010; border: 1px solid #f3b4b0; "
                       "border-radius: 3px; padding: 4px; }"));
    m_warningLabel->setVisible(false);
    v->addWidget(m_warningLabel);
}

void TrainingView::addLimitControls(QWidget* panel, QVBoxLayout* v) {
    auto* limits = new QFormLayout;
    limits->setContentsMargins(0, 0, 0, 0);
    limits->setHorizontalSpacing(8);
    limits->setVerticalSpacing(4);
    m_maxEpochsSpin = new QSpinBox(panel);
    m_maxEpochsSpin->setRange(1, 100000000);
    m_maxEpochsSpin->setGroupSeparatorShown(true);
    m_maxEpochsSpin->setKeyboardTracking(false);
    m_maxEpochsSpin->setToolTip(tr("The run stops here if it has not converged"));
    m_toleranceSpin = new PreciseSpinBox(panel);
    m_toleranceSpin->setRange(0.0, 1.0);
    m_toleranceSpin->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_toleranceSpin->setKeyboardTracking(false);
    m_toleranceSpin->setToolTip(
        tr("Converged when the gradient is this fraction of its size at the start"));
    limits->addRow(tr("Max epochs"), m_maxEpochsSpin);
    limits->addRow(tr("Tolerance"), m_toleranceSpin);
    v->addLayout(limits);
}

void TrainingView::addRunButtons(QWidget* panel, QVBoxLayout* v) {
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    m_backButton = new QPushButton(tr("\u25c0 Back"), panel);
    m_backButton->setToolTip(tr("Step back one epoch"));
    m_stepButton = new QPushButton(tr("Step \u25b6"), panel);
    m_stepButton->setToolTip(tr("One epoch of gradient descent"));
    m_runButton = new QPushButton(tr("Run"), panel);
    m_runButton->setToolTip(tr("Animate the run; press again to pause"));
    m_runButton->setDefault(false);
    buttons->addWidget(m_backButton);
    buttons->addWidget(m_stepButton);
    buttons->addWidget(m_runButton);
    v->addLayout(buttons);
    auto* buttons2 = new QHBoxLayout;
    buttons2->setSpacing(4);
    m_resetButton = new QPushButton(tr("Reset"), panel);
    m_resetButton->setToolTip(tr("Back to the model the run started from"));
    m_endButton = new QPushButton(tr("To end"), panel);
    m_endButton->setToolTip(tr("Jump to where the run stops"));
    buttons2->addWidget(m_resetButton);
    buttons2->addWidget(m_endButton);
    v->addLayout(buttons2);
    for (QPushButton* button : {m_stepButton, m_runButton, m_endButton})
        m_toolTips.insert(button, button->toolTip()); // restored when descent is available again
}

void TrainingView::addSpeedControl(QWidget* panel, QVBoxLayout* v) {
    auto* speed = new QHBoxLayout;
    speed->addWidget(new QLabel(tr("Speed"), panel));
    m_speedSlider = new QSlider(Qt::Horizontal, panel);
    m_speedSlider->setRange(0, kSpeedCount - 1);
    m_speedSlider->setPageStep(3);
    m_speedSlider->setToolTip(tr("Epochs a second while running"));
    m_speedSlider->setAccessibleName(tr("Speed"));
    m_speedLabel = new QLabel(panel);
    m_speedLabel->setMinimumWidth(
        m_speedLabel->fontMetrics().horizontalAdvance(QStringLiteral("1,000,000 epochs/s")));
    speed->addWidget(m_speedSlider, 1);
    speed->addWidget(m_speedLabel);
    v->addLayout(speed);
}

void TrainingView::addRunReport(QWidget* panel, QVBoxLayout* v) {
    m_epochLabel = new QLabel(panel);
    m_epochLabel->setTextFormat(Qt::RichText);
    m_epochLabel->setWordWrap(true);
    v->addWidget(m_epochLabel);
    m_statusLabel = new QLabel(panel);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setMinimumHeight(m_statusLabel->fontMetrics().lineSpacing() * 3);
    m_statusLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    v->addWidget(m_statusLabel);
}

void TrainingView::addComparisonControls(QWidget* panel, QVBoxLayout* v) {
    v->addWidget(heading(tr("Why normalise?"), panel));
    auto* why = new QLabel(
        tr("Run plain descent on the raw and on the z-scored features, each at half its own "
           "stable bound, and compare the landscapes and the epochs."),
        panel);
    why->setWordWrap(true);
    why->setForegroundRole(QPalette::PlaceholderText);
    v->addWidget(why);
    m_compareButton = new QPushButton(tr("Compare raw vs z-scored\u2026"), panel);
    v->addWidget(m_compareButton);
}

void TrainingView::connectSettings() {
    // Widgets -> session (which emits settingsChanged -> syncFromSession).
    connect(m_methodBox, &QComboBox::activated, this, [this](int index) {
        m_session->setMethod(TrainingSession::Method(m_methodBox->itemData(index).toInt()));
    });
    connect(m_momentumSpin, &QDoubleSpinBox::valueChanged, this, [this](double mu) {
        if (!m_updating)
            m_session->setMomentum(mu);
    });
    connect(m_batchSpin, &QSpinBox::valueChanged, this, [this](int rows) {
        if (!m_updating)
            m_session->setBatchSize(rows);
    });
    connect(m_seedSpin, &QSpinBox::valueChanged, this, [this](int seed) {
        if (!m_updating)
            m_session->setSeed(std::uint64_t(seed));
    });
    connect(m_rateSlider, &QSlider::valueChanged, this, &TrainingView::onRateSlider);
    connect(m_rateSpin, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (!m_updating)
            m_session->setLearningRate(value);
    });
    connect(m_defaultRateButton, &QToolButton::clicked, m_session,
            &TrainingSession::useDefaultRate);
    connect(m_maxEpochsSpin, &QSpinBox::valueChanged, this, [this](int epochs) {
        if (!m_updating)
            m_session->setMaxEpochs(epochs);
    });
    connect(m_toleranceSpin, &QDoubleSpinBox::valueChanged, this, [this](double tolerance) {
        if (!m_updating)
            m_session->setTolerance(tolerance);
    });
    connect(m_speedSlider, &QSlider::valueChanged, this, [this](int position) {
        if (!m_updating)
            m_session->setSpeed(speedAt(position));
    });
}

void TrainingView::connectRunButtons() {
    connect(m_stepButton, &QPushButton::clicked, m_session, &TrainingSession::step);
    connect(m_backButton, &QPushButton::clicked, m_session, &TrainingSession::stepBack);
    connect(m_runButton, &QPushButton::clicked, m_session, &TrainingSession::togglePlay);
    connect(m_resetButton, &QPushButton::clicked, m_session, &TrainingSession::reset);
    connect(m_endButton, &QPushButton::clicked, m_session, &TrainingSession::toEnd);
    connect(m_compareButton, &QPushButton::clicked, this, &TrainingView::compareNormalization);
}

double TrainingView::rateAt(int position) const {
    const double bound = m_session->gradientBound();
    const double top = std::isfinite(bound) && bound > 0 ? std::log10(4 * bound) : 0.0;
    const double bottom = top - std::log10(4.0) - 4.0;
    position = std::clamp(position, 0, kRateSteps);
    const double rate = std::pow(10.0, bottom + (top - bottom) * position / kRateSteps);
    // Each slider step is about 1%: three or four digits say all it can tell apart.
    return shortestDecimal(rate, rate * 2e-3);
}

int TrainingView::ratePosition(double rate) const {
    const double bound = m_session->gradientBound();
    const double top = std::isfinite(bound) && bound > 0 ? std::log10(4 * bound) : 0.0;
    const double bottom = top - std::log10(4.0) - 4.0;
    if (!(rate > 0) || !std::isfinite(rate))
        return 0;
    const double t = (std::log10(rate) - bottom) / (top - bottom) * kRateSteps;
    return int(std::lround(std::clamp(t, 0.0, double(kRateSteps))));
}

double TrainingView::speedAt(int position) const {
    return kSpeeds[std::clamp(position, 0, kSpeedCount - 1)];
}

int TrainingView::speedPosition(double speed) const {
    int best = 0;
    for (int k = 1; k < kSpeedCount; ++k)
        if (std::abs(std::log(kSpeeds[k] / speed)) < std::abs(std::log(kSpeeds[best] / speed)))
            best = k;
    return best;
}

void TrainingView::onRateSlider(int position) {
    if (m_updating)
        return;
    m_session->setLearningRate(rateAt(position));
}

void TrainingView::syncFromSession() {
    const bool was = m_updating;
    m_updating = true;
    const TrainingSession::Method method = m_session->method();
    m_methodBox->setCurrentIndex(m_methodBox->findData(int(method)));
    if (m_momentumSpin->value() != m_session->momentum())
        m_momentumSpin->setValue(m_session->momentum());
    if (m_batchSpin->value() != m_session->batchSize())
        m_batchSpin->setValue(m_session->batchSize());
    if (m_seedSpin->value() != int(m_session->seed()))
        m_seedSpin->setValue(int(std::min<std::uint64_t>(
            m_session->seed(), std::uint64_t(std::numeric_limits<int>::max()))));
    if (m_maxEpochsSpin->value() != m_session->maxEpochs())
        m_maxEpochsSpin->setValue(
            int(std::min<qint64>(m_session->maxEpochs(), m_maxEpochsSpin->maximum())));
    if (m_toleranceSpin->value() != m_session->tolerance())
        m_toleranceSpin->setValue(m_session->tolerance());
    const double rate = m_session->learningRate();
    if (m_rateSpin->value() != rate)
        m_rateSpin->setValue(rate);
    if (!m_rateSlider->isSliderDown())
        m_rateSlider->setValue(ratePosition(rate));
    m_speedSlider->setValue(speedPosition(m_session->speed()));
    m_speedLabel->setText(tr("%1 epochs/s").arg(grouped(qint64(m_session->speed()))));
    m_methodForm->setRowVisible(m_momentumRow, method == TrainingSession::Method::Momentum);
    m_methodForm->setRowVisible(m_batchRow, method == TrainingSession::Method::MiniBatch);

    const double bound = m_session->stableBound();
    if (std::isfinite(bound)) {
        m_boundLabel->setText(
            method == TrainingSession::Method::Momentum
                ? tr("stable below %1 = 2(1+\u03bc)/\u03bb<sub>max</sub>")
                      .arg(NumberText::brief(bound, 3))
                : tr("stable below %1 = 2/\u03bb<sub>max</sub>").arg(NumberText::brief(bound, 3)));
        m_boundLabel->setToolTip(tr("\u03bb<sub>max</sub> is the largest curvature of the loss "
                                    "(eigenvalue of its Hessian). Past "
                                    "this rate every step overshoots the bottom by more than it "
                                    "started from, and descent blows up.%1")
                                     .arg(method == TrainingSession::Method::MiniBatch
                                              ? tr(" Mini-batches can be steeper than the whole "
                                                   "data: their bound may be lower.")
                                              : QString()));
    } else {
        m_boundLabel->setText(tr("no bound without data"));
    }
    m_defaultRateButton->setEnabled(std::isfinite(m_session->defaultRate()));
    const bool past = m_session->isPastBound();
    m_warningLabel->setVisible(past);
    if (past)
        m_warningLabel->setText(
            tr("\u26a0 The rate %1 is past the stable bound %2: each step overshoots the "
               "bottom by more than the last. Expect it to diverge; try %3.")
                .arg(NumberText::brief(rate, 3), NumberText::brief(bound, 3),
                     NumberText::brief(m_session->suggestedRate(), 3)));
    m_updating = was;
    updateRunState();
}

void TrainingView::updateRunState() {
    // The lasso has no gradient descent: Step, Run and To end say why instead.
    const bool available = m_session->isAvailable();
    const bool rows = m_document->dataset().rowCount() > 0 && available;
    for (QPushButton* button : {m_stepButton, m_runButton, m_endButton})
        button->setToolTip(available ? m_toolTips.value(button) : m_session->unavailableText());
    const bool running = m_session->isRunning();
    const bool attached = m_session->isAttached();
    m_stepButton->setEnabled(rows && (!attached || !m_session->atEnd()));
    m_backButton->setEnabled(attached && m_session->position() > 0);
    m_runButton->setEnabled(rows && (running || !attached || !m_session->atEnd()));
    m_runButton->setText(running ? tr("Pause") : tr("Run"));
    m_resetButton->setEnabled(m_session->hasRun());
    m_endButton->setEnabled(rows && (!attached || !m_session->atEnd()));

    if (m_session->hasRun()) {
        m_epochLabel->setText(tr("Epoch <b>%1</b> \u00b7 %4 <b>%2</b> \u00b7 %3")
                                  .arg(grouped(qint64(m_session->epoch())),
                                       NumberText::brief(m_session->loss(), 6),
                                       m_session->runLabel().toHtmlEscaped(),
                                       m_session->result().model.weights().n_elem > 0 &&
                                               m_session->descentSettings().ridgeAlpha > 0
                                           ? tr("loss")
                                           : tr("MSE")));
    } else {
        m_epochLabel->setText(tr("Epoch \u2014 \u00b7 MSE %1")
                                  .arg(NumberText::brief(m_document->evaluation().metrics.mse, 6)));
    }
    const QString status = available ? m_session->statusText() : m_session->unavailableText();
    if (m_statusLabel->text() != status)
        m_statusLabel->setText(status);
    const bool diverged = m_session->atEnd() && attached && m_session->result().diverged;
    const bool converged = m_session->atEnd() && attached && m_session->result().converged;
    m_statusLabel->setStyleSheet(diverged    ? QStringLiteral("color: #a50e0e;")
                                 : converged ? QStringLiteral("color: #1b6e20;")
                                             : QString());
}

void TrainingView::compareNormalization() {
    if (!m_comparison) {
        m_comparison = new NormalizationComparison(m_document, this);
        m_comparison->setWindowFlag(Qt::Window);
        m_comparison->resize(980, 680);
    }
    m_session->pause();
    NormalizationComparisonSettings settings;
    settings.tolerance = m_session->tolerance();
    m_comparison->compare(settings);
    m_comparison->show();
    m_comparison->raise();
}
